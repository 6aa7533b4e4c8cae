import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import { t, type MessageParams } from "../i18n/translate.js";
import { CATALOGS, type MessageKey } from "../i18n/catalog/index.js";
import type { Reason } from "../engine/outcome.js";
import { memo } from "../memo.js";

/** Parameters that carry codes of the screening format, shown by their names. */
const CODED = new Set(["kind", "level", "promotedFrom", "levels"]);

function label(code: string, lang: Lang): string {
  const key = `label.${code}` as MessageKey;
  return key in CATALOGS[lang] ? CATALOGS[lang][key] : code;
}

/** Most reasons carry only amounts and counts: those are passed on as they are. */
function hasNames(params: MessageParams): boolean {
  if (typeof params.keptItem === "string") return true;
  for (const name in params) if (CODED.has(name)) return true;
  return false;
}

function named(params: MessageParams, lang: Lang): MessageParams {
  if (!hasNames(params)) return params;
  const out: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = CODED.has(name) && typeof value === "string" ? value.split(", ").map((code) => label(code, lang)).join(lang === "en" ? ", " : "、") : value;
  }
  if (typeof params.keptItem === "string") out.kept = keptMember(params, lang);
  return out;
}

/** Article 16: the member of an overlap group that was kept ("project 1 under Article 11"). */
function keptMember(params: MessageParams, lang: Lang): string {
  const article = articleLabel(String(params.keptItem), lang);
  return t(lang, `member.${String(params.keptPart)}` as MessageKey, { article, n: params.keptN ?? 0 });
}

/** The reason's sentence alone ("only small and medium-sized enterprises …"). */
export function reasonText(reason: Reason, lang: Lang): string {
  return t(lang, `reason.${reason.code}` as MessageKey, reason.params ? named(reason.params, lang) : undefined);
}

/** "Article 6: " / "第六条：" in the reader's language, for each citation, made once. */
const prefixIn = (lang: Lang) => memo((cite: string) => `${articleLabel(cite, lang)}${lang === "en" ? ": " : "："}`);
const prefixes: Record<Lang, (cite: string) => string> = { en: prefixIn("en"), zh: prefixIn("zh") };

function render(reason: Reason, lang: Lang): string {
  return prefixes[lang](reason.cite) + reasonText(reason, lang);
}

/** Reasons without parameters recur in every result: each rendered once per language (a citation is digits and dots, a code has no "|"). */
const plainIn = (lang: Lang) => memo((reason: Reason) => render(reason, lang), (reason) => `${reason.cite}|${reason.code}`);
const plain: Record<Lang, (reason: Reason) => string> = { en: plainIn("en"), zh: plainIn("zh") };

/** "Article 6: only small and medium-sized enterprises …" in the reader's language. */
export function renderReason(reason: Reason, lang: Lang): string {
  return reason.params ? render(reason, lang) : plain[lang](reason);
}

export function renderNote(note: Reason, lang: Lang): string {
  return t(lang, `note.${note.code}` as MessageKey, note.params);
}
