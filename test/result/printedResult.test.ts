import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening } from "../../src/engine/screening.js";
import type { Lang } from "../../src/i18n/lang.js";
import { describeFact } from "../../src/interview/render.js";
import { printedResult } from "../../src/result/printedResult.js";
import { displayWidth } from "../../src/result/textTable.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { NOTHING_TO_CLAIM } from "../support/nothingToClaim.js";

/** Dated before any annual guideline: the figures on the pages are the 2025 Rules' own. */
const NOTHING = { ...NOTHING_TO_CLAIM, asOf: "2025-06-01" };
/**
 * Article 7 held by its annual cap after support received, Article 12 counted in part under
 * Article 16, Article 13 open, Article 4 a near miss, and the rest not eligible, each for its own reason.
 */
const ONE_OF_EACH = {
  ...NOTHING,
  standards: { international: 0, national: 2, local: 0, receivedThisYear: 500_000 },
  scenarios: { projects: 4 },
  events: { expenses: 2_000_000, significantResults: true },
  overlaps: [[{ item: "12", units: 1 }, "14"]],
  platform: { publicServicePlatform: true },
};

function printed(input: object, lang: Lang, name?: string): { page: string; rulesVersion: string } {
  const rules = loadRules();
  const parsed = parseScreening(input);
  if (!parsed.ok) throw new Error("invalid test screening");
  const evaluation = evaluate(parsed.value, rules, NOTHING.asOf);
  const page = printedResult(evaluation, rules, lang, { describe: describeFact({ bank: loadQuestionBank(), rules, screening: parsed.value }), ...(name ? { name } : {}) });
  return { page, rulesVersion: evaluation.rulesVersion };
}

const fixture = (lang: Lang, rulesVersion: string) => readFileSync(join(import.meta.dirname, "fixtures", `printed-page.${lang}.txt`), "utf8").replace("{rulesVersion}", rulesVersion).trimEnd();

describe("the printed result", () => {
  it.each(["en", "zh"] as Lang[])("lays out the page in %s: the table with each row's calculation or reason, the total, what Article 16 left out, open items, near misses, documents and notes", (lang) => {
    const { page, rulesVersion } = printed(ONE_OF_EACH, lang, "Example Co.");
    expect(page).toBe(fixture(lang, rulesVersion));
  });

  it("keeps every line within the page's 92 cells, but for a Chinese full stop kept off the next line's start", () => {
    for (const lang of ["en", "zh"] as Lang[]) {
      const { page } = printed(ONE_OF_EACH, lang);
      expect(page.split("\n").filter((line) => displayWidth(line.replace(/[，。、；：）”！？]$/u, "")) > 92)).toEqual([]);
    }
  });

  it("shows a cap that lowered nothing when support was already received under it, and hides one that did neither", () => {
    const { page } = printed({ ...NOTHING, scenarios: { projects: 2, receivedThisYear: 200_000 }, events: { expenses: 400_000, significantResults: true } }, "en");
    expect(page).toContain(
      "\n    2 × RMB 500,000 per scenario project = RMB 1,000,000\n    RMB 1,000,000, within the cap of RMB 2,000,000 a year, RMB 200,000 already received this\n    year → RMB 1,000,000\n",
    );
    expect(page).toContain("\n    50% × RMB 400,000 event expenses = RMB 200,000\n\nTotal after Article 16");
  });

  it("names every question that would settle an open item, in the reader's language", () => {
    expect(printed({ ...NOTHING, events: {} }, "en").page).toContain(
      "• Article 14 Industrial events: could reach RMB 1,000,000. To settle it: Did the events\n  achieve significant results and strong impact? / What were the actual expenses of the\n  events you organised or funded this year?\n",
    );
    // Chinese wraps between any two characters: read the page unwrapped.
    expect(printed({ ...NOTHING, events: {} }, "zh").page.replace(/\n +/g, "")).toContain("需确认：活动是否成效显著、影响力强？；今年主办、承办或出资举办活动的实际支出是多少？");
  });

  it("is titled without a name when none is given", () => {
    expect(printed(ONE_OF_EACH, "en").page.split("\n")[0]).toBe("Pre-screening result");
    expect(printed(ONE_OF_EACH, "zh").page.split("\n")[0]).toBe("预筛查结果");
  });

  it("says a reason that fails every item once, under the table, instead of under each row", () => {
    const { page } = printed({ ...NOTHING, applicant: { ...NOTHING.applicant, inJurisdiction: false } }, "en");
    const lines = page.split("\n");
    expect(lines.filter((line) => line.includes("not registered and operating in Tongzhou"))).toEqual(["Article 1: the applicant is not registered and operating in Tongzhou District"]);
    expect(lines.filter((line) => line.startsWith("Article ") && !line.startsWith("Article 1:")).every((line) => line.includes("not eligible"))).toBe(true);
    expect(lines.slice(lines.indexOf("Total after Article 16: up to RMB 0"), lines.indexOf("Total after Article 16: up to RMB 0") + 4)).toEqual([
      "Total after Article 16: up to RMB 0",
      "",
      "Article 1: the applicant is not registered and operating in Tongzhou District",
      "",
    ]);
    expect(page).not.toContain("Still open");
    expect(page).not.toContain("Documents to prepare");
    expect(page).not.toContain("Near misses");
    expect(page).not.toContain("Left out of the total");
  });

  it("says each item's own reason under its row when the items fail for different reasons", () => {
    const { page } = printed(NOTHING, "en");
    expect(page).toContain("Article 6 Model and computing vouchers for      not eligible               —               —\nSMEs\n    Model and computing vouchers are for small and medium-sized enterprises only\n");
    expect(page).not.toContain("\nArticle 1:");
  });
});
