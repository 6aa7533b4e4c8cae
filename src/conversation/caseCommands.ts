import { t } from "../i18n/translate.js";
import { currentResult } from "../interview/index.js";
import { evaluate } from "../engine/evaluate.js";
import { caseIdSchema } from "../store/caseId.js";
import type { Assist } from "./assist.js";
import { findCase, latestCase } from "./cases.js";
import type { Caller, ConversationDeps } from "./deps.js";
import { message, turnOf, type Turn } from "./reply.js";
import { reportDocument } from "./report.js";
import type { Session } from "./session.js";

/** /report [CASE] and the Report button: the printable HTML report as a document. */
export async function sendReport(deps: ConversationDeps, session: Session, caller: Caller, caseId: string): Promise<Turn> {
  const { conversationId, lang } = session;
  if (caseId !== "" && !caseIdSchema.safeParse(caseId).success) return turnOf([message(t(lang, "bot.report.notFound", { caseId: caseId.slice(0, 40) }))], "ignored");
  const record = caseId === "" ? await latestCase(deps, conversationId) : await findCase(deps, conversationId, caller.staff === true, caseId);
  if (!record) return turnOf([message(caseId === "" ? t(lang, "bot.report.none") : t(lang, "bot.report.notFound", { caseId }))]);
  return turnOf([reportDocument(deps, record, lang)]);
}

/**
 * The Explain button under a result (a stored case), or `explain` typed at any time (the result
 * so far, else the latest case). The explanation comes later: an LLM may take seconds.
 */
export async function explain(deps: ConversationDeps, assist: Assist, session: Session, caller: Caller, caseId: string | null): Promise<Turn> {
  const { conversationId, lang } = session;
  if (caseId === null && session.interview) {
    const { screening, evaluation } = currentResult(deps.interview, session.interview);
    return turnOf([], "ok", assist.explain(session, evaluation, screening));
  }
  const record = caseId === null ? await latestCase(deps, conversationId) : await findCase(deps, conversationId, caller.staff === true, caseId);
  if (!record) return turnOf([message(caseId === null ? t(lang, "bot.check.none") : t(lang, "bot.report.notFound", { caseId }))], "ignored");
  const evaluation = evaluate(record.screening, deps.interview.rules, record.asOf);
  return turnOf([], "ok", assist.explain(session, evaluation, record.screening));
}
