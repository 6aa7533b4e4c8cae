import { evaluate } from "../../engine/evaluate.js";
import type { Lang } from "../../i18n/lang.js";
import { describeFact, type InterviewContext } from "../../interview/index.js";
import { buildReportHtml, sameItems } from "../../report/reportHtml.js";
import { resultScreen } from "../../result/resultScreen.js";
import type { ScreeningRecord, Store } from "../../store/store.js";

export interface CaseDetail {
  record: ScreeningRecord;
  /** The result screen of the stored answers under the current rules, on the case's own date. */
  resultText: string;
  /** The rules version the case was screened under. */
  rulesVersion: string;
  /** The current rules give this case another result (the stored figures are what stats and exports count). */
  currentRulesDiffer: boolean;
}

/** One stored case for staff, or null when there is none by that id. */
export async function caseDetail(store: Store, interview: InterviewContext, caseId: string, lang: Lang): Promise<CaseDetail | null> {
  const record = await store.getScreening(caseId);
  if (!record) return null;
  const { rules, bank } = interview;
  const evaluation = evaluate(record.screening, rules, record.asOf);
  const differs = evaluation.rulesVersion !== record.rulesVersion && (evaluation.totalMaxSupportFen !== record.totalMaxSupportFen || !sameItems(record, evaluation));
  return {
    record,
    resultText: resultScreen(evaluation, rules, lang, describeFact({ bank, rules, screening: record.screening })),
    rulesVersion: record.rulesVersion,
    currentRulesDiffer: differs,
  };
}

/** The printable HTML report of a stored case, as applicants get it. */
export async function caseReport(store: Store, interview: InterviewContext, caseId: string, lang: Lang): Promise<string | null> {
  const record = await store.getScreening(caseId);
  if (!record) return null;
  const evaluation = evaluate(record.screening, interview.rules, record.asOf);
  return buildReportHtml({ record, evaluation, rules: interview.rules, bank: interview.bank, lang });
}
