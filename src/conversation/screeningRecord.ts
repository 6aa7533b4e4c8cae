import type { Evaluation } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import type { Lang } from "../i18n/lang.js";
import { SCREENING_RECORD_VERSION, type ScreeningRecord } from "../store/store.js";

export interface FinishedScreening {
  caseId: string;
  conversationId: string;
  createdAt: Date;
  lang: Lang;
  screening: Screening;
  evaluation: Evaluation;
}

/** What is kept of a finished screening: its facts and, per item, the outcome staff count. */
export function toScreeningRecord(finished: FinishedScreening): ScreeningRecord {
  const { evaluation } = finished;
  return {
    schema: SCREENING_RECORD_VERSION,
    caseId: finished.caseId,
    conversationId: finished.conversationId,
    createdAt: finished.createdAt.toISOString(),
    lang: finished.lang,
    asOf: evaluation.asOf,
    inForce: evaluation.inForce,
    rulesVersion: evaluation.rulesVersion,
    screening: finished.screening,
    items: evaluation.items.map((item) => ({
      id: item.id,
      status: item.status,
      maxSupportFen: item.maxSupportFen,
      potentialMaxSupportFen: item.potentialMaxSupportFen,
      project: item.project?.index ?? null,
      counted: item.counted,
      countedSupportFen: item.countedSupportFen,
      ...(item.missing.length > 0 ? { missing: item.missing } : {}),
      // A near miss is an item that failed on one quality condition alone, which would otherwise pay ifConditionMetFen.
      ...(item.ifConditionMetFen !== null && item.reasons[0] ? { nearMiss: item.reasons[0].code } : {}),
    })),
    totalMaxSupportFen: evaluation.totalMaxSupportFen,
  };
}
