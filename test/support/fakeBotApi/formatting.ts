import type { MessageEntity } from "telegraf/types";
import { badRequest } from "./apiError.js";
import { type FormattedText, parseHtml } from "./html.js";
import type { Params } from "./params.js";

/** Telegram counts characters (code points) after entity parsing. */
export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

/** Reads `field` (text or caption) with parse_mode or explicit entities applied. */
export function formattedField(params: Params, field: "text" | "caption"): FormattedText | undefined {
  const source = params.optionalString(field);
  if (source === undefined) return undefined;
  const parseMode = params.optionalString("parse_mode") ?? "";
  if (parseMode === "") {
    const entities = params.values[field === "text" ? "entities" : "caption_entities"];
    return { text: source, entities: Array.isArray(entities) ? (entities as MessageEntity[]) : [] };
  }
  if (parseMode.toLowerCase() === "html") return parseHtml(source);
  throw badRequest(`the fake Bot API implements parse_mode HTML only, not "${parseMode}"`);
}

export function characterCount(text: string): number {
  return [...text].length;
}

/** The text/entities pair as Telegram puts it in a Message: no empty entities array. */
export function textFields(formatted: FormattedText): { text: string; entities?: MessageEntity[] } {
  return formatted.entities.length > 0 ? { text: formatted.text, entities: formatted.entities } : { text: formatted.text };
}
