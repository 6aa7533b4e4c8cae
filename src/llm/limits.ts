/**
 * Limits on LLM use. A call first asks for a slot; without one, the caller answers from the
 * template at once. In memory: a restart forgets the counts (the bot may persist them later).
 */

/** Frees the slot taken; calling it twice frees it once. */
export type Release = () => void;

/** A slot for one LLM call, or null when a limit says no. */
export type AcquireSlot = () => Release | null;

/** At most `limit` LLM calls per user per (Beijing) day. */
export class DailyLimiter {
  private day = "";
  private readonly used = new Map<string, number>();

  constructor(private readonly limit: number) {}

  tryTake(userId: string, day: string): boolean {
    if (day !== this.day) {
      this.day = day;
      this.used.clear();
    }
    const count = this.used.get(userId) ?? 0;
    if (count >= this.limit) return false;
    this.used.set(userId, count + 1);
    return true;
  }
}

/** At most `limit` LLM calls in flight; beyond that, no queue: the caller falls back. */
export class ConcurrencyGate {
  private inFlight = 0;

  constructor(private readonly limit: number) {}

  tryEnter(): Release | null {
    if (this.inFlight >= this.limit) return null;
    this.inFlight += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
    };
  }

  get active(): number {
    return this.inFlight;
  }
}

export const ALWAYS: AcquireSlot = () => () => {};
