import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Evaluation } from "../../src/engine/outcome.js";
import { parseScreening, type Screening } from "../../src/engine/screening.js";
import { resultFileJson } from "../../src/result/resultFileJson.js";
import { toResultFile } from "../../src/result/resultFile.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { partialOfComplete, screeningWithOverlaps } from "../support/screeningArbitrary.js";
import { policyScreenings } from "./policyScreenings.js";

const rules = loadRules();
const LANGS = ["en", "zh"] as const;

/** Which of the result file's shapes an evaluation shows, so the tests can say they met each one. */
function shapes(evaluation: Evaluation): string[] {
  const found: string[] = evaluation.items.map((item) => item.status);
  if (!evaluation.inForce) found.push("out of force");
  if (evaluation.notes.length > 0) found.push("notes");
  if (evaluation.items.some((item) => item.project !== null)) found.push("project");
  if (evaluation.items.some((item) => item.project?.name !== undefined)) found.push("named project");
  if (evaluation.items.some((item) => item.status === "eligible" && !item.counted)) found.push("left out by Article 16");
  if (evaluation.items.some((item) => item.counted && item.countedSupportFen !== item.maxSupportFen)) found.push("partly counted");
  if (evaluation.items.some((item) => item.missing.length > 0)) found.push("missing");
  return found;
}

function expectIdentical(evaluation: Evaluation): void {
  for (const lang of LANGS) expect(resultFileJson(evaluation, lang)).toBe(JSON.stringify(toResultFile(evaluation, lang)));
}

/** Names with quotes, backslashes, control characters, non-BMP and lone surrogates test the string escaping. */
const awkwardName = fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom('a "quoted" \\ name', "tab\there\nnew", "\u2028\u2029", "\ud800", "数据中心 🚀"));
const withNamedProjects = (s: Screening) =>
  fc.array(awkwardName, { minLength: 3, maxLength: 3 }).map((names) => ({
    ...s,
    applicant: { ...s.applicant, name: names[0] },
    infrastructure: s.infrastructure?.map((project, i) => ({ ...project, name: names[i] })),
  }));

describe("result file JSON text", () => {
  it("is byte-identical to JSON.stringify(toResultFile(…)) on every policy case, in both languages", () => {
    const seen = new Set<string>();
    for (const { screening } of policyScreenings()) {
      const evaluation = evaluate(screening, rules, "2026-03-01");
      for (const shape of shapes(evaluation)) seen.add(shape);
      expectIdentical(evaluation);
    }
    expect([...seen].sort()).toEqual(
      ["eligible", "left out by Article 16", "missing", "named project", "needs_info", "not_eligible", "notes", "out of force", "partly counted", "project"].sort(),
    );
  });

  it("is byte-identical on generated screenings, complete and partial, with awkward project names", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        partialOfComplete.chain(({ complete, partial }) => fc.tuple(withNamedProjects(complete), withNamedProjects(partial))),
        (screenings) => {
          for (const screening of screenings) {
            const parsed = parseScreening(screening);
            if (!parsed.ok) continue;
            const evaluation = evaluate(parsed.value, rules, "2026-03-01");
            for (const shape of shapes(evaluation)) seen.add(shape);
            expectIdentical(evaluation);
          }
        },
      ),
      { numRuns: 150, seed: 14 },
    );
    for (const shape of ["eligible", "needs_info", "not_eligible", "out of force", "named project", "missing"]) expect(seen).toContain(shape);
  });

  it("is byte-identical on generated screenings with Article 16 groups", () => {
    fc.assert(
      fc.property(screeningWithOverlaps.chain(withNamedProjects), (screening) => {
        expectIdentical(evaluate(screening, rules, "2026-03-01"));
      }),
      { numRuns: 100, seed: 14 },
    );
  });

  it("renders each reason from its own parameters, never from another's that reads alike", () => {
    const base = evaluate(policyScreenings()[0]!.screening, rules, "2026-03-01");
    const withReason = (params: Record<string, string | number>): Evaluation => ({
      ...base,
      items: [{ ...base.items[0]!, reasons: [{ code: "cap_annual", cite: "6", params }] }],
    });
    // Parameters that a key without each string's length, or telling numbers from strings less
    // carefully, would take for one another.
    const lookalikes: Record<string, string | number>[] = [{ limitFen: 100 }, { limitFen: "100" }, { limitFen: 3100 }, { limitFen: "3:100" }, { limitFen: "undefined:100" }, { limitFen: "a|usedFen=5" }, { limitFen: "a", usedFen: 5 }];
    for (const lang of LANGS) {
      const texts = lookalikes.map((params) => resultFileJson(withReason(params), lang));
      lookalikes.forEach((params, i) => expect(texts[i]).toBe(JSON.stringify(toResultFile(withReason(params), lang))));
      expect(new Set(texts).size).toBe(lookalikes.length);
    }
  });

  it("keeps the screening's own text exact through escaping", () => {
    const parsed = parseScreening({ applicant: { inJurisdiction: true, sectors: ["ai"] }, infrastructure: [{ kind: "other", name: 'say "hi"\\\n\ud83d', eligibleInvestment: 1000, yearsSupported: 0 }] });
    if (!parsed.ok) throw new Error("invalid screening");
    const text = resultFileJson(evaluate(parsed.value, rules, "2026-03-01"));
    expect((JSON.parse(text) as { items: { project: { name?: string } | null }[] }).items.find((item) => item.project)?.project?.name).toBe('say "hi"\\\n\ud83d');
  });
});
