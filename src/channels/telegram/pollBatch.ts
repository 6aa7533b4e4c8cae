import { setTimeout as sleep } from "node:timers/promises";
import type { Telegram } from "telegraf";
import { wrapCallApi } from "./wrapCallApi.js";

/**
 * Makes telegraf's long polling (getUpdates without a limit) take at most `limit` updates a call
 * (TELEGRAM_POLL_BATCH); other calls are left as they are.
 *
 * telegraf asks for the next updates only once every update of a batch is handled, and starts a
 * batch's turns all at once, in one task of the event loop. Under load that feeds on itself:
 * updates pile up while a batch is handled, the next batch is larger and holds the event loop
 * longer, and more pile up. In `npm run bench:bot` (about 290 updates per second), batches of 33
 * to 100 updates carried two fifths of all updates; capped at 16, most polls brought one to four.
 * The cap also bounds throughput at about `limit` updates per round trip to the Bot API.
 */
export function limitPollBatches(telegram: Telegram, limit: number): void {
  wrapCallApi(telegram, (call) => (method, payload, options) =>
    call(method, method === "getUpdates" && payload?.limit === undefined ? { ...payload, limit } : payload, options));
}

/**
 * Makes telegraf's long polls start at least `intervalMs` apart (TELEGRAM_POLL_INTERVAL_MS):
 * when a poll comes back sooner, the next one waits out the rest. A poll answers as soon as one
 * update is there, so under load, with the Bot API close by, every poll brought one or two
 * updates: in `npm run bench:bot` (about 255 updates a second against a fake on the same
 * machine), 200 polls a second, each a round trip with its own CPU. Spaced, a poll brings
 * what came meanwhile, at the cost of that wait for the updates that come just after a poll.
 * A bot that was idle polls at once, and over a link whose round trip is longer than the
 * interval no poll waits. The wait ends early when polling stops (telegraf's signal).
 */
export function pacePolls(telegram: Telegram, intervalMs: number): void {
  let lastStart = -Infinity;
  wrapCallApi(telegram, (call) => async (method, payload, options) => {
    // The offset sync on stop (no timeout) is no long poll.
    if (method !== "getUpdates" || !payload?.timeout) return call(method, payload, options);
    const wait = lastStart + intervalMs - performance.now();
    if (wait > 0) await sleep(wait, undefined, { signal: options?.signal });
    lastStart = performance.now();
    return call(method, payload, options);
  });
}
