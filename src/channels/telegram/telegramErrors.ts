import { TelegramError } from "telegraf";

/** What a failed Bot API call means for the outgoing queue. */
export type SendFailure =
  /** The edit would change nothing: the message already shows what we meant. */
  | { kind: "not_modified" }
  /** 429: Telegram says when to try again. */
  | { kind: "rate_limited"; retryAfterMs: number }
  /** 5xx or the network: worth another try after a pause. */
  | { kind: "transient"; detail: string }
  /** 403: the user blocked the bot (or deleted the account); nothing more can be sent. */
  | { kind: "blocked"; detail: string }
  /** The message to edit is gone or too old: send a new one instead. */
  | { kind: "not_editable"; detail: string }
  | { kind: "permanent"; detail: string };

const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED", "UND_ERR_SOCKET"]);
const NOT_EDITABLE = [/message to edit not found/i, /message can't be edited/i, /there is no text in the message to edit/i];

export function classifySendError(error: unknown): SendFailure {
  if (error instanceof TelegramError) {
    const detail = `${error.code} ${error.description}`;
    if (error.code === 429) return { kind: "rate_limited", retryAfterMs: Math.max(1, error.parameters?.retry_after ?? 1) * 1000 };
    if (error.code >= 500) return { kind: "transient", detail };
    if (error.code === 403) return { kind: "blocked", detail };
    if (error.code === 400 && /message is not modified/i.test(error.description)) return { kind: "not_modified" };
    if (error.code === 400 && NOT_EDITABLE.some((pattern) => pattern.test(error.description))) return { kind: "not_editable", detail };
    return { kind: "permanent", detail };
  }
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  if (name === "FetchError" || (code !== undefined && NETWORK_CODES.has(code))) return { kind: "transient", detail: `${name ?? "Error"} ${code ?? ""}`.trim() };
  return { kind: "permanent", detail: message ?? String(error) };
}
