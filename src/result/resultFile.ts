import { fenToYuan } from "../engine/money.js";
import type { Evaluation, ItemOutcome, ProjectRef } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";
import { renderNote, renderReason } from "./renderReason.js";
import { renderTrace } from "./renderTrace.js";

/** The result file of docs/screening-format.md: amounts in yuan, reasons and notes as sentences. */
export interface ResultFile {
  version: 1;
  rulesVersion: string;
  asOf: string;
  inForce: boolean;
  items: ResultItem[];
  totalMaxSupport: number;
  notes: string[];
}

export interface ResultItem {
  id: string;
  status: ItemOutcome["status"];
  maxSupport: number | null;
  potentialMaxSupport: number | null;
  missing: string[];
  reasons: string[];
  trace: string[];
  counted: boolean;
  /** What of it counts toward totalMaxSupport after Article 16; totalMaxSupport is their sum. */
  countedSupport: number;
  /** Article 11: which project; null for every other item. */
  project: ProjectRef | null;
}

const yuanOrNull = (fen: number | null) => (fen === null ? null : fenToYuan(fen));

export function toResultFile(evaluation: Evaluation, lang: Lang = "en"): ResultFile {
  return {
    version: 1,
    rulesVersion: evaluation.rulesVersion,
    asOf: evaluation.asOf,
    inForce: evaluation.inForce,
    items: evaluation.items.map((item) => ({
      id: item.id,
      status: item.status,
      maxSupport: yuanOrNull(item.maxSupportFen),
      potentialMaxSupport: yuanOrNull(item.potentialMaxSupportFen),
      missing: item.missing,
      reasons: item.reasons.map((reason) => renderReason(reason, lang)),
      trace: item.trace.map(renderTrace),
      counted: item.counted,
      countedSupport: fenToYuan(item.countedSupportFen),
      project: item.project,
    })),
    totalMaxSupport: fenToYuan(evaluation.totalMaxSupportFen),
    notes: evaluation.notes.map((note) => renderNote(note, lang)),
  };
}
