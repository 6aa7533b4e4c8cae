import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening, type Screening } from "../../src/engine/screening.js";
import type { Lang } from "../../src/i18n/lang.js";
import { describeFact } from "../../src/interview/render.js";
import { explainResult } from "../../src/result/explainResult.js";
import { printedResult } from "../../src/result/printedResult.js";
import { calculationLines } from "../../src/result/renderCalculation.js";
import { resultScreen } from "../../src/result/resultScreen.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { policyScreenings } from "./policyScreenings.js";

const rules = loadRules();
/** Screenings dated before any annual guideline: the figures written in these tests are the 2025 Rules' own. */
const UNDER_THE_2025_RULES = "2025-06-01";
const bank = loadQuestionBank();
const example = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "examples", "spec-example.json"), "utf8")) as Screening;
const inTongzhou = { kind: "enterprise" as const, inJurisdiction: true, sectors: ["ai" as const] };

function evaluated(input: unknown) {
  const parsed = parseScreening(input);
  if (!parsed.ok) throw new Error("invalid test screening");
  return { screening: parsed.value, evaluation: evaluate(parsed.value, rules, UNDER_THE_2025_RULES), describe: describeFact({ bank, rules, screening: parsed.value }) };
}

describe("documents to prepare", () => {
  // One test per case: each is checked on its own, and a slow machine times none of them out.
  it.each(policyScreenings())("the chat's result and the printed result list every document of every eligible or open item: $name", ({ name, screening }) => {
    const { evaluation, describe } = evaluated(screening);
    for (const lang of ["en", "zh"] as Lang[]) {
      const chat = resultScreen(evaluation, rules, lang, describe);
      const printed = printedResult(evaluation, rules, lang, { describe }).replace(/\n +/g, " ");
      for (const item of evaluation.items.filter((i) => i.status !== "not_eligible")) {
        for (const doc of rules.byId.get(item.id)!.text.documents[lang]) {
          expect(chat, `${name}: ${item.id} in the chat (${lang})`).toContain(doc);
          // The printed page wraps lines; Chinese wraps between characters.
          expect(printed.replace(/ /g, ""), `${name}: ${item.id} printed (${lang})`).toContain(doc.replace(/ /g, ""));
        }
      }
    }
  });

  it("says the documents every item asks for once, and none when nothing is eligible or open", () => {
    const { evaluation, describe } = evaluated(example);
    const chat = resultScreen(evaluation, rules, "en", describe);
    expect(chat.split("Business licence showing registration in Tongzhou District")).toHaveLength(2);
    const outside = evaluated({ applicant: { ...inTongzhou, inJurisdiction: false } });
    expect(resultScreen(outside.evaluation, rules, "en", outside.describe)).not.toContain("Documents to prepare");
  });
});

describe("calculation lines", () => {
  it("Article 12: two projects at 500,000 each, and the annual cap with what was received", () => {
    const { evaluation } = evaluated({ applicant: inTongzhou, scenarios: { projects: 5, receivedThisYear: 200_000 } });
    const item = evaluation.items.find((i) => i.id === "12")!;
    expect(calculationLines(item, "en")).toEqual([
      "5 × RMB 500,000 per scenario project = RMB 2,500,000",
      "RMB 2,500,000, capped at RMB 2,000,000 a year, RMB 200,000 already received this year → RMB 1,800,000",
    ]);
    expect(calculationLines(item, "zh")).toEqual(["5 × 每个应用场景项目50万元 = 250万元", "250万元，受每年200万元上限限制，本年度已获20万元 → 180万元"]);
  });

  it("Article 8: one line per recognition, a promotion paying the difference, and their sum, named by their labels", () => {
    const { evaluation } = evaluated({
      applicant: inTongzhou,
      recognitions: [{ level: "beijing_high_end_design_center", promotedFrom: null }, { level: "miit_key_laboratory", promotedFrom: "beijing_enterprise_technology_center" }],
    });
    const lines = calculationLines(evaluation.items.find((i) => i.id === "8.2")!, "en");
    expect(lines[0]).toMatch(/^Beijing high-end design center: RMB [\d,]+$/);
    expect(lines[1]).toMatch(/^MIIT key laboratory RMB [\d,]+ − Beijing enterprise technology center RMB [\d,]+ \(a promotion pays only the difference\) = RMB [\d,]+$/);
    expect(lines[2]).toMatch(/^Together: Beijing high-end design center RMB [\d,]+ \+ MIIT key laboratory RMB [\d,]+ = RMB [\d,]+$/);
    expect(calculationLines(evaluation.items.find((i) => i.id === "8.2")!, "zh")[1]).toMatch(/^工信部重点实验室[\d,]+万元 − 原北京市企业技术中心[\d,]+万元（晋级只支持级差）= [\d,]+万元$/);
  });

  it("Article 16: an item counted in part shows the recount without the part left out", () => {
    const { evaluation } = evaluated({ applicant: inTongzhou, scenarios: { projects: 4 }, events: { expenses: 2_000_000, significantResults: true }, overlaps: [[{ item: "12", units: 1 }, "14"]] });
    expect(calculationLines(evaluation.items.find((i) => i.id === "12")!, "en").slice(2)).toEqual([
      "Article 16 leaves a part out; counted again without it: RMB 2,000,000 → RMB 1,500,000",
      "  3 × RMB 500,000 per scenario project = RMB 1,500,000",
      "  RMB 1,500,000, within the cap of RMB 2,000,000 a year → RMB 1,500,000",
    ]);
  });
});

describe("template explanation", () => {
  it("explains the make-up, the cap that held and the room left, the open item and its questions, in both languages", () => {
    const { evaluation, describe } = evaluated({
      applicant: { ...inTongzhou, sme: true },
      vouchers: { modelServices: 2_000_000, computingServices: 0, significantResults: true, modelReceivedThisYear: 50_000 },
      events: { expenses: 400_000 },
    });
    const en = explainResult(evaluation, rules, "en", describe);
    expect(en).toContain("Article 6 Model and computing vouchers for SMEs: up to RMB 250,000. It is 30% of the model-services contract (RMB 2,000,000). It was held to RMB 250,000 by the model-voucher annual cap of RMB 300,000 (RMB 50,000 already received). This uses that cap up.");
    expect(en).toContain("Article 14 Industrial events is still open: it could add up to RMB 200,000. To settle it, answer:");
    const zh = explainResult(evaluation, rules, "zh", describe);
    expect(zh).toContain("按模型服务合同额（200万元）的30%计算。受模型券年度上限30万元限制（已获5万元），减至25万元。本项之后，该上限已用足。");
    expect(zh).toContain("第十四条 产业活动尚待确认：最多可增加20万元。");
  });

  it("is not the result screen, and gives the same text for the same result", () => {
    const { evaluation, describe } = evaluated(example);
    for (const lang of ["en", "zh"] as Lang[]) {
      const text = explainResult(evaluation, rules, lang, describe);
      expect(text).toBe(explainResult(evaluation, rules, lang, describe));
      const screenLines = new Set(resultScreen(evaluation, rules, lang, describe).split("\n").filter((line) => line.trim() !== ""));
      expect(text.split("\n").filter((line) => screenLines.has(line))).toEqual([]);
    }
  });

  it("says where Article 16 leaves an item out, and why", () => {
    const { evaluation, describe } = evaluated(example);
    expect(explainResult(evaluation, rules, "en", describe)).toContain("Article 16 leaves it out of the total: claimed for the same project as Article 12 (overlap group 1)");
  });
});
