import { describe, expect, it } from "vitest";
import { todayInBeijing } from "../../src/clock.js";
import { answerQuestion, type FaqAnswer } from "../../src/faq/answer.js";
import { buildSupportItems, loadAmountsFile } from "../../src/faq/supportItems.js";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import type { Lang } from "../../src/i18n/lang.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { RulesFileError } from "../../src/rules/readRulesFile.js";
import { articlesOn } from "../../src/rules/datedParameters.js";

const rules = loadRules();
const itemText = (id: string) => rules.items.find((item) => item.rule.id === id)!.text;
/** An Article's parameter values in force today, as the FAQ states them. */
const parameters = (article: string) => articlesOn(rules.articles, todayInBeijing()).find((a) => a.article === article)!.parameters;

function expectKind<K extends FaqAnswer["kind"]>(answer: FaqAnswer, kind: K): Extract<FaqAnswer, { kind: K }> {
  expect(answer.kind, answer.answer).toBe(kind);
  return answer as Extract<FaqAnswer, { kind: K }>;
}

describe("questions about documents", () => {
  it.each<[string, Lang, string, string]>([
    ["申请算力券要准备什么材料", "zh", "6", "第六条"],
    ["what documents do we need for Article 6", "en", "6", "Article 6"],
    ["What documents do we need for the computing voucher?", "en", "6", "Article 6"],
    ["申请第9条需要提交哪些资料？", "zh", "9", "第九条"],
    ["办活动申请补贴要交什么材料", "zh", "14", "第十四条"],
    ["which paperwork is required for a CAC filing reward", "en", "5", "Article 5"],
  ])("%j lists the item's documents from the rules data and cites the Article", (question, lang, article, label) => {
    const answer = expectKind(answerQuestion(question, lang), "documents");
    expect(answer.articles).toEqual([article]);
    expect(answer.answer).toContain(label);
    for (const document of itemText(article).documents[lang]) expect(answer.answer).toContain(`- ${document}`);
  });

  it("lists each item of an Article with two clauses under its own heading", () => {
    const answer = expectKind(answerQuestion("第八条要提交什么文件", "zh"), "documents");
    expect(answer.answer).toContain("第八条第一款");
    expect(answer.answer).toContain("第八条第二款");
    for (const id of ["8.1", "8.2"]) for (const document of itemText(id).documents.zh) expect(answer.answer).toContain(document);
  });

  it("answers in the asker's language only", () => {
    expect(expectKind(answerQuestion("what documents do we need for Article 6", "en"), "documents").answer).not.toMatch(/\p{Script=Han}/u);
    expect(expectKind(answerQuestion("申请算力券要准备什么材料", "zh"), "documents").answer).toContain("非官方译文");
  });

  it("gives the documents every application needs, citing Articles 15 and 17, when no item is named", () => {
    const answer = expectKind(answerQuestion("申报需要准备哪些材料？", "zh"), "documents");
    expect(answer.articles).toEqual(["15", "17"]);
    expect(answer.answer).toContain("营业执照");
    expect(answer.answer).not.toContain("中小企业身份证明");
  });

  it("leaves a question about false materials to Article 17", () => {
    expect(expectKind(answerQuestion("申报材料造假会怎样", "zh"), "answer").articles[0]).toBe("17");
    expect(expectKind(answerQuestion("What if the documents we submit are inaccurate?", "en"), "answer").articles[0]).toBe("17");
  });
});

describe("“how much can we get for X”", () => {
  it("states the Article 6 rate and both voucher caps read from the rules data, and offers the interview", () => {
    const answer = expectKind(answerQuestion("How much can we get for computing vouchers?", "en"), "how_much");
    const p = parameters("6");
    expect(answer.articles).toEqual(["6"]);
    expect(answer.answer).toContain(`${"percent" in p.rate! ? p.rate.percent : NaN}%`);
    expect(answer.answer).toContain(formatYuan(("yuan" in p.computingAnnualCap! ? p.computingAnnualCap.yuan : NaN) * 100, "en"));
    expect(answer.answer).toContain(formatYuan(("yuan" in p.modelAnnualCap! ? p.modelAnnualCap.yuan : NaN) * 100, "en"));
    expect(answer.answer).toContain("/check");
  });

  it("states each level of Article 7 in Chinese amounts", () => {
    const answer = expectKind(answerQuestion("我们牵头制定了国家标准，能拿多少？", "zh"), "how_much");
    const table = parameters("7").standardAmounts!;
    if (!("yuanByKey" in table)) throw new Error("standardAmounts is a table");
    for (const yuan of Object.values(table.yuanByKey)) expect(answer.answer).toContain(formatYuan(yuan * 100, "zh"));
    expect(answer.answer).toContain("控制台");
  });

  it("still only points to the interview when the question names no item", () => {
    const answer = expectKind(answerQuestion("我们能拿多少钱", "zh"), "how_much");
    expect(answer.articles).toEqual([]);
    expect(answer.answer).not.toMatch(/\d万元/);
  });
});

describe("rules/faq-amounts.json", () => {
  const amounts = loadAmountsFile();

  it("states every parameter of every item file", () => {
    const items = buildSupportItems(articlesOn(rules.articles, rules.policy.validity.validFrom), amounts);
    expect([...items.values()].flat().map((item) => item.id)).toEqual(expect.arrayContaining(rules.items.map((item) => item.rule.id)));
  });

  it("names a parameter left without a line and a line naming no parameter", () => {
    const broken = structuredClone(amounts);
    broken.items.find((entry) => entry.item === "6")!.lines.shift();
    broken.items.find((entry) => entry.item === "7")!.lines[0]!.key = "planetary";
    let error: unknown;
    try {
      buildSupportItems(articlesOn(rules.articles, rules.policy.validity.validFrom), broken);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RulesFileError);
    expect((error as Error).message).toContain("no line states parameter rate of Article 6");
    expect((error as Error).message).toMatch(/items\[\d+\]\.lines\[0\]: standardAmounts\.planetary is not a key of the table/);
  });
});
