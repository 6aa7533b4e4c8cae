import { formatYuan } from "./formatMoney.js";
import type { Lang } from "./lang.js";
import { CATALOGS, type MessageKey } from "./catalog/index.js";

export type MessageParams = Record<string, string | number>;

/**
 * Fills a catalogue message. A parameter whose name ends in `Fen` is an amount and is
 * formatted for the language; an unknown placeholder is left visible rather than dropped.
 */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return name.endsWith("Fen") && typeof value === "number" ? formatYuan(value, lang) : String(value);
  });
}
