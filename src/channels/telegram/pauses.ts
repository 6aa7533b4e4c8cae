/** Timers for waits (retry pauses, queued sockets) that a shutdown can end all at once. */
export class Pauses {
  private readonly waking = new Set<() => void>();
  private stopped = false;

  /** Resolves after `ms`, or at once when stopped. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waking.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waking.add(wake);
    });
  }

  /** Resolves when `wake()` is called, or at once when stopped. */
  until(register: (wake: () => void) => void): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        this.waking.delete(wake);
        resolve();
      };
      this.waking.add(wake);
      register(wake);
    });
  }

  stop(): void {
    this.stopped = true;
    for (const wake of [...this.waking]) wake();
  }
}
