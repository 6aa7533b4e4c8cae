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

/** Bounded retries: 5xx and network errors back off exponentially; 429 waits what Telegram asks. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxRateLimitWaits: number;
}
export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 8_000, maxRateLimitWaits: 10 };

/** The pause before the next attempt after `attempt` failures. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  // Jitter keeps many chats that failed together from retrying in the same instant.
  return delay * (0.75 + random() * 0.5);
}
