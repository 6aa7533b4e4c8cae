import fc from "fast-check";
import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { templateAssistant } from "../../src/assistant/templateAssistant.js";
import { UNLIMITED_LLM } from "../../src/assistant/assistant.js";
import { toScreeningRecord } from "../../src/conversation/screeningRecord.js";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Evaluation } from "../../src/engine/outcome.js";
import type { Screening } from "../../src/engine/screening.js";
import type { Lang } from "../../src/i18n/lang.js";
import { describeFact } from "../../src/interview/render.js";
import { buildReportHtml } from "../../src/report/reportHtml.js";
import { calculationsOf } from "../../src/result/calculation.js";
import { printedResult } from "../../src/result/printedResult.js";
import { renderCalculation } from "../../src/result/renderCalculation.js";
import { resultScreen } from "../../src/result/resultScreen.js";
import { summaryText } from "../../src/result/summaryText.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules, type CompiledRules } from "../../src/rules/loadRules.js";
import { GUIDELINE_FROM, GUIDELINE_SOURCE, rulesWithGuidelineModelCap } from "../support/guidelineRules.js";
import { completeScreening, partialOfComplete, screeningWithOverlaps } from "../support/screeningArbitrary.js";
import { arithmeticProblem, lineResult } from "./calculationArithmetic.js";
import { policyScreenings } from "./policyScreenings.js";

const rules = loadRules();
const bank = loadQuestionBank();
const LANGS: Lang[] = ["en", "zh"];
const CASE_ID = "TZ-20260301-7KQ3M2XA";
const guideline = rulesWithGuidelineModelCap();
afterAll(() => rmSync(guideline.dir, { recursive: true, force: true }));

/** Every text a person reads about one result, per renderer, in one language. */
async function everyText(screening: Screening, evaluation: Evaluation, lang: Lang, rules: CompiledRules): Promise<Record<string, string>> {
  const describe = describeFact({ bank, rules, screening });
  const record = toScreeningRecord({ caseId: CASE_ID, conversationId: "tg:7", createdAt: new Date("2026-03-01T02:00:00Z"), lang, screening, evaluation });
  const html = buildReportHtml({ record, evaluation, rules, bank, lang });
  return {
    "result screen": resultScreen(evaluation, rules, lang, describe),
    summary: summaryText(evaluation, rules, lang, describe),
    "printed result": printedResult(evaluation, rules, lang, { describe, name: screening.applicant?.name }),
    "template explanation": (await templateAssistant(rules).explain(evaluation, lang, { describe, allowance: UNLIMITED_LLM })).text,
    report: reportText(html),
  };
}

/** The report's words: no style sheet, no markup, entities read back. */
function reportText(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, "")
    .replace(/<[^>]+>/g, "\n")
    .replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&");
}

/** What the applicant wrote (names, word by word, as a table may wrap them) and identifiers are theirs to spell: masked before scanning. */
function masked(text: string, screening: Screening, evaluation: Evaluation): string {
  let out = text.replaceAll(evaluation.rulesVersion, "").replaceAll(CASE_ID, "");
  const names = [screening.applicant?.name, ...(screening.infrastructure ?? []).map((project) => project.name)];
  for (const name of names) if (name) out = out.replaceAll(name, "");
  const words = names.flatMap((name) => name?.split(/\s+/) ?? []).filter((word) => word.length > 1);
  for (const word of words) out = out.replaceAll(word, "");
  return out;
}

const SNAKE = /\b[a-z]+_[a-z0-9_]+\b/;
const DOTTED = /\b[a-z][a-zA-Z]*(\[\d+\])?\.[a-z][a-zA-Z]+/;
const CAMEL = /\b[a-z]+[A-Z][a-zA-Z]*\b/;
const LATIN_WORD = /[A-Za-z]{2,}/;

/** Problems of one line a person reads: internal names anywhere, and English in Chinese text. */
function lineProblems(line: string, lang: Lang): string[] {
  const problems: string[] = [];
  for (const [name, pattern] of [["snake_case", SNAKE], ["dotted path", DOTTED], ["camelCase", CAMEL]] as const) {
    const hit = pattern.exec(line);
    if (hit) problems.push(`${name} "${hit[0]}" in: ${line}`);
  }
  const latin = LATIN_WORD.exec(line);
  if (lang === "zh" && latin) problems.push(`English "${latin[0]}" in Chinese: ${line}`);
  return problems;
}

async function scan(screening: Screening, rulesUsed = rules): Promise<string[]> {
  const evaluation = evaluate(screening, rulesUsed, "2026-03-01");
  const problems: string[] = [];
  for (const lang of LANGS) {
    for (const [renderer, text] of Object.entries(await everyText(screening, evaluation, lang, rulesUsed))) {
      for (const line of masked(text, screening, evaluation).split("\n")) problems.push(...lineProblems(line, lang).map((p) => `${renderer} (${lang}): ${p}`));
    }
    problems.push(...arithmetic(evaluation, lang));
  }
  return problems;
}

/** Every calculation line's arithmetic redone from its printed numbers, and the lines arriving at the item's amounts. */
function arithmetic(evaluation: Evaluation, lang: Lang): string[] {
  const problems: string[] = [];
  for (const item of evaluation.items) {
    const lines = calculationsOf(item).map((line) => ({ ...line, text: renderCalculation(line.calculation, lang) }));
    for (const { calculation, text } of lines) {
      const problem = arithmeticProblem(calculation, text, lang);
      if (problem) problems.push(`item ${item.id} (${lang}) ${calculation.kind}: ${problem}`);
    }
    const main = lines.filter(({ depth, calculation }) => depth === 0 && calculation.kind !== "notCounted" && calculation.kind !== "recounted");
    const recount = lines.filter(({ depth }) => depth === 1);
    if (main.length > 0 && lineResult(main.at(-1)!.text, lang) !== item.maxSupportFen) problems.push(`item ${item.id} (${lang}): the lines do not arrive at its maximum ${item.maxSupportFen}`);
    if (recount.length > 0 && lineResult(recount.at(-1)!.text, lang) !== item.countedSupportFen) problems.push(`item ${item.id} (${lang}): the recount does not arrive at the counted ${item.countedSupportFen}`);
    if (item.status === "eligible" && main.length === 0) problems.push(`item ${item.id} (${lang}): eligible without a calculation line`);
  }
  return problems;
}

describe("every rendered line, in both languages", () => {
  it("on every policy case: no internal names, no English in Chinese, and each calculation line's arithmetic holds", async () => {
    const cases = policyScreenings();
    expect(cases.length).toBeGreaterThan(300);
    const problems: string[] = [];
    for (const { name, screening } of cases) problems.push(...(await scan(screening)).map((p) => `${name}: ${p}`));
    expect(problems.slice(0, 20)).toEqual([]);
  });

  it("on generated screenings: complete, partial and with Article 16 groups", async () => {
    const screenings = fc.oneof(completeScreening, partialOfComplete.map(({ partial }) => partial), screeningWithOverlaps);
    await fc.assert(
      fc.asyncProperty(screenings, async (screening) => {
        expect(await scan(screening)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it("with an annual guideline's value in force: its note names the guideline in Chinese, quoting its words as written", async () => {
    const withGuideline = loadRules(guideline.dir);
    const screening: Screening = {
      asOf: GUIDELINE_FROM,
      applicant: { name: "Example Tech", kind: "enterprise", inJurisdiction: true, sectors: ["ai"], sme: true },
      vouchers: { modelServices: 100_000_000, computingServices: 0, significantResults: true },
    };
    expect(await scan(screening, withGuideline)).toEqual([]);
    const texts = await everyText(screening, evaluate(screening, withGuideline, GUIDELINE_FROM), "zh", withGuideline);
    for (const [renderer, text] of Object.entries(texts).filter(([renderer]) => renderer !== "template explanation")) {
      expect(text, renderer).toContain(`${GUIDELINE_SOURCE.zh}规定“${guideline.text}”`);
    }
  });

  it("the scan finds what it looks for: a dotted path, a snake_case code, English in Chinese", () => {
    expect(lineProblems("需补充：growth.fastGrowth", "zh")).toHaveLength(3);
    expect(lineProblems("miit_key_laboratory − national_manufacturing_innovation_center", "en")).toHaveLength(1);
    expect(lineProblems("cap 3,000,000.00 → 3,000,000.00", "zh")).toHaveLength(1);
    expect(lineProblems("受每年200万元上限限制 → 200万元", "zh")).toEqual([]);
  });

  it("the arithmetic check fails a wrong sum, a wrong cap and the old unit-less trace", () => {
    const units = { kind: "units", unit: "scenario_project", count: 2, eachFen: 50_000_000, totalFen: 100_000_000 } as const;
    expect(arithmeticProblem(units, "2 × RMB 500,000 per scenario project = RMB 1,000,000", "en")).toBeNull();
    expect(arithmeticProblem(units, "2 × 每个应用场景项目50万元 = 100万元", "zh")).toBeNull();
    expect(arithmeticProblem(units, "2 × RMB 500,000 per scenario project = RMB 500,000", "en")).not.toBeNull();
    expect(arithmeticProblem(units, "2 × per project 1,000,000.00 = 1,000,000.00", "en")).not.toBeNull();
    const cap = { kind: "cap", cap: "annual", capKind: "annual", beforeFen: 250_000_000, limitFen: 200_000_000, usedFen: 20_000_000, afterFen: 180_000_000 } as const;
    expect(arithmeticProblem(cap, "RMB 2,500,000, capped at RMB 2,000,000 a year, RMB 200,000 already received this year → RMB 1,800,000", "en")).toBeNull();
    expect(arithmeticProblem(cap, "RMB 2,500,000, capped at RMB 2,000,000 a year, RMB 200,000 already received this year → RMB 2,000,000", "en")).not.toBeNull();
    expect(arithmeticProblem(cap, "RMB 2,500,000, within the cap of RMB 2,000,000 a year, RMB 200,000 already received this year → RMB 1,800,000", "en")).not.toBeNull();
  });
});
