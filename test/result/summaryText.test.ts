import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening } from "../../src/engine/screening.js";
import type { ItemOutcome } from "../../src/engine/outcome.js";
import type { Lang } from "../../src/i18n/lang.js";
import { describeFact } from "../../src/interview/render.js";
import { questionsToSettle, summaryText } from "../../src/result/summaryText.js";
import { t } from "../../src/i18n/translate.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { NOTHING_TO_CLAIM } from "../support/nothingToClaim.js";

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

  it.each([
    ["en", false],
    ["zh", true],
  ] as [Lang, boolean][])("lays out every item in %s: heading, status and amount, reasons, what is missing, calculation; then the totals and notes (questions named: %s)", (lang, named) => {
    // Article 4 one-time, an Article 11 project eligible and one open, Article 12 counted in part, Article 13 open, the rest not eligible.
    const parsed = parseScreening({
      ...NOTHING_TO_CLAIM,
      asOf: "2025-06-01",
      growth: { fastGrowth: true },
      infrastructure: [{ name: "Edge DC", kind: "blockchain_node", eligibleInvestment: 10_000_000, yearsSupported: 0 }, { kind: "blockchain_node" }],
      platform: { publicServicePlatform: true },
      scenarios: { projects: 4 },
      events: { expenses: 2_000_000, significantResults: true },
      overlaps: [[{ item: "12", units: 1 }, "14"]],
    });
    if (!parsed.ok) throw new Error("invalid test screening");
    const evaluation = evaluate(parsed.value, rules, "2025-06-01");
    const describe = named ? describeFact({ bank: loadQuestionBank(), rules, screening: parsed.value }) : undefined;
    const expected = readFileSync(join(import.meta.dirname, "fixtures", `summary.${lang}.txt`), "utf8").replace("{rulesVersion}", evaluation.rulesVersion).trimEnd();
    expect(summaryText(evaluation, rules, lang, describe)).toBe(expected);
  });
});

describe("the questions that would settle an open item", () => {
  const open = (missing: string[]) => ({ missing }) as unknown as ItemOutcome;
  const questions: Record<string, string> = { "platform.outstandingOutcomes": "Outcomes?", "futureIndustries.innovationBase": "A base? At which level?", "infrastructure[1]": "Project 2?" };
  const describe = (path: string) => questions[path] ?? path;

  it("names each question once, in the order of the facts", () => {
    expect(questionsToSettle(open(["platform.outstandingOutcomes", "futureIndustries.innovationBase", "platform.outstandingOutcomes"]), "en", describe)).toEqual(["Outcomes?", "A base? At which level?"]);
  });

  it("names the question of the fact a missing part belongs to, by field or by list entry", () => {
    expect(questionsToSettle(open(["futureIndustries.innovationBase.level"]), "en", describe)).toEqual(["A base? At which level?"]);
    expect(questionsToSettle(open(["infrastructure[1].eligibleInvestment"]), "en", describe)).toEqual(["Project 2?"]);
    expect(questionsToSettle(open(["infrastructure[12].eligibleInvestment"]), "en", (path) => (path === "infrastructure[12]" ? "Project 13?" : path))).toEqual(["Project 13?"]);
  });

  it("never shows a path: a fact no question asks about is said in words", () => {
    expect(questionsToSettle(open(["growth.unasked", "toplevel"]), "en", describe)).toEqual(["a fact the interview asks about"]);
    expect(questionsToSettle(open(["growth.unasked"]), "zh", describe)).toEqual([t("zh", "result.unnamedFact")]);
  });
});
