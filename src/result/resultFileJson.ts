import { fenToYuan } from "../engine/money.js";
import type { Evaluation, ItemOutcome, Reason, TraceStep } from "../engine/outcome.js";
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

/**
 * JSON text of strings from small fixed sets (item ids, statuses, screening paths, reasons
 * without parameters), each escaped once. Never used for text that carries amounts or names.
 */
const quotedOnce = new Map<string, string>();
function quoted(text: string): string {
  let json = quotedOnce.get(text);
  // Stryker disable next-line ConditionalExpression: a cache; escaping again gives the same text.
  if (json === undefined) {
    json = JSON.stringify(text);
    quotedOnce.set(text, json);
  }
  return json;
}

const reasonJson = (reason: Reason, lang: Lang) => (reason.params ? JSON.stringify(renderReason(reason, lang)) : quoted(renderReason(reason, lang)));

function jsonList<T>(values: readonly T[], json: (value: T) => string): string {
  // Stryker disable next-line ConditionalExpression: a shortcut; the loop below also writes "[]".
  if (values.length === 0) return "[]";
  let out = "[";
  for (let i = 0; i < values.length; i++) out += (i === 0 ? "" : ",") + json(values[i]!);
  return `${out}]`;
}

const traceJson = (step: TraceStep) => JSON.stringify(renderTrace(step));

function itemJson(item: ItemOutcome, lang: Lang): string {
  return (
    `{"id":${quoted(item.id)},"status":${quoted(item.status)}` +
    `,"maxSupport":${yuanOrNull(item.maxSupportFen)},"potentialMaxSupport":${yuanOrNull(item.potentialMaxSupportFen)}` +
    `,"missing":${jsonList(item.missing, quoted)}` +
    `,"reasons":${jsonList(item.reasons, (reason) => reasonJson(reason, lang))}` +
    `,"trace":${jsonList(item.trace, traceJson)}` +
    `,"counted":${item.counted},"countedSupport":${fenToYuan(item.countedSupportFen)}` +
    // Article 11's project only, and its key order is the engine's: left to JSON.stringify.
    // Stryker disable next-line ConditionalExpression: a shortcut; JSON.stringify(null) is "null" too.
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
    `,"notes":${jsonList(evaluation.notes, (note) => JSON.stringify(renderNote(note, lang)))}}`
  );
}
