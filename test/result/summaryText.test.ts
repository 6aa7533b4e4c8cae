import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening } from "../../src/engine/screening.js";
import { summaryText } from "../../src/result/summaryText.js";
import { loadRules } from "../../src/rules/loadRules.js";

const rules = loadRules();

function summary(input: unknown, lang: "zh" | "en" = "en"): string {
  const parsed = parseScreening(input);
  if (!parsed.ok) throw new Error("invalid test screening");
  return summaryText(evaluate(parsed.value, rules, "2026-03-01"), rules, lang);
}

const twoProjectsForTwoItems = {
  applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"] },
  scenarios: { projects: 4 },
  events: { expenses: 2_000_000, significantResults: true },
  itai: { benchmarkFirstSolution: true, contractAmount: 3_000_000 },
  overlaps: [[{ item: "12", units: 1 }, "14"], ["9", "14"]],
};

describe("result summary", () => {
  it("Article 16: marks an item counted in part with its counted amount, and one left out entirely", () => {
    const text = summary(twoProjectsForTwoItems);
    expect(text).toContain("Article 12 High-quality application scenario projects: eligible · Up to RMB 2,000,000 (counted in the total: RMB 1,500,000)");
    expect(text).toContain("Article 9 ITAI (xinchuang) benchmark first solutions: eligible · Up to RMB 300,000 (not counted in the total)");
    expect(text).toContain("Article 14 Industrial events: eligible · Up to RMB 1,000,000\n");
    expect(text).toContain("Total after Article 16: up to RMB 2,500,000");
  });

  it("Article 16: says the same in Chinese", () => {
    const text = summary(twoProjectsForTwoItems, "zh");
    expect(text).toContain("（计入合计：150万元）");
    expect(text).toContain("（不计入合计）");
  });
});
