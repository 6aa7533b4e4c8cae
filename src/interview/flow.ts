import { evaluate } from "../engine/evaluate.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { buildScreening } from "./buildScreening.js";
import type { OutMessage } from "./messages.js";
import { canChangeResult } from "./canChange.js";
import { rankQuestions } from "./nextQuestion.js";
import type { QuestionBank } from "./questionBank.js";
import type { AnswerValue, InterviewState } from "./state.js";

/** The interview's moves: ask the next question, repeat the current one, record an answer. */

export interface InterviewContext {
  bank: QuestionBank;
  rules: CompiledRules;
}

export interface Step {
  state: InterviewState;
  out: OutMessage[];
}

/** The screening the answers so far describe, and the engine's result for it. */
export function currentResult(ctx: InterviewContext, state: InterviewState) {
  const screening = buildScreening(ctx.bank, state.log, state.asOf);
  return { screening, evaluation: evaluate(screening, ctx.rules, state.asOf) };
}

/** Picks the most valuable open question, or finishes with the result when none can change it. */
export function advance(ctx: InterviewContext, state: InterviewState, out: OutMessage[] = []): Step {
  const { screening, evaluation } = currentResult(ctx, state);
  const asked = new Set(state.log.map((entry) => entry.key));
  const ranked = rankQuestions(ctx.bank, screening, evaluation, asked);
  const next = ranked.find((c) => canChangeResult(ctx.bank, ctx.rules, state.log, state.asOf, c));
  if (!next) {
    const done: InterviewState = { ...state, current: null, editing: false, pending: null, ticked: [], done: true, turn: state.turn + 1 };
    return { state: done, out: [...out, { type: "result", evaluation, final: true }] };
  }
  const asking: InterviewState = { ...state, current: next.key, editing: false, pending: null, ticked: [], done: false, turn: state.turn + 1 };
  return { state: asking, out: [...out, question(asking, state.log.length + 1, state.log.length + ranked.length, evaluation.totalMaxSupportFen)] };
}

function question(state: InterviewState, n: number, about: number, soFarFen: number): OutMessage {
  return { type: "question", key: state.current!, turn: state.turn, n, about, soFarFen, ticked: state.ticked };
}

/** Shows the current question again (after a language switch, an error or a mid-way result). */
export function repeat(ctx: InterviewContext, state: InterviewState, out: OutMessage[]): Step {
  if (state.current === null) return advance(ctx, state, out);
  if (state.pending !== null) return { state, out: [...out, { type: "confirm_amount", key: state.current, turn: state.turn, fen: state.pending }] };
  const { screening, evaluation } = currentResult(ctx, state);
  const asked = new Set(state.log.map((entry) => entry.key));
  const open = rankQuestions(ctx.bank, screening, evaluation, asked).length;
  const n = state.editing ? state.log.findIndex((e) => e.key === state.current) + 1 : state.log.length + 1;
  return { state, out: [...out, question(state, n, Math.max(n, state.log.length + open), evaluation.totalMaxSupportFen)] };
}

/** Records an answer (or "don't know" as null) for the current question and moves on. */
export function record(ctx: InterviewContext, state: InterviewState, value: AnswerValue | null): Step {
  const key = state.current!;
  const log = state.editing ? state.log.map((entry) => (entry.key === key ? { key, value } : entry)) : [...state.log, { key, value }];
  return advance(ctx, { ...state, log });
}

