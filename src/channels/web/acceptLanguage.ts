import type { Lang } from "../../i18n/lang.js";

/**
 * The chat's language from a browser's Accept-Language: Chinese unless English ranks higher
 * than any Chinese (`en-US,en;q=0.9` → en; `fr` or nothing → zh). The district's applicants
 * read Chinese; English is for those who ask for it.
 */
export function langFromAcceptLanguage(header: string | undefined): Lang {
  let zh = -1;
  let en = -1;
  for (const part of (header ?? "").split(",").slice(0, 20)) {
    const [tag = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    if (tag === "zh" || tag.startsWith("zh-")) zh = Math.max(zh, weight);
    else if (tag === "en" || tag.startsWith("en-")) en = Math.max(en, weight);
  }
  return en > zh && en > 0 ? "en" : "zh";
}
