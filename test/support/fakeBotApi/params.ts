import { badRequest } from "./apiError.js";

/** Fields Telegram expects as JSON; in query strings and form bodies they arrive serialised. */
const JSON_FIELDS = new Set([
  "reply_markup",
  "entities",
  "caption_entities",
  "commands",
  "scope",
  "allowed_updates",
  "link_preview_options",
  "reply_parameters",
]);

/**
 * Turns string-encoded JSON fields into values so that calls recorded from JSON, multipart and
 * query-string requests look the same. A field that is not valid JSON is kept as the string,
 * and the method handler rejects it the way Telegram would.
 */
export function normaliseParams(raw: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(raw)) {
    params[name] = JSON_FIELDS.has(name) && typeof value === "string" ? tryParseJson(value) : value;
  }
  return params;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Typed, coercing reads of a Bot API call's parameters. */
export class Params {
  constructor(readonly values: Record<string, unknown>) {}

  has(name: string): boolean {
    return this.values[name] !== undefined && this.values[name] !== null;
  }

  optionalString(name: string): string | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "string") return value;
    if (typeof value === "number" || typeof value === "boolean") return String(value);
    throw badRequest(`field "${name}" must be of type String`);
  }

  optionalInteger(name: string): number | undefined {
    const value = this.values[name];
    if (value === undefined || value === null || value === "") return undefined;
    const number = typeof value === "string" ? Number(value) : value;
    if (typeof number === "number" && Number.isInteger(number)) return number;
    throw badRequest(`field "${name}" must be of type Integer`);
  }

  optionalBoolean(name: string): boolean | undefined {
    const value = this.values[name];
    if (value === undefined || value === null) return undefined;
    return value === true || value === "true" || value === "1" || value === 1;
  }

  /** Telegram accepts "@channelusername" too; the fake only knows numeric chats. */
  chatId(): number {
    const value = this.values.chat_id;
    if (value === undefined || value === null || value === "") throw badRequest("chat_id is empty");
    const number = typeof value === "string" ? Number(value) : value;
    if (typeof number !== "number" || !Number.isInteger(number)) throw badRequest("chat not found");
    return number;
  }

  /** For recording and fault matching: the chat a call names, if it names one validly. */
  optionalChatId(): number | undefined {
    try {
      return this.has("chat_id") ? this.chatId() : undefined;
    } catch {
      return undefined;
    }
  }

  messageId(): number {
    const id = this.optionalInteger("message_id");
    if (id === undefined) throw badRequest("message_id is empty");
    return id;
  }
}
