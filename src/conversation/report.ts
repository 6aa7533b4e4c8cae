import { evaluate } from "../engine/evaluate.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import { buildReportHtml } from "../report/reportHtml.js";
import type { ScreeningRecord } from "../store/store.js";
import type { ConversationDeps } from "./deps.js";
import type { Reply } from "./reply.js";

/** The printable HTML pre-screening report of a stored case, as a document. */
export function reportDocument(deps: ConversationDeps, record: ScreeningRecord, lang: Lang): Reply {
  const { rules, bank } = deps.interview;
  const evaluation = evaluate(record.screening, rules, record.asOf);
  const html = buildReportHtml({ record, evaluation, rules, bank, lang });
  return { type: "document", filename: `${record.caseId}.html`, mediaType: "text/html", content: html, caption: t(lang, "bot.report.caption", { caseId: record.caseId }) };
}
