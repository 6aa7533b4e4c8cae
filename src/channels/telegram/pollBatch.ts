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
