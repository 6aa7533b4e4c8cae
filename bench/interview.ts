import type { Screening } from "../src/engine/screening.js";
import { currentResult, step, type InterviewContext } from "../src/interview/interview.js";
import type { InterviewEvent } from "../src/interview/messages.js";
import { loadQuestionBank } from "../src/rules/loadQuestions.js";
import { initialState } from "../src/interview/state.js";
import { loadRules } from "../src/rules/loadRules.js";
import { consistent, personaAnswer } from "../test/support/personaAnswers.js";
import { seeded } from "./random.js";
import { randomScreening } from "./screenings.js";
import { percentile, round } from "./timing.js";

const PERSONAS = 2000;
/** More questions than any interview asks: a persona stuck on one question stops the bench. */
const MAX_QUESTIONS = 500;

/** Questions a form would ask the persona: every question, once per project or recognition. */
function fullFormLength(ctx: InterviewContext, persona: Screening): number {
  let n = 0;
  for (const q of ctx.bank.questions) {
    if (q.type === "topics") continue;
    n += q.each ? (persona[q.each]?.length ?? 0) : 1;
  }
  return n;
}

/** Runs one interview answering from the persona's facts; returns how many questions it took and each step's time. */
function interviewPersona(ctx: InterviewContext, persona: Screening, stepMs: number[]): number {
  let state = initialState("en", persona.asOf ?? "2026-03-01");
  let shown: string[] | undefined;
  const timed = (event: InterviewEvent) => {
    const start = process.hrtime.bigint();
    const next = step(ctx, state, event);
    stepMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    state = next.state;
    shown = next.out.filter((m) => m.type === "question").at(-1)?.options ?? shown;
  };
  timed({ type: "start" });
  let asked = 0;
  while (!state.done) {
    const key = state.current!;
    asked += 1;
    if (asked > MAX_QUESTIONS) throw new Error(`interview did not end after ${MAX_QUESTIONS} questions (at ${key})`);
    const value = personaAnswer(ctx.bank, persona, key, shown, currentResult(ctx, state).screening);
    timed(value === null ? { type: "skip" } : { type: "answer", key, turn: state.turn, value });
    if (state.pending !== null) timed({ type: "confirm", key, turn: state.turn, yes: true });
  }
  return asked;
}

/** Questions per complete screening against a full form, and the time of one interview step. */
export async function benchInterview(): Promise<Record<string, number>> {
  const ctx: InterviewContext = { bank: loadQuestionBank(), rules: loadRules() };
  const rng = seeded(7);
  const ratios: number[] = [];
  const asked: number[] = [];
  const full: number[] = [];
  const stepMs: number[] = [];
  for (let i = 0; i < PERSONAS; i++) {
    // In force: outside the Article 19 window nothing is asked, which would flatter the figures.
    const persona = consistent({ ...randomScreening(rng), asOf: "2026-03-01" }, ctx.rules);
    const n = interviewPersona(ctx, persona, stepMs);
    const form = fullFormLength(ctx, persona);
    asked.push(n);
    full.push(form);
    ratios.push(n / form);
  }
  return {
    personas: PERSONAS,
    "median questions asked": percentile(asked, 50),
    "median questions on the full form": percentile(full, 50),
    "median asked / full form (%)": round(percentile(ratios, 50) * 100),
    "p90 asked / full form (%)": round(percentile(ratios, 90) * 100),
    "interview steps measured": stepMs.length,
    "step mean ms": round(stepMs.reduce((a, b) => a + b, 0) / stepMs.length, 3),
    "step p50 ms": round(percentile(stepMs, 50), 3),
    "step p99 ms": round(percentile(stepMs, 99), 3),
  };
}
