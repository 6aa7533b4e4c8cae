import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Evaluation, ItemOutcome } from "../../src/engine/outcome.js";
import { parseScreening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { caseMismatches, POLICY_CASES_TODAY, policyCaseFiles, type PolicyCase } from "../engine/policyCase.js";
import { GUIDELINE_FROM, rulesWithGuidelineModelCap } from "../support/guidelineRules.js";
import { mergeCase } from "../support/mergeCase.js";

/**
 * What shipping an annual guideline does to the policy cases: Article 6's model-voucher cap raised
 * from 2026-01-01 in a copy of rules/ (test/support/guidelineRules.ts). The cases that then fail
 * are exactly those judged on or after that date whose Article 6 amounts the cap limits (the
 * maximum, the amount still open, or the near miss's): the ones the officer updates, or dates.
 */
const shipped = loadRules();
const guideline = rulesWithGuidelineModelCap();
afterAll(() => rmSync(guideline.dir, { recursive: true, force: true }));
const withGuideline = loadRules(guideline.dir);

interface Judged {
  name: string;
  expected: PolicyCase["expect"];
  date: string;
  before: Evaluation;
  after: Evaluation;
}

function judgedCases(): Judged[] {
  return policyCaseFiles().flatMap(({ file, data }) =>
    data.cases.flatMap((c) => {
      const parsed = parseScreening(mergeCase(data.base, c.screening));
      if (!parsed.ok) return [];
      const before = evaluate(parsed.value, shipped, POLICY_CASES_TODAY);
      return [{ name: `${file}: ${c.name}`, expected: c.expect, date: before.asOf, before, after: evaluate(parsed.value, withGuideline, POLICY_CASES_TODAY) }];
    }),
  );
}

/** Article 6's amounts as a case states them: what the cap can limit. */
const AMOUNTS = {
  status: (item: ItemOutcome) => item.status,
  maxSupport: (item: ItemOutcome) => item.maxSupportFen,
  potentialMaxSupport: (item: ItemOutcome) => item.potentialMaxSupportFen,
  ifConditionMet: (item: ItemOutcome) => item.ifConditionMetFen,
  countedSupport: (item: ItemOutcome) => item.countedSupportFen,
} as const;
const six = (evaluation: Evaluation) => evaluation.items.find((item) => item.id === "6")!;

/** Whether a case states an Article 6 amount, or a total, that the cap changed. */
function statesWhatChanged(c: Judged): boolean {
  const stated = c.expected.items["6"] ?? {};
  const changed = (Object.keys(AMOUNTS) as (keyof typeof AMOUNTS)[]).some((field) => field in stated && AMOUNTS[field](six(c.before)) !== AMOUNTS[field](six(c.after)));
  const totalChanged = c.expected.totalMaxSupport !== undefined && c.before.totalMaxSupportFen !== c.after.totalMaxSupportFen;
  return changed || totalChanged;
}

const holds = (c: Judged, evaluation: Evaluation) => caseMismatches(c.expected, evaluation).length === 0;

/**
 * The cases judged both ways, and those the guideline makes fail (one that fails already is the
 * first test's to report). Judged inside the tests, not when the file is collected, so that a
 * mutation run sees which test reached which line.
 */
let judged: { cases: Judged[]; failing: string[] } | null = null;
function judge(): { cases: Judged[]; failing: string[] } {
  if (judged) return judged;
  const cases = judgedCases();
  judged = { cases, failing: cases.filter((c) => holds(c, c.before) && !holds(c, c.after)).map((c) => c.name) };
  return judged;
}

describe("an annual guideline raising Article 6's model-voucher cap, shipped in a copy of rules/", () => {
  it("holds every policy case under the rules as shipped (so what fails below is the guideline's doing)", () => {
    const { cases } = judge();
    expect(cases.filter((c) => !holds(c, c.before)).map((c) => c.name)).toEqual([]);
  });

  it("fails only the policy cases judged on or after its date whose Article 6 amounts the cap limits", () => {
    const { cases, failing } = judge();
    const limited = cases.filter((c) => holds(c, c.before) && c.date >= GUIDELINE_FROM && statesWhatChanged(c)).map((c) => c.name);
    expect(failing).toEqual(limited);
    expect(failing.length).toBeGreaterThan(0);
  });

  it("fails none judged before its date, and none outside Article 6's vouchers", () => {
    const { cases, failing } = judge();
    const names = new Set(failing);
    expect(cases.filter((c) => names.has(c.name) && c.date < GUIDELINE_FROM)).toEqual([]);
    for (const c of cases.filter((candidate) => names.has(candidate.name))) {
      const others = (evaluation: Evaluation) => evaluation.items.filter((item) => item.id !== "6");
      expect(others(c.after), c.name).toEqual(others(c.before));
    }
  });
});
