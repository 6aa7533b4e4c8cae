/**
 * At most `limit` events in any window of `windowMs`: a ring of the last `limit` slot times.
 * Slots are handed out in order, so a caller that waits for its slot is served first come,
 * first served, and every window the Bot API looks at holds at most `limit` calls.
 */
export class WindowLimiter {
  private readonly times: number[] = [];
  private head = 0;

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a whole number >= 1, got ${limit}`);
    if (!(windowMs > 0)) throw new RangeError(`windowMs must be > 0, got ${windowMs}`);
  }

  /** Takes the earliest free slot at or after `now` and returns its time. */
  reserve(now: number): number {
    const full = this.times.length === this.limit;
    const slot = full ? Math.max(now, this.times[this.head]! + this.windowMs) : now;
    if (full) {
      this.times[this.head] = slot;
      this.head = (this.head + 1) % this.limit;
    } else this.times.push(slot);
    return slot;
  }

  /**
   * Moves the latest slot to when the call really went out (later, after waiting for another
   * limit), so the next slots count from the real time.
   */
  delayLatest(time: number): void {
    if (this.times.length === 0) return;
    const index = this.times.length === this.limit ? (this.head - 1 + this.limit) % this.limit : this.times.length - 1;
    this.times[index] = Math.max(this.times[index]!, time);
  }
}
