import type { MessageEntity } from "telegraf/types";
import { ApiError, badRequest } from "./apiError.js";

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

interface OpenTag {
  name: string;
  offset: number;
  attributes: Map<string, string>;
}

const SIMPLE_TAGS: Record<string, MessageEntity["type"]> = {
  b: "bold",
  strong: "bold",
  i: "italic",
  em: "italic",
  u: "underline",
  ins: "underline",
  s: "strikethrough",
  strike: "strikethrough",
  del: "strikethrough",
  code: "code",
  pre: "pre",
  "tg-spoiler": "spoiler",
  span: "spoiler",
  blockquote: "blockquote",
  a: "text_link",
  "tg-emoji": "custom_emoji",
};

const NAMED_CHARACTERS: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/**
 * Telegram's parse_mode "HTML" as the Bot API server (tdlib) implements it: only its tags,
 * only &lt; &gt; &amp; &quot; and numeric character references (any other "&" stays literal),
 * and the same error texts, so a bot that forgets to escape "<" fails here as it would live.
 */
export function parseHtml(source: string): FormattedText {
  let text = "";
  const open: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? "";
    if (char === "&") {
      const reference = decodeCharacterReference(source, i);
      if (reference) {
        text += reference.char;
        i = reference.end;
        continue;
      }
    }
    if (char !== "<") {
      text += char;
      i += 1;
      continue;
    }
    const at = Buffer.byteLength(source.slice(0, i));
    const end = source.indexOf(">", i);
    if (source[i + 1] === "/") {
      if (end < 0) throw entitiesError(`Unclosed end tag at byte offset ${at}`);
      const name = source.slice(i + 2, end).trim().toLowerCase();
      const tag = open.pop();
      if (!tag) throw entitiesError(`Unexpected end tag at byte offset ${at}`);
      if (tag.name !== name) {
        throw entitiesError(`Unmatched end tag at byte offset ${at}, expected "</${tag.name}>", found "</${name}>"`);
      }
      const entity = toEntity(tag, text.length - tag.offset, open.at(-1));
      if (entity && entity.length > 0) entities.push(entity);
      i = end + 1;
      continue;
    }
    const name = (/^[^\s>]*/.exec(source.slice(i + 1))?.[0] ?? "").toLowerCase();
    if (!(name in SIMPLE_TAGS)) throw entitiesError(`Unsupported start tag "${name}" at byte offset ${at}`);
    if (end < 0) throw entitiesError(`Unclosed start tag at byte offset ${at}`);
    const attributes = parseAttributes(source.slice(i + 1 + name.length, end));
    if (name === "span" && attributes.get("class") !== "tg-spoiler") {
      throw entitiesError(`Tag "span" must have class "tg-spoiler" at byte offset ${at}`);
    }
    open.push({ name, offset: text.length, attributes });
    i = end + 1;
  }
  const unclosed = open.at(-1);
  if (unclosed) throw entitiesError(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

function entitiesError(detail: string): ApiError {
  return badRequest(`can't parse entities: ${detail}`);
}

function toEntity(tag: OpenTag, length: number, parent: OpenTag | undefined): MessageEntity | undefined {
  const { offset, attributes } = tag;
  switch (tag.name) {
    case "a": {
      const url = attributes.get("href");
      return url ? { type: "text_link", offset, length, url } : undefined;
    }
    case "code":
      // <pre><code class="language-x"> is one pre entity with a language, not two entities.
      if (parent?.name === "pre") {
        const language = attributes.get("class")?.replace(/^language-/, "");
        if (language) parent.attributes.set("language", language);
        return undefined;
      }
      return { type: "code", offset, length };
    case "pre": {
      const language = attributes.get("language");
      return language ? { type: "pre", offset, length, language } : { type: "pre", offset, length };
    }
    case "blockquote": {
      // telegraf's types predate Bot API 7.4, which added expandable_blockquote.
      const type = (attributes.has("expandable") ? "expandable_blockquote" : "blockquote") as "blockquote";
      return { type, offset, length };
    }
    case "tg-emoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: attributes.get("emoji-id") ?? "" };
    default:
      return { type: SIMPLE_TAGS[tag.name] as "bold", offset, length };
  }
}

function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const pattern = /([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
  for (const [, name, double, single, bare] of source.matchAll(pattern)) {
    if (name) attributes.set(name.toLowerCase(), decodeAll(double ?? single ?? bare ?? ""));
  }
  return attributes;
}

function decodeAll(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, _body, at: number) => {
    return decodeCharacterReference(value, at)?.char ?? match;
  });
}

function decodeCharacterReference(source: string, at: number): { char: string; end: number } | undefined {
  const match = /^&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|([a-z]+));/i.exec(source.slice(at, at + 12));
  if (!match) return undefined;
  const [whole, hex, decimal, named] = match;
  const end = at + whole.length;
  if (named !== undefined) {
    const char = NAMED_CHARACTERS[named.toLowerCase()];
    return char === undefined ? undefined : { char, end };
  }
  const codePoint = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
  return codePoint > 0 && codePoint <= 0x10ffff ? { char: String.fromCodePoint(codePoint), end } : undefined;
}
