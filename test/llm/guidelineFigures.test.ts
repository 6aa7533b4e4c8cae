import { rmSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { buildFaqIndex, loadFaqSources } from "../../src/faq/faqIndex.js";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import type { Lang } from "../../src/i18n/lang.js";
import { describeFact } from "../../src/interview/render.js";
import { checkExplanation } from "../../src/llm/checkExplanation.js";
import { checkFaqReply } from "../../src/llm/checkFaqReply.js";
import { buildExplainData } from "../../src/llm/explainData.js";
import { answerWithLlm, checkContext } from "../../src/llm/faq.js";
import { memoryLogger } from "../../src/log.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { GUIDELINE_SOURCE, rulesWithGuidelineModelCap } from "../support/guidelineRules.js";
import { faqClaimsReply, startMockLlm, type MockLlm } from "../support/mockLlm.js";
import { mockClient, screeningOf } from "./fixtures.js";

/**
 * The LLM's figures with an annual guideline in force: Article 6's model-voucher cap raised from
 * 2026-01-01 in a copy of rules/. A reply about a day after it must use the guideline's figure and
 * not the Rules' superseded one; a reply about a day before it, the other way round.
 */
const guideline = rulesWithGuidelineModelCap();
afterAll(() => rmSync(guideline.dir, { recursive: true, force: true }));
const rules = loadRules(guideline.dir);
const AFTER = "2026-06-01";
const BEFORE = "2025-06-01";
// The guideline starts between the two days (2026-01-01).

/** The Rules' own words for the cap, as the official text states it. */
const RULES_QUOTE = rules.articles.find((a) => a.article === "6")!.officialText.match(/RMB [\d,]+ for model vouchers/)![0];
const en = (yuan: number) => `RMB ${yuan.toLocaleString("en")}`;
const claim = (text: string, quote: string) => ({ text, cite: { article: "6", clause: null }, quote });
const codes = (checked: ReturnType<typeof checkFaqReply>) => (checked.ok ? [] : checked.problems.map((problem) => problem.code));

describe("FAQ replies are checked against the figures in force on the FAQ's day", () => {
  const indexOn = (day: string) => buildFaqIndex(loadFaqSources(guideline.dir, day));
  const after = indexOn(AFTER);
  const before = indexOn(BEFORE);
  const check = (index: typeof after, claims: unknown[], lang: Lang = "en") =>
    checkFaqReply(JSON.stringify({ claims }), checkContext(new Map([["6", index.articles.get("6")!.officialTextEn]]), index), lang);

  it("after the guideline: rejects the superseded cap, even quoted from the Rules' official text", () => {
    expect(RULES_QUOTE).toBe(`${en(guideline.beforeYuan)} for model vouchers`);
    const stale = check(after, [claim(`Model vouchers are capped at ${en(guideline.beforeYuan)} a year.`, RULES_QUOTE)]);
    expect(codes(stale)).toEqual(["figure_not_in_force"]);
    const staleZh = check(after, [claim(`模型券每年最高${formatYuan(guideline.beforeYuan * 100, "zh")}。`, RULES_QUOTE)], "zh");
    expect(codes(staleZh)).toEqual(["figure_not_in_force"]);
  });

  it("after the guideline: accepts its cap, quoting the guideline's own words, in either language", () => {
    expect(check(after, [claim(`Model vouchers are capped at ${en(guideline.fromYuan)} a year.`, guideline.text)]).ok).toBe(true);
    expect(check(after, [claim(`模型券每年最高${formatYuan(guideline.fromYuan * 100, "zh")}。`, guideline.text)], "zh").ok).toBe(true);
  });

  it("before the guideline: accepts the Rules' cap and rejects the guideline's, whose words are not yet in force", () => {
    expect(check(before, [claim(`Model vouchers are capped at ${en(guideline.beforeYuan)} a year.`, RULES_QUOTE)]).ok).toBe(true);
    const early = check(before, [claim(`Model vouchers are capped at ${en(guideline.fromYuan)} a year.`, guideline.text)]);
    expect(codes(early)).toEqual(["quote_not_verbatim", "figure_not_in_force"]);
  });

  it("leaves a figure no guideline changes alone: the computing-voucher cap", () => {
    const caps = rules.articles.find((a) => a.article === "6")!.officialText.match(/RMB [\d,]+ for computing vouchers/)![0];
    expect(check(after, [claim(`Computing vouchers are capped at ${caps.split(" for")[0]} a year.`, caps)]).ok).toBe(true);
  });

  describe("through the model (a local mock server)", () => {
    let mock: MockLlm;
    beforeAll(async () => {
      mock = await startMockLlm();
    });
    afterAll(() => mock.close());
    beforeEach(() => mock.reset());
    const ask = (question: string, lang: Lang) => answerWithLlm(question, lang, { client: mockClient(mock.url), logger: memoryLogger(), index: after });

    it("rejects a tampered reply that states the superseded cap, and gives the offline answer", async () => {
      mock.script(faqClaimsReply(claim(`Under {{article:6}}, model vouchers are capped at ${en(guideline.beforeYuan)} a year.`, RULES_QUOTE)));
      const result = await ask("What are model vouchers?", "en");
      expect(result.outcome).toBe("rejected");
      expect(result.reply.text).not.toContain(`capped at ${en(guideline.beforeYuan)}`);
    });

    it("gives the model the guideline's words and name with Article 6, and accepts a reply that quotes them", async () => {
      mock.script(faqClaimsReply(claim(`{{article:6}}规定，模型券每家企业每年最高${formatYuan(guideline.fromYuan * 100, "zh")}。`, guideline.text)));
      const result = await ask("什么是模型券", "zh");
      expect(result.outcome).toBe("accepted");
      const request = mock.requests[0]!.messages.at(-1)!.content;
      expect(request).toContain(guideline.text);
      expect(request).toContain(GUIDELINE_SOURCE.zh);
    });
  });
});

describe("explanations state the figures of the screening's own date", () => {
  const bank = loadQuestionBank();
  const explained = (asOf: string, lang: Lang) => {
    const screening = screeningOf({ asOf, applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"], sme: true }, vouchers: { modelServices: 100_000_000, computingServices: 0, significantResults: true } });
    const evaluation = evaluate(screening, rules, asOf);
    return buildExplainData({ ...evaluation, items: evaluation.items.filter((item) => item.id === "6") }, rules, lang, describeFact({ bank, rules, screening }));
  };
  const reply = (cap: string) => `{{item:6}} can get {{amount:6}}: the model-voucher cap of ${cap} limits it.`;

  it("a screening dated after the guideline: its cap through the placeholder, not the superseded one", () => {
    const data = explained(AFTER, "en");
    const accepted = checkExplanation(reply("{{cap:6:model_vouchers}}"), data, "en");
    expect(accepted).toEqual({ ok: true, text: expect.stringContaining(`cap of ${en(guideline.fromYuan)} limits`) });
    expect(checkExplanation(reply(en(guideline.beforeYuan)), data, "en")).toMatchObject({ ok: false, problems: [{ code: "numeral" }] });
  });

  it("a screening dated before it: the Rules' cap through the placeholder, not the guideline's", () => {
    const data = explained(BEFORE, "en");
    expect(checkExplanation(reply("{{cap:6:model_vouchers}}"), data, "en")).toEqual({ ok: true, text: expect.stringContaining(`cap of ${en(guideline.beforeYuan)} limits`) });
    expect(checkExplanation(reply(en(guideline.fromYuan)), data, "en")).toMatchObject({ ok: false, problems: [{ code: "numeral" }] });
  });
});
