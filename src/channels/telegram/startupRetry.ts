import type { Logger } from "../../log.js";
import { backoffMs, type RetryPolicy } from "./sendPolicy.js";
import { classifySendError } from "./telegramErrors.js";

/** Start-up calls: a few attempts over about a minute, then the process stops with the error. */
export const STARTUP_RETRY: RetryPolicy & { attempts: number } = { attempts: 7, baseDelayMs: 1_000, maxDelayMs: 16_000, horizonMs: 60_000, maxRateLimitWaits: 5, callTimeoutMs: 15_000 };

/**
 * A start-up call (getMe, setWebhook, deleteWebhook) tried again while Telegram answers 5xx or
 * 429, times out or cannot be reached: a deploy during a short Telegram hiccup should not exit.
 * Anything else (a wrong token's 401, another instance's 409) fails at once, as retrying cannot help.
 */
export async function withStartupRetries<T>(
  method: string,
  call: () => Promise<T>,
  logger: Logger,
  policy = STARTUP_RETRY,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const failure = classifySendError(error);
      const retryable = failure.kind === "transient" || failure.kind === "rate_limited";
      if (!retryable || attempt >= policy.attempts) throw error;
      const pause = failure.kind === "rate_limited" ? failure.retryAfterMs : backoffMs(policy, attempt);
      logger.warn("start-up call failed; retrying", { method, attempt, pauseMs: Math.round(pause), detail: failure.kind === "transient" ? failure.detail : "429" });
      await sleep(pause);
    }
  }
}
