/** More pending updates than this for one chat is a flood, not typing: the excess is dropped. */
export const DEFAULT_MAX_PENDING_PER_CHAT = 50;

export class ChatQueueFullError extends Error {
  constructor(readonly chatId: number) {
    super(`chat ${chatId} has too many pending updates`);
    this.name = "ChatQueueFullError";
  }
}

/**
 * Runs tasks one at a time per chat and in parallel across chats, so two updates of one chat
 * (a double tap, fast typing) never interleave between reading and saving its state.
 */
export class ChatQueue {
  private readonly tails = new Map<number, { tail: Promise<void>; pending: number }>();
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly maxPendingPerChat = DEFAULT_MAX_PENDING_PER_CHAT) {}

  /** Queues the task behind the chat's earlier ones; the promise settles with the task. */
  run<T>(chatId: number, task: () => Promise<T>): Promise<T> {
    const lane = this.tails.get(chatId) ?? { tail: Promise.resolve(), pending: 0 };
    if (lane.pending >= this.maxPendingPerChat) return Promise.reject(new ChatQueueFullError(chatId));
    lane.pending += 1;
    const result = lane.tail.then(task);
    lane.tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(chatId, lane);
    const settled = lane.tail.then(() => {
      lane.pending -= 1;
      if (lane.pending === 0 && this.tails.get(chatId) === lane) this.tails.delete(chatId);
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
