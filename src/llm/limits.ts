/**
 * Limits on LLM use. A call first asks for a slot; without one, the caller answers from the
 * template at once. The per-user daily count is the conversation layer's (kept in the store);
 * this is the process-wide limit on calls in flight.
 */

/** Frees the slot taken; calling it twice frees it once. */
export type Release = () => void;

/** A slot for one LLM call, or null when a limit says no. */
export type AcquireSlot = () => Release | null;

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
