import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { evaluate } from "../../src/engine/evaluate.js";
import { buildScreening } from "../../src/interview/buildScreening.js";
import { currentResult, type InterviewContext } from "../../src/interview/interview.js";
import type { InterviewState } from "../../src/interview/state.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { rulesWithModelCapChanged } from "../support/storedScreenings.js";
import { ctx, play } from "./conversation.js";

/** An applicant part-way through: jurisdiction yes, an enterprise, sector AI, the topic picker answered. */
const partWay = play([{ type: "start" }, ...["yes", "1", "1", "1 2 3"].map((text) => ({ type: "text" as const, text }))]).state;
const fresh = (context: InterviewContext, state: InterviewState) => {
  const screening = buildScreening(context.bank, state.log, state.asOf);
  return { screening, evaluation: evaluate(screening, context.rules, state.asOf) };
};

const otherRulesDir = rulesWithModelCapChanged(100_000);
afterAll(() => rmSync(otherRulesDir, { recursive: true, force: true }));

describe("the result of the answers so far", () => {
  it("is the engine's result for the screening the answers describe", () => {
    expect(partWay.log.length).toBeGreaterThan(3);
    expect(currentResult(ctx, partWay)).toEqual(fresh(ctx, partWay));
  });

  it("answers met again, in a state loaded afresh, give the same result without evaluating again", () => {
    const first = currentResult(ctx, partWay);
    const reloaded: InterviewState = JSON.parse(JSON.stringify(partWay));
    expect(currentResult(ctx, reloaded)).toBe(first);
  });

  it("is never another date's, another answer's or other rules' result", () => {
    const before = currentResult(ctx, partWay);
    const outOfForce = { ...partWay, asOf: "2030-01-01" };
    expect(currentResult(ctx, outOfForce).evaluation.inForce).toBe(false);
    const oneLess = { ...partWay, log: partWay.log.slice(0, -1) };
    expect(currentResult(ctx, oneLess)).toEqual(fresh(ctx, oneLess));
    expect(currentResult(ctx, oneLess).screening).not.toEqual(before.screening);
    const otherRules: InterviewContext = { bank: ctx.bank, rules: loadRules(otherRulesDir) };
    expect(currentResult(otherRules, partWay).evaluation.rulesVersion).not.toBe(before.evaluation.rulesVersion);
    expect(currentResult(ctx, partWay)).toEqual(fresh(ctx, partWay));
  });

  it("stays right when many other applicants' answers have come and gone", () => {
    const states = Array.from({ length: 1500 }, (_, i): InterviewState => ({ ...partWay, log: [...partWay.log, { key: "name", value: `Applicant ${i}` }] }));
    for (const state of states) currentResult(ctx, state);
    for (const state of [states[0]!, states[1499]!, partWay]) expect(currentResult(ctx, state)).toEqual(fresh(ctx, state));
  });
});
