import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { MessageKey } from "../i18n/catalog/index.js";
import type { Reason } from "../engine/outcome.js";

/** Reasons without parameters recur in every result: render each once per language. */
const plain = new Map<string, string>();

/** "Article 6: only small and medium-sized enterprises …" in the reader's language. */
export function renderReason(reason: Reason, lang: Lang): string {
  if (reason.params) return render(reason, lang);
  const key = `${lang}|${reason.cite}|${reason.code}`;
  let text = plain.get(key);
  if (text === undefined) {
    text = render(reason, lang);
    plain.set(key, text);
  }
  return text;
}

function render(reason: Reason, lang: Lang): string {
  const text = t(lang, `reason.${reason.code}` as MessageKey, reason.params);
  return `${articleLabel(reason.cite, lang)}${lang === "en" ? ": " : "："}${text}`;
}

export function renderNote(note: Reason, lang: Lang): string {
  return t(lang, `note.${note.code}` as MessageKey, note.params);
}
