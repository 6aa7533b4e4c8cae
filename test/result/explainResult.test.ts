import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening } from "../../src/engine/screening.js";
import type { Lang } from "../../src/i18n/lang.js";
import { describeFact } from "../../src/interview/render.js";
import { explainResult } from "../../src/result/explainResult.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { NOTHING_TO_CLAIM } from "../support/nothingToClaim.js";

/** Dated before any annual guideline: the figures written here are the 2025 Rules' own. */
const NOTHING = { ...NOTHING_TO_CLAIM, asOf: "2025-06-01" };
const CLOSING_EN = 'These are maxima ("up to"): the Tongzhou District Bureau of Economy and Information Technology decides eligibility and the actual amounts.';
const CLOSING_ZH = "以上均为最高金额：是否支持及实际金额由通州区经济和信息化局确定。";
const ARTICLE4_EN = "Article 4 Support for fast-growing enterprises misses one condition: requires strong leadership and fast growth. If it were met, it could pay up to RMB 200,000.";
const ARTICLE4_ZH = "第四条 企业快速成长支持差一个条件：需企业引领性强、成长速度快。如满足该条件，最高可获20万元。";

function explained(input: object, lang: Lang): string[] {
  const rules = loadRules();
  const parsed = parseScreening({ ...NOTHING, ...input });
  if (!parsed.ok) throw new Error(`invalid test screening: ${JSON.stringify(parsed.issues)}`);
  const describe = describeFact({ bank: loadQuestionBank(), rules, screening: parsed.value });
  return explainResult(evaluate(parsed.value, rules, NOTHING.asOf), rules, lang, describe).split("\n\n");
}

describe("the template explanation, paragraph by paragraph", () => {
  it("says when nothing applies, names the near miss, and counts the items that do not apply", () => {
    expect(explained({}, "en")).toEqual(["On your answers, no item applies yet.", ARTICLE4_EN, `12 other item(s) do not apply on these answers; the result lists why. ${CLOSING_EN}`]);
    expect(explained({}, "zh")).toEqual(["按目前回答，暂无适用的支持项目。", ARTICLE4_ZH, `另有12项按目前回答不适用，原因见结果。${CLOSING_ZH}`]);
  });

  it("gives each near miss its paragraph, with the condition missed and what meeting it would pay", () => {
    const text = explained({ vouchers: { modelServices: 1_000_000, computingServices: 0, significantResults: true } }, "en");
    expect(text.slice(1, 3)).toEqual([
      ARTICLE4_EN,
      "Article 6 Model and computing vouchers for SMEs misses one condition: model and computing vouchers are for small and medium-sized enterprises only. If it were met, it could pay up to RMB 300,000.",
    ]);
    expect(text[3]).toBe(`11 other item(s) do not apply on these answers; the result lists why. ${CLOSING_EN}`);
  });

  it("leaves out the count of others when every item applies, is open or is a near miss", () => {
    const rules = loadRules();
    const parsed = parseScreening({ asOf: NOTHING.asOf, applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"] } });
    if (!parsed.ok) throw new Error("invalid test screening");
    const text = explainResult(evaluate(parsed.value, rules, NOTHING.asOf), rules, "en", describeFact({ bank: loadQuestionBank(), rules, screening: parsed.value })).split("\n\n");
    expect(text[0]).toBe("On your answers, no item applies yet. 13 more item(s) are still open and could add up to RMB 39,000,000.");
    expect(text.at(-1)).toBe(CLOSING_EN);
  });

  it("a one-time amount", () => {
    expect(explained({ growth: { fastGrowth: true } }, "en").slice(0, 2)).toEqual([
      "On your answers, 1 item(s) may apply, for up to RMB 200,000 in total after Article 16.",
      "Article 4 Support for fast-growing enterprises: up to RMB 200,000. This is the Article's one-time amount.",
    ]);
    expect(explained({ growth: { fastGrowth: true } }, "zh")[1]).toBe("第四条 企业快速成长支持：最高20万元。这是本条规定的一次性支持金额。");
  });

  it("standards of one level counted, in the singular and the plural, and with the measure word in Chinese", () => {
    const one = { standards: { international: 0, national: 1, local: 0 } };
    expect(explained(one, "en")[1]).toBe(
      "Article 7 Leading the formulation of standards: up to RMB 300,000. It counts 1 national standard at RMB 300,000 each. It is within the annual cap of RMB 1,000,000. After this, RMB 700,000 of that cap is left.",
    );
    const two = { standards: { international: 0, national: 2, local: 0 } };
    expect(explained(two, "en")[1]).toBe(
      "Article 7 Leading the formulation of standards: up to RMB 600,000. It counts 2 national standards at RMB 300,000 each. It is within the annual cap of RMB 1,000,000. After this, RMB 400,000 of that cap is left.",
    );
    expect(explained(two, "zh")[1]).toBe("第七条 牵头制定标准：最高60万元。按2项国家标准计算，单价30万元。未超过年度上限100万元。本项之后，该上限尚余40万元。");
    expect(explained(two, "en").slice(2)).toEqual([ARTICLE4_EN, `11 other item(s) do not apply on these answers; the result lists why. ${CLOSING_EN}`]);
  });

  it("standards of several levels said as their sum, which uses the cap up", () => {
    const standards = { standards: { international: 1, national: 1, local: 1 } };
    expect(explained(standards, "en")[1]).toBe(
      "Article 7 Leading the formulation of standards: up to RMB 1,000,000. It adds up international standards RMB 500,000 and national standards RMB 300,000 and local (industry) standards RMB 200,000. It is within the annual cap of RMB 1,000,000. This uses that cap up.",
    );
    expect(explained(standards, "zh")[1]).toBe("第七条 牵头制定标准：最高100万元。由国际标准50万元与国家标准30万元与地方（行业）标准20万元相加。未超过年度上限100万元。本项之后，该上限已用足。");
  });

  it("one filing said by its name; two said as their sum, held by the cap", () => {
    expect(explained({ filings: { generativeAi: true, deepSynthesis: false, blockchainInfo: false, goodOutcomes: true } }, "en")[1]).toBe(
      "Article 5 New CAC filings (generative AI, deep synthesis, blockchain): up to RMB 1,000,000. It is the amount for the Generative AI filing: RMB 1,000,000. It is within the annual cap of RMB 1,000,000. This uses that cap up.",
    );
    const two = { filings: { generativeAi: true, deepSynthesis: true, blockchainInfo: false, goodOutcomes: true } };
    expect(explained(two, "en")[1]).toBe(
      "Article 5 New CAC filings (generative AI, deep synthesis, blockchain): up to RMB 1,000,000. It adds up Generative AI filing RMB 1,000,000 and Deep synthesis filing RMB 200,000. It was held to RMB 1,000,000 by the annual cap of RMB 1,000,000. This uses that cap up.",
    );
    expect(explained(two, "zh")[1]).toBe("第五条 网信办备案（生成式人工智能、深度合成、区块链）：最高100万元。由生成式人工智能备案100万元与深度合成备案20万元相加。受年度上限100万元限制，减至100万元。本项之后，该上限已用足。");
  });

  it("a recognition said by its level, and a promotion paying the difference", () => {
    expect(explained({ recognitions: [{ level: "miit_key_laboratory", promotedFrom: null }] }, "en")[1]).toBe(
      "Article 8(2) MIIT key laboratories, Beijing design and enterprise technology centers: up to RMB 1,000,000. It is the amount for the MIIT key laboratory: RMB 1,000,000.",
    );
    const promoted = { recognitions: [{ level: "miit_key_laboratory", promotedFrom: "beijing_enterprise_technology_center" }] };
    expect(explained(promoted, "en")[1]).toBe(
      "Article 8(2) MIIT key laboratories, Beijing design and enterprise technology centers: up to RMB 500,000. The MIIT key laboratory was promoted from a Beijing enterprise technology center: only the difference is paid, RMB 500,000.",
    );
    expect(explained(promoted, "zh")[1]).toBe("第八条第二款 工信部重点实验室、北京市设计中心及企业技术中心：最高50万元。工信部重点实验室由北京市企业技术中心晋级而来，只支持级差50万元。");
  });

  it("a rate of a contract less its hardware", () => {
    const itai = { itai: { benchmarkFirstSolution: true, contractAmount: 3_000_000, hardwareAmount: 1_000_000 } };
    expect(explained(itai, "en")[1]).toBe(
      "Article 9 ITAI (xinchuang) benchmark first solutions: up to RMB 200,000. It is 10% of the ITAI contract (RMB 3,000,000) after taking off the hardware (RMB 1,000,000), that is of RMB 2,000,000. It is within the per-enterprise cap of RMB 1,000,000. After this, RMB 800,000 of that cap is left.",
    );
    expect(explained(itai, "zh")[1]).toBe("第九条 信创标杆示范首解决方案：最高20万元。按信创合同额300万元扣除硬件100万元后的200万元的10%计算。未超过单个企业上限100万元。本项之后，该上限尚余80万元。");
  });

  it("an item Article 16 counts in part, with why", () => {
    const overlapping = { scenarios: { projects: 4 }, events: { expenses: 2_000_000, significantResults: true }, overlaps: [[{ item: "12", units: 1 }, "14"]] };
    const text = explained(overlapping, "en");
    expect(text.slice(0, 3)).toEqual([
      "On your answers, 2 item(s) may apply, for up to RMB 2,500,000 in total after Article 16.",
      "Article 12 High-quality application scenario projects: up to RMB 2,000,000. It counts 4 scenario projects at RMB 500,000 each. It is within the annual cap of RMB 2,000,000. This uses that cap up. Article 16 counts RMB 1,500,000 of it in the total: 1 scenario project(s) are the same project as Article 14 (overlap group 1): selecting the best without duplication counts Article 14 and leaves them out of this item, which is counted again under its cap.",
      "Article 14 Industrial events: up to RMB 1,000,000. It is 50% of the event expenses (RMB 2,000,000). It is within the annual cap of RMB 1,000,000. This uses that cap up.",
    ]);
    expect(explained(overlapping, "zh")[1]).toBe(
      "第十二条 高质量应用场景项目：最高200万元。按4个应用场景项目计算，单价50万元。未超过年度上限200万元。本项之后，该上限已用足。按第十六条，本项计入合计150万元：其中1个应用场景项目与第十四条为同一项目（重叠组1），按“择优不重复”原则计入第十四条，这些项目不计入，其余按上限计入。",
    );
  });

  it("an open item's questions, several of them, each said once", () => {
    expect(explained({ events: {} }, "en")[1]).toBe(
      "Article 14 Industrial events is still open: it could add up to RMB 1,000,000. To settle it, answer: Did the events achieve significant results and strong impact? / What were the actual expenses of the events you organised or funded this year?",
    );
    expect(explained({ events: {} }, "zh")[1]).toBe("第十四条 产业活动尚待确认：最多可增加100万元。需确认：活动是否成效显著、影响力强？；今年主办、承办或出资举办活动的实际支出是多少？");
  });

  it("an open item with what it could add and the questions that settle it", () => {
    const open = { events: { expenses: 2_000_000 } };
    expect(explained(open, "en").slice(0, 2)).toEqual([
      "On your answers, no item applies yet. 1 more item(s) are still open and could add up to RMB 1,000,000.",
      "Article 14 Industrial events is still open: it could add up to RMB 1,000,000. To settle it, answer: Did the events achieve significant results and strong impact?",
    ]);
    expect(explained(open, "zh").slice(0, 2)).toEqual(["按目前回答，暂无适用的支持项目。另有1项尚待确认，最多还可增加100万元。", "第十四条 产业活动尚待确认：最多可增加100万元。需确认：活动是否成效显著、影响力强？"]);
  });
});
