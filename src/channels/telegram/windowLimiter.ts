/**
 * At most `limit` calls in any window of `windowMs`, as the server sees them: a call holds its
 * slot from before it is sent until `windowMs` after its response came back. Counting from the
 * response rather than from when the call left makes network delay harmless: calls that left
 * together but arrived spread out can never crowd into one window at the server's end.
 * Waiting callers are served first come, first served.
 */
export class WindowLimiter {
  private inFlight = 0;
  /** When recent calls completed, oldest first. */
  private readonly completed: number[] = [];
  private readonly waiting: (() => void)[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number >= 1, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`windowMs must be > 0, got ${windowMs}`);
  }

  /** Waits for a slot; call the function it resolves to once the call has completed (or failed). */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting.push(() => resolve(this.take()));
      this.pump();
    });
  }

  /** True when nothing holds a slot, so the limiter can be forgotten. */
  get idle(): boolean {
    this.forgetOld();
    return this.inFlight === 0 && this.completed.length === 0 && this.waiting.length === 0;
  }

  /** Lets every waiting caller through at once (on shutdown, where nothing is sent anyway). */
  close(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    for (const go of this.waiting.splice(0)) go();
  }

  private take(): () => void {
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.completed.push(this.now());
      this.pump();
    };
  }

  private pump(): void {
    this.forgetOld();
    while (this.waiting.length > 0 && this.inFlight + this.completed.length < this.limit) this.waiting.shift()!();
    if (this.waiting.length > 0 && this.completed.length > 0 && this.timer === undefined) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.pump();
      }, this.completed[0]! + this.windowMs - this.now());
    }
  }

  private forgetOld(): void {
    const cutoff = this.now() - this.windowMs;
    while (this.completed.length > 0 && this.completed[0]! <= cutoff) this.completed.shift();
  }
}
