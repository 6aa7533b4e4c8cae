import type { Evaluation, ItemOutcome } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import { keyOf, resolvePath } from "./buildScreening.js";
import type { Question, QuestionBank } from "./questionBank.js";

export interface Candidate {
  key: string;
  question: Question;
  index: number | null;
  /** How much support the answer can still move, in fen. */
  valueFen: number;
  /** How many items the answer bears on. */
  settles: number;
}

function instances(question: Question, s: Screening): (number | null)[] {
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
 * fact (support already received, hardware share) bears on the eligible items it names,
 * whose amount the answer can only lower.
 */
function score(question: Question, index: number | null, evaluation: Evaluation): { valueFen: number; settles: number } {
  let valueFen = 0;
  let settles = 0;
  for (const item of evaluation.items) {
    if (question.defaulted) {
      if (item.status !== "eligible" || !concerns(item, question, index)) continue;
      valueFen += item.maxSupportFen ?? 0;
      settles += 1;
    } else if (item.status === "needs_info" && question.paths.some((path) => item.missing.includes(resolvePath(path, index)))) {
      valueFen += item.potentialMaxSupportFen ?? 0;
      settles += 1;
    }
  }
  return { valueFen, settles };
}

/**
 * Every question whose answer can still change the result, best first: the opening questions
 * in bank order, then by the support they can move, then by how many items they settle.
 */
export function rankQuestions(bank: QuestionBank, s: Screening, evaluation: Evaluation, asked: ReadonlySet<string>): Candidate[] {
  const candidates: (Candidate & { order: number })[] = [];
  bank.questions.forEach((question, order) => {
    for (const index of instances(question, s)) {
      const key = keyOf(question.id, index);
      if (asked.has(key)) continue;
      const { valueFen, settles } = score(question, index, evaluation);
      if (settles > 0) candidates.push({ key, question, index, valueFen, settles, order });
    }
  });
  return candidates.sort(
    (a, b) =>
      Number(b.question.opening ?? false) - Number(a.question.opening ?? false) ||
      (a.question.opening ? a.order - b.order : 0) ||
      b.valueFen - a.valueFen ||
      b.settles - a.settles ||
      a.order - b.order,
  );
}
