import type { InlineKeyboardButton, InlineKeyboardMarkup } from "telegraf/types";
import { badRequest } from "./apiError.js";

const ACTION_FIELDS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

const MAX_CALLBACK_DATA_BYTES = 64;

export interface CheckedMarkup {
  /** Only inline keyboards stay attached to a message; reply keyboards act on the client. */
  inline: InlineKeyboardMarkup | undefined;
}

/** Validates reply_markup as Telegram does, keeping only the fields Telegram would echo back. */
export function checkReplyMarkup(value: unknown): CheckedMarkup {
  if (value === undefined || value === null) return { inline: undefined };
  if (!isObject(value)) throw badRequest("can't parse reply keyboard markup JSON object");
  if (!("inline_keyboard" in value)) return { inline: undefined };
  const rows = value.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
    throw badRequest("can't parse inline keyboard button: field \"inline_keyboard\" must be an Array of Arrays");
  }
  return { inline: { inline_keyboard: rows.map((row: unknown[]) => row.map(checkButton)) } };
}

function checkButton(button: unknown): InlineKeyboardButton {
  if (!isObject(button) || typeof button.text !== "string") {
    throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
  }
  const actions = ACTION_FIELDS.filter((field) => button[field] !== undefined);
  if (actions.length === 0) {
    throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
  }
  const data = button.callback_data;
  if (data !== undefined) {
    const bytes = typeof data === "string" ? Buffer.byteLength(data) : 0;
    if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) throw badRequest("BUTTON_DATA_INVALID");
  }
  const kept: Record<string, unknown> = { text: button.text };
  for (const field of actions) kept[field] = button[field];
  return kept as unknown as InlineKeyboardButton;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Key-order independent comparison, as Telegram compares markups by content. */
export function sameContent(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    isObject(inner) ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => x.localeCompare(y))) : inner,
  );
}
