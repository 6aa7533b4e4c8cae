import { fenToYuan } from "../engine/money.js";
import type { Evaluation, ItemOutcome } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";
import { renderNote, renderReason } from "./renderReason.js";
import { renderTrace } from "./renderTrace.js";

/*
 * A batch writes one result file per line, so the text is built straight from the evaluation,
 * without the intermediate object of toResultFile. The bytes must equal
 * JSON.stringify(toResultFile(evaluation, lang)): the same keys in the same order, strings
 * escaped by JSON.stringify itself, numbers as JSON writes them (finite yuan amounts).
 */

const yuanOrNull = (fen: number | null) => (fen === null ? "null" : `${fenToYuan(fen)}`);

function stringList<T>(values: readonly T[], text: (value: T) => string): string {
  if (values.length === 0) return "[]";
  let out = "[";
  for (let i = 0; i < values.length; i++) out += (i === 0 ? "" : ",") + JSON.stringify(text(values[i]!));
  return `${out}]`;
}

const same = (text: string) => text;

function itemJson(item: ItemOutcome, lang: Lang): string {
  return (
    `{"id":${JSON.stringify(item.id)},"status":${JSON.stringify(item.status)}` +
    `,"maxSupport":${yuanOrNull(item.maxSupportFen)},"potentialMaxSupport":${yuanOrNull(item.potentialMaxSupportFen)}` +
    `,"missing":${stringList(item.missing, same)}` +
    `,"reasons":${stringList(item.reasons, (reason) => renderReason(reason, lang))}` +
    `,"trace":${stringList(item.trace, renderTrace)}` +
    `,"counted":${item.counted},"countedSupport":${fenToYuan(item.countedSupportFen)}` +
    // Article 11's project only, and its key order is the engine's: left to JSON.stringify.
    `,"project":${item.project === null ? "null" : JSON.stringify(item.project)}}`
  );
}

/** The result file's JSON text (docs/screening-format.md), byte for byte JSON.stringify(toResultFile(evaluation, lang)). */
export function resultFileJson(evaluation: Evaluation, lang: Lang = "en"): string {
  let items = "[";
  for (let i = 0; i < evaluation.items.length; i++) items += (i === 0 ? "" : ",") + itemJson(evaluation.items[i]!, lang);
  return (
    `{"version":1,"rulesVersion":${JSON.stringify(evaluation.rulesVersion)},"asOf":${JSON.stringify(evaluation.asOf)}` +
    `,"inForce":${evaluation.inForce},"items":${items}]` +
    `,"totalMaxSupport":${fenToYuan(evaluation.totalMaxSupportFen)}` +
    `,"notes":${stringList(evaluation.notes, (note) => renderNote(note, lang))}}`
  );
}
