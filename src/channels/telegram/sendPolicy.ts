/**
 * Telegram's limits: about 30 messages a second overall and one a second per chat. A chat may
 * get a burst of two (a result and the message under it, or a note and the question it is
 * about) as long as it averages one a second: at most `burst` calls in any `burst × intervalMs`.
 */
export interface RateLimits {
  perChat: { burst: number; intervalMs: number } | null;
  overall: { perSecond: number } | null;
}
export const TELEGRAM_LIMITS: RateLimits = { perChat: { burst: 2, intervalMs: 1000 }, overall: { perSecond: 30 } };

/**
 * How sends are retried: 5xx, network errors and calls past their deadline back off
 * exponentially until `horizonMs` after the first attempt (an outage of minutes loses nothing);
 * 429 waits what Telegram asks, at most `maxRateLimitWaits` times.
 */
export interface RetryPolicy {
  horizonMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRateLimitWaits: number;
  /** The deadline of one Bot API call: a hung call frees its slot in the limits after it. */
  callTimeoutMs: number;
}
export const DEFAULT_RETRY: RetryPolicy = { horizonMs: 10 * 60_000, baseDelayMs: 500, maxDelayMs: 30_000, maxRateLimitWaits: 50, callTimeoutMs: 15_000 };

/** The pause before the next attempt after `attempt` failures. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Jitter keeps many chats that failed together from retrying in the same instant.
  return delay * (0.75 + random() * 0.5);
}
