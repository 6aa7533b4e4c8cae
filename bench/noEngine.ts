import type { Evaluation } from "../src/engine/outcome.js";
import type { Screening } from "../src/engine/screening.js";
import type { CompiledRules } from "../src/rules/loadRules.js";

/**
 * Stands in for the rules engine in a copy of the batch CLI that `npm run bench` times beside
 * the real one (scripts/build.mjs, bench/engine.ts): every line is read, parsed, checked and
 * written as before, and its evaluation is this empty one, so that copy's time is the batch's
 * without the engine's work.
 */
export function evaluate(s: Screening, rules: CompiledRules, today: string): Evaluation {
  return { rulesVersion: rules.rulesVersion, asOf: s.asOf ?? today, inForce: true, items: [], totalMaxSupportFen: 0, openPotentialFen: 0, notes: [] };
}
