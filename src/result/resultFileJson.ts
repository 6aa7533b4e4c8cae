import { fenToYuan } from "../engine/money.js";
import type { Evaluation, ItemOutcome, Reason, TraceStep } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";
import { MAX_REMEMBERED, memo } from "../memo.js";
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
 * JSON text of strings from small fixed sets (item ids, statuses, screening paths), each escaped
 * once. Never used for text that carries amounts or names.
 */
const quoted = memo((text) => JSON.stringify(text));

/**
 * What a reason's text depends on besides the language: the Article, code and each parameter,
 * named by the engine. A number is written as it is (an amount is formatted only when a
 * number); a string with its length first, which no number's text has, so no two different
 * sets of parameters share a key, whatever their strings hold.
 */
function reasonKey(reason: Reason): string {
  let key = `${reason.cite}|${reason.code}`;
  const params = reason.params;
  for (const name in params) {
    const value = params[name]!;
    // Stryker disable next-line ConditionalExpression: a number given "undefined:" too (it has no length) would be told apart as well.
    key += `|${name}=${typeof value === "string" ? `${value.length}:${value}` : value}`;
  }
  return key;
}

/**
 * A reason's JSON text, rendered and escaped once for all the results that give it: reasons
 * repeat (16 a screening over 20,000 generated screenings, 9 of them with parameters, and 441
 * different ones of those in all), and rendering them was over half of writing a result. Each
 * language keeps half of a memo's usual bound.
 */
const reasonJsonIn = (lang: Lang) => memo((reason: Reason) => JSON.stringify(renderReason(reason, lang)), reasonKey, MAX_REMEMBERED / 2);
const REASON_JSON: Record<Lang, (reason: Reason) => string> = { en: reasonJsonIn("en"), zh: reasonJsonIn("zh") };

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
    `,"reasons":${jsonList(item.reasons, REASON_JSON[lang])}` +
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
