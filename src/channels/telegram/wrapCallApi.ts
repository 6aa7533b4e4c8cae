import type { Telegram } from "telegraf";

/** telegraf's callApi without its per-method types: what a wrapper around every call sees. */
export type RawCallApi = (method: string, payload: Record<string, unknown>, options?: { signal?: AbortSignal }) => Promise<unknown>;

/** Puts `wrap` around every Bot API call made through this Telegram client, polling's included. */
export function wrapCallApi(telegram: Telegram, wrap: (call: RawCallApi) => RawCallApi): void {
  telegram.callApi = wrap(telegram.callApi.bind(telegram) as RawCallApi) as Telegram["callApi"];
}
