import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { articleText } from "../../src/conversation/menus.js";
import { evaluate } from "../../src/engine/evaluate.js";
import { loadArticles } from "../../src/faq/articles.js";
import { answerQuestion } from "../../src/faq/answer.js";
import { buildFaqIndex, loadFaqSources } from "../../src/faq/faqIndex.js";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import { checkFaqReply } from "../../src/llm/checkFaqReply.js";
import { checkContext } from "../../src/llm/faq.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { rulesWithModelCapChanged } from "../support/storedScreenings.js";

/**
 * Issue 13's test of "one source": the Article 6 model-voucher cap is changed where it lives (its
 * item file: value, quote, official text), in a copy of rules/, and the engine, the FAQ, the
 * Articles view and the LLM's checks all state the new figure and none the old one.
 */
const today = loadRules().policy.validity.validFrom;
const oldCap = (loadRules().byId.get("6")!.params.modelAnnualCap as number) / 100;
const newCap = oldCap + 100_000;
const dir = rulesWithModelCapChanged(newCap - oldCap);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const written = (yuan: number) => `RMB ${yuan.toLocaleString("en")}`;
const index = buildFaqIndex(loadFaqSources(dir, today));

describe("a cap changed in its one place", () => {
  it("changes the engine's amount", () => {
    const screening = { asOf: today, applicant: { kind: "enterprise" as const, inJurisdiction: true, sectors: ["ai" as const], sme: true }, vouchers: { modelServices: 1e8, computingServices: 0, significantResults: true } };
    const item = evaluate(screening, loadRules(dir), today).items.find((i) => i.id === "6")!;
    expect(item.maxSupportFen).toBe(newCap * 100);
  });

  it("changes the FAQ's answers, in both languages", () => {
    const en = answerQuestion("What is the annual cap for model vouchers?", "en", index).answer;
    expect(en).toContain(written(newCap));
    expect(en).not.toContain(written(oldCap));
    const zh = answerQuestion("模型券每年最高多少？", "zh", index).answer;
    expect(zh).toContain(formatYuan(newCap * 100, "zh"));
    expect(zh).not.toContain(formatYuan(oldCap * 100, "zh"));
    expect(index.faq.get("vouchers-caps")!.answerEn).toContain(`${written(newCap)} a year in model vouchers`);
  });

  it("changes the Articles view", () => {
    const six = loadArticles(dir).articles.find((a) => a.article === "6")!;
    expect(articleText(six, "en")).toContain(`${written(newCap)} for model vouchers`);
    expect(articleText(six, "en")).not.toContain(`${written(oldCap)} for model vouchers`);
  });

  it("changes what the LLM's checks accept: the new figure with the new quote, not the old one", () => {
    const context = checkContext(new Map([["6", index.articles.get("6")!.officialTextEn]]), index);
    const claim = (figure: number, quote: string) => JSON.stringify({ claims: [{ text: `Model vouchers are capped at ${written(figure)} a year.`, cite: { article: "6", clause: null }, quote }] });
    expect(checkFaqReply(claim(newCap, `${written(newCap)} for model vouchers`), context, "en").ok).toBe(true);
    const stale = checkFaqReply(claim(oldCap, `${written(oldCap)} for model vouchers`), context, "en");
    expect(stale.ok).toBe(false);
    expect(stale.ok ? [] : stale.problems.map((p) => p.code)).toContain("quote_not_verbatim");
  });
});
