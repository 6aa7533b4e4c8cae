import { evaluate } from "../../engine/evaluate.js";
import type { Lang } from "../../i18n/lang.js";
import { t } from "../../i18n/translate.js";
import { buildReportHtml } from "../../report/reportHtml.js";
import type { ScreeningRecord } from "../../store/store.js";
import { caseIdSchema } from "../../store/caseId.js";
import { findCase, latestCase } from "../cases.js";
import type { BotDeps, Outcome } from "../deps.js";
import type { Session } from "../session.js";

/** /report [CASE] and the Report button: the printable HTML report as a document. */
export async function onReport(deps: BotDeps, session: Session, userId: number | null, caseId: string): Promise<Outcome> {
  const { chatId, lang } = session;
  if (caseId !== "" && !caseIdSchema.safeParse(caseId).success) {
    void deps.outbox.sendText(chatId, t(lang, "bot.report.notFound", { caseId: caseId.slice(0, 40) }));
    return "ignored";
  }
  const record = caseId === "" ? await latestCase(deps, chatId) : await findCase(deps, chatId, userId, caseId);
  if (!record) {
    void deps.outbox.sendText(chatId, caseId === "" ? t(lang, "bot.report.none") : t(lang, "bot.report.notFound", { caseId }));
    return "ok";
  }
  sendReport(deps, chatId, record, lang);
  return "ok";
}

export function sendReport(deps: BotDeps, chatId: number, record: ScreeningRecord, lang: Lang): void {
  const { rules, bank } = deps.interview;
  const evaluation = evaluate(record.screening, rules, record.asOf);
  const html = buildReportHtml({ record, evaluation, rules, bank, lang });
  void deps.outbox.sendDocument(chatId, { filename: `${record.caseId}.html`, content: Buffer.from(html, "utf8") }, t(lang, "bot.report.caption", { caseId: record.caseId }));
}
