/**
 * Runs tasks one after another per key, in the order they were queued; different keys run side
 * by side. The file store queues every operation on a chat under its id, so two writes of one
 * file never overlap and the last call's state is the one left on disk.
 */
export class KeyedQueue<K> {
  private readonly tails = new Map<K, Promise<unknown>>();

  run<T>(key: K, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves once every task queued so far, and every task they queued, has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}

/** A caller's item in a group, and how to settle the caller's promise. */
export interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Items for a key that come while the key's queue is busy wait together, and go in one task of
 * the queue: `handle` gets them all and settles each (any it leaves unsettled when it throws
 * are rejected with its error). Under load, one write of a shared file then serves many callers
 * instead of each waiting for its own turn.
 */
export class KeyedGroups<K, T> {
  private readonly waiting = new Map<K, Waiting<T>[]>();

  constructor(
    private readonly queue: KeyedQueue<K>,
    private readonly handle: (key: K, group: Waiting<T>[]) => Promise<void>,
  ) {}

  add(key: K, item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      const waiting = this.waiting.get(key);
      if (waiting) return void waiting.push({ item, resolve, reject });
      this.waiting.set(key, [{ item, resolve, reject }]);
      void this.queue.run(key, async () => {
        const group = this.waiting.get(key)!;
        this.waiting.delete(key);
        try {
          await this.handle(key, group);
        } catch (error) {
          for (const waiter of group) waiter.reject(error);
        }
      });
    });
  }
}
