import type { Evaluation, ItemOutcome } from "../engine/outcome.js";
import type { ItemId, Screening } from "../engine/screening.js";
import { keyOf, readPath, resolvePath } from "./buildScreening.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { offeredOptions } from "./offeredOptions.js";
import { memberOutcome, nextGroup } from "./overlapMembers.js";
import type { Question, QuestionBank, QuestionOption } from "./questionBank.js";

export interface Candidate {
  key: string;
  question: Question;
  index: number | null;
  /** How much support the answer can still move, in fen. */
  valueFen: number;
  /** How many items the answer bears on. */
  settles: number;
  /** Only narrows an undecided item (support already received): asked after everything else. */
  refinement: boolean;
  /** Article 16: which items are one project is asked once every amount is known, at the very end. */
  last: boolean;
  /** The items the answer bears on: no other item can change. */
  items: ItemId[];
  /** The option values offered now (choice questions); [] for the others. */
  options: string[];
}

function instances(question: Question, s: Screening): (number | null)[] {
  if (question.type === "overlaps") return nextGroup(s);
  if (!question.each) return [null];
  const list = s[question.each] ?? [];
  return list.map((_, i) => i);
}

/** Whether the item is the one this (possibly per-project) question is about. */
function concerns(item: ItemOutcome, question: Question, index: number | null): boolean {
  if (!question.items?.includes(item.id)) return false;
  return question.each !== "infrastructure" || item.project?.index === (index ?? 0) + 1;
}

/**
 * What a question can still change. An ordinary question bears on the undecided items that
 * list one of its facts as missing, each worth its potential; a question about a defaulted
 * fact (support already received, hardware share) bears on the items it names, whose amount
 * or potential the answer can only lower: for an undecided item that is a refinement, asked
 * once nothing else is left.
 */
function score(question: Question, index: number | null, evaluation: Evaluation): { valueFen: number; settles: number; refinement: boolean; items: ItemId[] } {
  let valueFen = 0;
  let settles = 0;
  let refinement = true;
  const items: ItemId[] = [];
  for (const item of evaluation.items) {
    if (question.defaulted) {
      if (item.status === "not_eligible" || !concerns(item, question, index)) continue;
      valueFen += item.maxSupportFen ?? item.potentialMaxSupportFen ?? 0;
      settles += 1;
      items.push(item.id);
      if (item.status === "eligible") refinement = false;
    } else if (item.status === "needs_info" && question.paths.some((path) => item.missing.includes(resolvePath(path, index)))) {
      valueFen += item.potentialMaxSupportFen ?? 0;
      settles += 1;
      items.push(item.id);
      refinement = false;
    }
  }
  return { valueFen, settles, refinement, items };
}

/** The overlap question bears on the items of its open members, and only when two or more are open. */
function scoreOverlap(offered: readonly QuestionOption[], s: Screening, evaluation: Evaluation): { valueFen: number; settles: number; refinement: boolean; items: ItemId[] } {
  const outcomes = offered.flatMap((o) => (o.member ? [memberOutcome(o.member, s, evaluation)!] : []));
  if (outcomes.length < 2) return { valueFen: 0, settles: 0, refinement: false, items: [] };
  const items = [...new Set(outcomes.map((item) => item.id))];
  return { valueFen: outcomes.reduce((sum, item) => sum + (item.maxSupportFen ?? item.potentialMaxSupportFen ?? 0), 0), settles: outcomes.length, refinement: false, items };
}

/** Whether another answer already gave every fact the question fills (no years supported: nothing received). */
function settled(question: Question, index: number | null, s: Screening): boolean {
  return question.paths.every((path) => readPath(s, resolvePath(path, index)) !== undefined);
}

/**
 * Every question whose answer may still change the result, best first: the opening questions
 * in bank order, then by the support they can move, then by how many items they settle, with
 * refinements last.
 */
export function rankQuestions(bank: QuestionBank, rules: CompiledRules, s: Screening, evaluation: Evaluation, asked: ReadonlySet<string>): Candidate[] {
  const candidates: (Candidate & { order: number })[] = [];
  bank.questions.forEach((question, order) => {
    for (const index of instances(question, s)) {
      const key = keyOf(question.id, index);
      if (asked.has(key) || (question.type !== "overlaps" && settled(question, index, s))) continue;
      const offered = offeredOptions(rules, question, index, s, evaluation);
      const options = offered.map((o) => o.value);
      if (question.detail) {
        candidates.push({ key, question, index, valueFen: 0, settles: 0, refinement: false, last: false, items: [], options, order });
        continue;
      }
      const { valueFen, settles, refinement, items } = question.type === "overlaps" ? scoreOverlap(offered, s, evaluation) : score(question, index, evaluation);
      const last = question.type === "overlaps";
      if (settles > 0) candidates.push({ key, question, index, valueFen, settles, refinement, last, items, options, order });
    }
  });
  return candidates.sort(
    (a, b) =>
      Number(b.question.opening ?? false) - Number(a.question.opening ?? false) ||
      (a.question.opening ? a.order - b.order : 0) ||
      Number(a.last) - Number(b.last) ||
      Number(a.refinement) - Number(b.refinement) ||
      b.valueFen - a.valueFen ||
      b.settles - a.settles ||
      a.order - b.order,
  );
}
