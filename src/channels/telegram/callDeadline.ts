import type { Telegram } from "telegraf";
import { FetchError } from "./jsonCalls.js";
import { wrapCallApi } from "./wrapCallApi.js";

/**
 * A Bot API call that did not answer within its deadline: a FetchError of node-fetch's own
 * timeout type, so telegraf's polling loop retries a timed-out getUpdates as it retries a
 * network error, and classifySendError counts it as transient.
 */
export class CallTimeoutError extends FetchError {
  constructor(
    readonly method: string,
    readonly timeoutMs: number,
  ) {
    super(`${method}: no answer from the Bot API within ${timeoutMs} ms`, "ETIMEDOUT", "request-timeout");
  }
}

/**
 * Gives every call made through this Telegram client a deadline (telegraf's own is 500 s): the
 * request is aborted, its socket freed, and the caller gets a CallTimeoutError. A long poll
 * (getUpdates) gets its own server-side wait on top, since it is meant to be held that long.
 * The function returned ends every call in flight at once (on shutdown).
 */
export function withCallDeadline(telegram: Telegram, timeoutMs: number): () => void {
  const inFlight = new Set<AbortController>();
  wrapCallApi(telegram, (call) => async (method, payload, options = {}) => {
    const pollSeconds = method === "getUpdates" && typeof payload?.timeout === "number" ? payload.timeout : 0;
    const deadline = timeoutMs + pollSeconds * 1000;
    const controller = new AbortController();
    inFlight.add(controller);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, deadline);
    const forward = () => controller.abort();
    options.signal?.addEventListener("abort", forward);
    if (options.signal?.aborted) controller.abort();
    try {
      return await call(method, payload, { signal: controller.signal });
    } catch (error) {
      throw timedOut ? new CallTimeoutError(method, deadline) : error;
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
      options.signal?.removeEventListener("abort", forward);
    }
  });
  return () => {
    for (const controller of inFlight) controller.abort();
  };
}
