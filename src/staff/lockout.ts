/** How many failed sign-ins lock a name or an address, and for how long. */
export interface LockoutPolicy {
  maxFailures: number;
  /** Failures count within this window from the first; the lock then lasts as long. */
  windowMs: number;
  lockMs: number;
}

export const LOCKOUT_DEFAULTS: LockoutPolicy = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

interface Failures {
  count: number;
  firstAt: number;
  lockedUntil: number;
}

/**
 * Counts failed sign-ins per key (an account name, known or not, or a client address) in
 * memory. A restart forgets the counts, which an attacker cannot cause from outside; the
 * entries are bounded so that many addresses cannot grow the map without limit.
 */
export class FailureCounter {
  private readonly entries = new Map<string, Failures>();

  constructor(
    private readonly policy: LockoutPolicy,
    private readonly maxEntries = 100_000,
  ) {}

  /** Milliseconds until the key may try again; 0 when it is not locked. */
  lockedFor(key: string, now: number): number {
    const entry = this.entries.get(key);
    return entry && entry.lockedUntil > now ? entry.lockedUntil - now : 0;
  }

  /** Records a failure; returns true when this failure locked the key. */
  fail(key: string, now: number): boolean {
    let entry = this.entries.get(key);
    if (!entry || (entry.lockedUntil <= now && now - entry.firstAt >= this.policy.windowMs)) {
      if (!entry && this.entries.size >= this.maxEntries) this.sweep(now);
      entry = { count: 0, firstAt: now, lockedUntil: 0 };
      this.entries.set(key, entry);
    }
    entry.count += 1;
    if (entry.count < this.policy.maxFailures) return false;
    entry.lockedUntil = now + this.policy.lockMs;
    entry.count = 0;
    entry.firstAt = now;
    return true;
  }

  clear(key: string): void {
    this.entries.delete(key);
  }

  /** Drops entries that neither lock nor count any more; if all still do, the oldest go. */
  private sweep(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.lockedUntil <= now && now - entry.firstAt >= this.policy.windowMs) this.entries.delete(key);
    }
    for (const key of this.entries.keys()) {
      if (this.entries.size < this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
