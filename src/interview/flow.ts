import { evaluate } from "../engine/evaluate.js";
import type { Evaluation, Reason } from "../engine/outcome.js";
import type { ItemId, Screening } from "../engine/screening.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { buildScreening, parseKey } from "./buildScreening.js";
import { offeredOptions } from "./offeredOptions.js";
import type { QuestionBank, QuestionOption } from "./questionBank.js";
import type { OutMessage } from "./messages.js";
import { canChangeResult } from "./canChange.js";
import { rankQuestions, type Candidate } from "./nextQuestion.js";
import type { AnswerValue, InterviewState, LogEntry } from "./state.js";

/** The interview's moves: ask the next question, repeat the current one, record an answer. */

export interface InterviewContext {
  bank: QuestionBank;
  rules: CompiledRules;
}

export interface Step {
  state: InterviewState;
  out: OutMessage[];
}

export interface CurrentResult {
  screening: Screening;
  evaluation: Evaluation;
}

/**
 * The result last worked out, and the answer log it is for. One step asks for the same result
 * several times (the options offered, what an answer ruled out, the next question, the reply),
 * and an interview never changes a log in place, so the log itself is the key. One result is
 * enough: a step asks for one log's result, then the next log's, never back.
 */
let last: { ctx: InterviewContext; log: readonly LogEntry[]; asOf: string; result: CurrentResult } | null = null;

/** The screening the answers so far describe, and the engine's result for it (shared: not to be changed). */
export function currentResult(ctx: InterviewContext, state: InterviewState): CurrentResult {
  if (last?.log === state.log && last.ctx === ctx && last.asOf === state.asOf) return last.result;
  const screening = buildScreening(ctx.bank, state.log, state.asOf);
  const result = { screening, evaluation: evaluate(screening, ctx.rules, state.asOf) };
  last = { ctx, log: state.log, asOf: state.asOf, result };
  return result;
}

/** Picks the most valuable open question, or finishes with the result when none can change it. */
export function advance(ctx: InterviewContext, state: InterviewState, out: OutMessage[] = []): Step {
  const { screening, evaluation } = currentResult(ctx, state);
  const asked = new Set(state.log.map((entry) => entry.key));
  const ranked = rankQuestions(ctx.bank, ctx.rules, screening, evaluation, asked);
  const next = nextWorthAsking(ctx, state, ranked);
  if (!next) {
    const done: InterviewState = { ...state, current: null, editing: false, pending: null, ticked: [], done: true, turn: state.turn + 1 };
    return { state: done, out: [...out, { type: "result", evaluation, final: true }] };
  }
  const asking: InterviewState = { ...state, current: next.key, editing: false, pending: null, ticked: [], done: false, turn: state.turn + 1 };
  return { state: asking, out: [...out, question(asking, next.options, state.log.length + 1, estimate(state.log.length, ranked), evaluation.totalMaxSupportFen)] };
}

/** How many questions in all, about: unknown until the opening questions (the topic picker) have pruned whole Articles. */
function estimate(answered: number, ranked: readonly Candidate[]): number | null {
  return ranked.some((c) => c.question.opening && !c.question.detail) ? null : answered + ranked.length;
}

/**
 * The first candidate that can change the result; a detail question ranked before it (the
 * applicant's name) goes first, and none is asked once nothing else can change.
 */
function nextWorthAsking(ctx: InterviewContext, state: InterviewState, ranked: readonly Candidate[]): Candidate | undefined {
  let detail: Candidate | undefined;
  for (const candidate of ranked) {
    if (candidate.question.detail) detail ??= candidate;
    else if (canChangeResult(ctx.bank, ctx.rules, state.log, state.asOf, candidate)) return detail ?? candidate;
  }
  return undefined;
}

function question(state: InterviewState, options: string[], n: number, about: number | null, soFarFen: number): OutMessage {
  return { type: "question", key: state.current!, turn: state.turn, n, about, soFarFen, ticked: state.ticked, options };
}

/** The options the current question offers now (what the applicant's kind can get, lower-paid recognitions). */
export function currentOptions(ctx: InterviewContext, state: InterviewState): QuestionOption[] {
  const ref = state.current === null ? null : parseKey(ctx.bank, state.current);
  if (!ref) return [];
  const { screening, evaluation } = currentResult(ctx, state);
  return offeredOptions(ctx.rules, ref.question, ref.index, screening, evaluation);
}

/** Shows the current question again (after a language switch, an error or a mid-way result). */
export function repeat(ctx: InterviewContext, state: InterviewState, out: OutMessage[]): Step {
  if (state.current === null) return advance(ctx, state, out);
  if (state.pending !== null) return { state, out: [...out, { type: "confirm_amount", key: state.current, turn: state.turn, fen: state.pending }] };
  const { screening, evaluation } = currentResult(ctx, state);
  const asked = new Set(state.log.map((entry) => entry.key));
  const ranked = rankQuestions(ctx.bank, ctx.rules, screening, evaluation, asked);
  const ref = parseKey(ctx.bank, state.current)!;
  const options = offeredOptions(ctx.rules, ref.question, ref.index, screening, evaluation).map((o) => o.value);
  const n = state.editing ? state.log.findIndex((e) => e.key === state.current) + 1 : state.log.length + 1;
  const about = estimate(state.log.length, ranked);
  return { state, out: [...out, question(state, options, n, about === null ? null : Math.max(n, about), evaluation.totalMaxSupportFen)] };
}

/** Records an answer (or "don't know" as null) for the current question and moves on. */
export function record(ctx: InterviewContext, state: InterviewState, value: AnswerValue | null, out: OutMessage[] = []): Step {
  const key = state.current!;
  const log = state.editing ? state.log.map((entry) => (entry.key === key ? { key, value } : entry)) : [...state.log, { key, value }];
  const next = { ...state, log };
  // The gates (who the applicant is) can rule Articles out for good; the topic picker only
  // records what the applicant chose, which needs no explaining.
  const question = parseKey(ctx.bank, key)?.question;
  const gate = question?.opening === true && question.type !== "topics";
  return advance(ctx, next, gate ? [...out, ...exclusions(ctx, state, next)] : out);
}

/**
 * What an opening answer rules out while the interview goes on (a social organisation cannot
 * get the enterprise-only Articles): said once, with the reason, as their topics disappear.
 */
function exclusions(ctx: InterviewContext, before: InterviewState, after: InterviewState): OutMessage[] {
  const was = currentResult(ctx, before).evaluation.items;
  const now = currentResult(ctx, after).evaluation.items;
  if (now.every((item) => item.status === "not_eligible")) return [];
  const byReason = new Map<string, { items: ItemId[]; reason: Reason }>();
  now.forEach((item, i) => {
    const reason = item.reasons[0];
    if (item.status !== "not_eligible" || was[i]?.status === "not_eligible" || !reason) return;
    // Grouped by what the reason says; each item cites its own Article.
    const code = JSON.stringify([reason.code, reason.params]);
    const group = byReason.get(code) ?? { items: [], reason };
    if (!group.items.includes(item.id)) group.items.push(item.id);
    byReason.set(code, group);
  });
  return [...byReason.values()].map(({ items, reason }) => ({ type: "excluded", items, reason }));
}

