import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/faq/answer.js";
import { getFaqIndex } from "../../src/faq/faqIndex.js";
import { isOneEditAway } from "../../src/faq/typos.js";
import type { Lang } from "../../src/i18n/lang.js";

const firstCited = (question: string, lang: Lang) => {
  const answer = answerQuestion(question, lang);
  return answer.kind === "out_of_scope" || answer.kind === "too_long" ? null : answer.articles[0];
};

describe("one wrong character in a key term", () => {
  it.each<[string, Lang, string]>([
    ["算立券怎么申请", "zh", "6"],
    ["算力圈是什么", "zh", "6"],
    ["模形券每年上限多少", "zh", "6"],
    ["信息技术应用创心是什么", "zh", "9"],
    ["what is a computing vocher", "en", "6"],
    ["we are a cybersecuirty startup, are we eligible?", "en", "1"],
    ["support for blockchian filings", "en", "5"],
  ])("%j still finds Article %s", (question, lang, article) => {
    expect(firstCited(question, lang)).toBe(article);
  });

  it("leaves correct words next to a key term alone: 算力中心 is not read as 算力券", () => {
    expect(firstCited("算力中心建设有支持吗", "zh")).toBe("11");
    const terms = (question: string) => getFaqIndex().buildQuery(question).flatMap((clause) => [...clause.alternatives[0]!.keys()]);
    expect(terms("算力中心建设")).not.toContain("算力券");
    expect(terms("算力圈")).toContain("算力券");
  });

  it("counts one substitution, insertion, deletion or swap of neighbours, and nothing more", () => {
    expect(isOneEditAway("vocher", "voucher")).toBe(true);
    expect(isOneEditAway("voucehr", "voucher")).toBe(true);
    expect(isOneEditAway("vouchr", "voucher")).toBe(true);
    expect(isOneEditAway("vuchr", "voucher")).toBe(false);
    expect(isOneEditAway("voucher", "voucher")).toBe(false);
  });
});

describe("everyday phrasing of Articles 1, 14, 15, 16 and 18", () => {
  it.each<[string, Lang, string]>([
    ["Our company is outside Tongzhou but wants to move there", "en", "1"],
    ["我们公司在大兴，准备搬到通州，可以申报吗", "zh", "1"],
    ["can the costs of our conference be covered", "en", "14"],
    ["举办活动花的钱能报吗", "zh", "14"],
    ["Who decides the final amount?", "en", "15"],
    ["最终金额谁说了算", "zh", "15"],
    ["the same project under two Articles, can we get both?", "en", "16"],
    ["同一个项目符合两条，能都拿吗", "zh", "16"],
    ["If we read a clause differently from the officials, who settles it?", "en", "18"],
    ["条款理解有分歧听谁的", "zh", "18"],
  ])("%j cites Article %s first", (question, lang, article) => {
    expect(firstCited(question, lang)).toBe(article);
  });

  it.each<[string, Lang]>([
    ["Who decides the final amount?", "en"],
    ["最终金额谁说了算", "zh"],
  ])("answers %j without starting with a no", (question, lang) => {
    const answer = answerQuestion(question, lang);
    expect(answer.answer).not.toMatch(/^(No\b|不能|不是|否)/);
    expect(answer.answer).toMatch(lang === "en" ? /Bureau of Economy and Information Technology/ : /经济和信息化局/);
  });
});
