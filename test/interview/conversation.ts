import { expect } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Evaluation } from "../../src/engine/outcome.js";
import type { Screening } from "../../src/engine/screening.js";
import { currentResult, step, type InterviewContext } from "../../src/interview/interview.js";
import type { InterviewEvent, OutMessage } from "../../src/interview/messages.js";
import { initialState, type InterviewState } from "../../src/interview/state.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { personaAnswer } from "../support/personaAnswers.js";

export const ctx: InterviewContext = { bank: loadQuestionBank(), rules: loadRules() };
export const AS_OF = "2026-03-01";

/** Feeds events one by one, returning the final state and every message. */
export function play(events: InterviewEvent[], state: InterviewState = initialState("en", AS_OF)) {
  const out = [];
  for (const event of events) {
    const next = step(ctx, state, event);
    state = next.state;
    out.push(...next.out);
  }
  return { state, out };
}

/**
 * What matters of a result: per item, its statuses and summed amounts, and the total. Article
 * 11's projects are folded together: an interview need not list projects that cannot count.
 */
export function outcomeOf(evaluation: Evaluation) {
  const items = new Map<string, { statuses: Set<string>; max: number; potential: number }>();
  for (const item of evaluation.items) {
    const entry = items.get(item.id) ?? { statuses: new Set<string>(), max: 0, potential: 0 };
    entry.statuses.add(item.status);
    entry.max += item.maxSupportFen ?? 0;
    entry.potential += item.potentialMaxSupportFen ?? 0;
    items.set(item.id, entry);
  }
  return {
    total: evaluation.totalMaxSupportFen,
    items: [...items].map(([id, e]) => `${id}:${[...e.statuses].sort().join("+")}:${e.max}:${e.potential}`),
  };
}

/**
 * Runs a whole interview answering every question from the persona's facts, with an optional
 * check before each answer. Returns the questions asked and the final state.
 */
export function interview(persona: Screening, onQuestion?: (state: InterviewState) => void) {
  let { state, out } = play([{ type: "start" }], initialState("en", persona.asOf ?? AS_OF));
  const asked: string[] = [];
  for (let guard = 0; !state.done && guard < 200; guard++) {
    const key = state.current!;
    onQuestion?.(state);
    asked.push(key);
    const shown = out.filter((m) => m.type === "question").at(-1);
    const value = personaAnswer(ctx.bank, persona, key, shown?.options, currentResult(ctx, state).screening);
    const event: InterviewEvent = value === null ? { type: "skip" } : { type: "answer", key, turn: state.turn, value };
    ({ state, out } = play([event], state));
    if (state.pending !== null) ({ state, out } = play([{ type: "confirm", key, turn: state.turn, yes: true }], state));
  }
  return { state, asked, final: currentResult(ctx, state).evaluation, direct: evaluate(persona, ctx.rules, persona.asOf ?? AS_OF) };
}

/** The keys of the notices among messages. */
export const noticesOf = (out: OutMessage[]) => out.filter((m) => m.type === "notice").map((m) => (m as { key: string }).key);

/** Plays typed replies from the start, answering "don't know" to anything not scripted, until `key` is asked. */
export function at(key: string, replies: string[], lang: "zh" | "en" = "en"): InterviewState {
  let state = play([{ type: "start" }], initialState(lang, AS_OF)).state;
  for (const text of replies) state = play([{ type: "text", text }], state).state;
  for (let guard = 0; state.current !== key && guard < 60; guard++) state = play([{ type: "skip" }], state).state;
  expect(state.current).toBe(key);
  return state;
}
