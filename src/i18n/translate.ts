import { formatYuan } from "./formatMoney.js";
import type { Lang } from "./lang.js";
import { CATALOGS, type MessageKey } from "./catalog/index.js";

export type MessageParams = Record<string, string | number>;

/** A message split once into literal text and placeholder names, so filling it needs no regex. */
type Template = { literals: string[]; names: string[] };
const compiled: Record<Lang, Map<MessageKey, Template>> = { en: new Map(), zh: new Map() };

function template(lang: Lang, key: MessageKey): Template {
  let found = compiled[lang].get(key);
  if (!found) {
    const parts = CATALOGS[lang][key].split(/\{(\w+)\}/);
    found = { literals: parts.filter((_, i) => i % 2 === 0), names: parts.filter((_, i) => i % 2 === 1) };
    compiled[lang].set(key, found);
  }
  return found;
}

/** `{source}` filled from `sourceEn` or `sourceZh`: a name given in both languages (an annual guideline's). */
const IN_LANG: Record<Lang, string> = { en: "En", zh: "Zh" };

/**
 * Fills a catalogue message. A parameter whose name ends in `Fen` is an amount and is
 * formatted for the language; one given per language (`sourceEn`, `sourceZh`) fills `{source}`
 * in the reader's; an unknown placeholder is left visible rather than dropped.
 */
export function t(lang: Lang, key: MessageKey, params?: MessageParams): string {
  const { literals, names } = template(lang, key);
  let out = literals[0]!;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = params?.[name] ?? params?.[name + IN_LANG[lang]];
    const text = value === undefined ? `{${name}}` : name.endsWith("Fen") && typeof value === "number" ? formatYuan(value, lang) : String(value);
    out += text + literals[i + 1]!;
  }
  return out;
}
