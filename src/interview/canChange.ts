import { evaluate } from "../engine/evaluate.js";
import { MAX_FEN } from "../engine/money.js";
import { MAX_COUNT } from "../engine/screening.js";
import type { Evaluation } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { buildScreening } from "./buildScreening.js";
import { floorFen, groupFloorsFen } from "./supportFloor.js";
import type { Candidate } from "./nextQuestion.js";
import type { Question, QuestionBank } from "./questionBank.js";
import type { AnswerValue, LogEntry } from "./state.js";
import { MAX_LISTED_PROJECTS } from "./validateAnswer.js";

/** Answers at the extremes of a question's range (among the options offered): if none of them differ, no answer can. */
export function answerVariants(question: Question, offered?: readonly string[]): AnswerValue[] {
  const options = offered ? [...offered] : (question.options ?? []).map((o) => o.value);
  switch (question.type) {
    case "yes_no":
      return [true, false];
    case "single":
      return options;
    case "amount":
      return [0, MAX_FEN];
    case "count":
      return [0, 1, question.makesList ? MAX_LISTED_PROJECTS : MAX_COUNT];
    case "text":
      // Stryker disable next-line ArrayDeclaration,StringLiteral: text questions are details (the bank's schema), which are never judged
      return ["Example Co."];
    case "overlaps": {
      // No group, or any two open members as one project: a larger group changes less.
      const members = options.filter((value) => question.options?.find((o) => o.value === value)?.member);
      return [[], ...members.flatMap((a, i) => members.slice(i + 1).map((b) => [a, b]))];
    }
    default:
      return [[], options, ...options.map((o) => [o])];
  }
}

/**
 * The part of a result an answer can change: each item's status, its floor (the least it pays
 * once Article 1's gate holds), what its groups of facts that add up pay, its potential, and
 * what Article 16 counts of it.
 */
export function fingerprint(rules: CompiledRules, screening: Screening, evaluation: Evaluation): string {
  return JSON.stringify(
    evaluation.items.map((item) => [item.id, item.status, floorFen(rules, screening, item), groupFloorsFen(rules, screening, item), item.potentialMaxSupportFen, item.countedSupportFen]),
  );
}

/**
 * Whether some answer to the question would give a different result than another. The
 * engine's `missing` lists facts that can matter in general; this settles it for the facts
 * known now (a fact can be moot because another one was answered "don't know"). Only the
 * items the question bears on are evaluated: decided items stay decided whatever is learnt.
 */
export function canChangeResult(bank: QuestionBank, rules: CompiledRules, log: readonly LogEntry[], asOf: string, candidate: Candidate): boolean {
  const only = new Set(candidate.items);
  let first: string | null = null;
  for (const value of answerVariants(candidate.question, candidate.options)) {
    const screening = buildScreening(bank, [...log, { key: candidate.key, value }], asOf);
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: every item, with its missing facts sorted out, gives the same fingerprint; this only saves work
    const print = fingerprint(rules, screening, evaluate(screening, rules, asOf, { only, relevantMissing: false }));
    if (first === null) first = print;
    else if (print !== first) return true;
  }
  return false;
}
