import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import { FAQ_MESSAGES } from "./messages.js";
import { renderAmountLine, type SupportItem } from "./supportItems.js";

/** Each item's maxima, as a list under the item's name, then the note that they are maxima and the pointer to the interview. */
export function maximaText(items: readonly SupportItem[], lang: Lang): string {
  const messages = FAQ_MESSAGES[lang];
  const blocks = items.map((item) =>
    [messages.maximaOf(articleLabel(item.id, lang), item.title[lang]), ...item.amounts.map((line) => `- ${renderAmountLine(line, lang)}`)].join("\n"),
  );
  return [...blocks, messages.maximaNote].join("\n\n");
}

/** Each item's documents, as a list under the item's name, then the note that the guideline's list prevails. */
export function documentsText(items: readonly SupportItem[], lang: Lang): string {
  const messages = FAQ_MESSAGES[lang];
  const blocks = items.map((item) => [messages.documentsOf(articleLabel(item.id, lang), item.title[lang]), ...bullets(item.documents[lang])].join("\n"));
  return [...blocks, messages.documentsNote].join("\n\n");
}

/** The documents every item asks for, when the question names no item. */
export function commonDocumentsText(documents: readonly string[], lang: Lang): string {
  const messages = FAQ_MESSAGES[lang];
  return [[messages.documentsCommon, ...bullets(documents)].join("\n"), messages.documentsNote].join("\n\n");
}

function bullets(lines: readonly string[]): string[] {
  return lines.map((line) => `- ${line}`);
}
