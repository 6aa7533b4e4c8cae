/** More pending turns than this for one conversation is a flood, not typing: the excess is dropped. */
export const DEFAULT_MAX_PENDING_PER_CONVERSATION = 50;

export class ConversationQueueFullError extends Error {
  constructor(readonly conversationId: string) {
    super(`conversation ${conversationId} has too many pending turns`);
    this.name = "ConversationQueueFullError";
  }
}

/**
 * Runs tasks one at a time per conversation and in parallel across conversations, so two turns
 * of one conversation (a double tap, fast typing, two browser tabs) never interleave between
 * reading and saving its state.
 */
export class ConversationQueue {
  private readonly tails = new Map<string, { tail: Promise<void>; pending: number }>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly maxPending = DEFAULT_MAX_PENDING_PER_CONVERSATION) {}

  /** Queues the task behind the conversation's earlier ones; the promise settles with the task. */
  run<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const lane = this.tails.get(conversationId) ?? { tail: Promise.resolve(), pending: 0 };
    if (lane.pending >= this.maxPending) return Promise.reject(new ConversationQueueFullError(conversationId));
    lane.pending += 1;
    const result = lane.tail.then(task);
    lane.tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(conversationId, lane);
    const settled = lane.tail.then(() => {
      // A lane's tasks settle in order: once none is pending, no later task can have found it.
      lane.pending -= 1;
      if (lane.pending === 0) this.tails.delete(conversationId);
    });
    this.track(settled);
    return result;
  }

  /** Keeps a detached task (an explanation being written) in view of drain(). */
  track(work: Promise<unknown>): void {
    const tracked = work.then(
      () => undefined,
      () => undefined,
    );
    this.running.add(tracked);
    void tracked.then(() => this.running.delete(tracked));
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves once every queued and tracked task has finished, including ones queued meanwhile. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
