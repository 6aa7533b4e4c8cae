import type { Telegram } from "telegraf";
import { CallTimeoutError, deadlineOf } from "./jsonCalls.js";
import { wrapCallApi } from "./wrapCallApi.js";

/**
 * Gives every call made through this Telegram client a deadline (telegraf's own is 500 s; see
 * deadlineOf): the request is aborted, its socket freed, and the caller gets a CallTimeoutError.
 * The function returned ends every call in flight at once (on shutdown). The JSON calls that
 * sendJsonCallsDirectly sends keep their deadlines themselves, at less cost: this is for what
 * still goes through telegraf's own client (uploads).
 */
export function withCallDeadline(telegram: Telegram, timeoutMs: number): () => void {
  const inFlight = new Set<AbortController>();
  wrapCallApi(telegram, (call) => async (method, payload, options = {}) => {
    const deadline = deadlineOf(method, payload, timeoutMs);
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
