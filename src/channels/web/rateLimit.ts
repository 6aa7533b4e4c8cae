/** One client's bucket: tokens left and when they were last counted. */
interface Bucket {
  tokens: number;
  at: number;
}

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

/** More clients than this are forgotten oldest first, so a flood of addresses cannot exhaust memory. */
const MAX_CLIENTS = 100_000;

/**
 * Per-client token buckets: `burst` requests at once, then `perMinute` a minute, refilled
 * continuously. A bucket that would be full again is forgotten by the sweep.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.perMs = perMinute / 60_000;
  }

  get enabled(): boolean {
    return this.perMinute > 0;
  }

  take(client: string): Admission {
    if (!this.enabled) return { ok: true };
    const now = this.now();
    const bucket = this.buckets.get(client);
    const tokens = bucket ? Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs) : this.burst;
    if (tokens < 1) {
      bucket!.tokens = tokens;
      bucket!.at = now;
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.perMs / 1000)) };
    }
    if (bucket) {
      bucket.tokens = tokens - 1;
      bucket.at = now;
    } else {
      if (this.buckets.size >= MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value!);
      this.buckets.set(client, { tokens: tokens - 1, at: now });
    }
    return { ok: true };
  }

  /** Forgets clients whose buckets have refilled: they are as if never seen. */
  sweep(): void {
    const now = this.now();
    for (const [client, bucket] of this.buckets) if (bucket.tokens + (now - bucket.at) * this.perMs >= this.burst) this.buckets.delete(client);
  }

  get size(): number {
    return this.buckets.size;
  }
}
