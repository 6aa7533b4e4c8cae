import { describe, expect, it } from "vitest";
import { mentionedArticle } from "../../src/faq/articleMention.js";

describe("the Article a question names", () => {
  it.each([
    ["what documents do we need for article 6", "6"],
    ["art. 14 events", "14"],
    ["第六条是什么意思", "6"],
    ["第9条需要什么", "9"],
    ["第十二条和场景", "12"],
    ["第十九条", "19"],
  ])("%j names Article %s", (question, article) => {
    expect(mentionedArticle(question)).toBe(article);
  });

  it.each([["what is a computing voucher"], ["article 6 and article 12 together?"], ["第二十条"], ["article 25"]])("%j names no single Article of the Rules", (question) => {
    expect(mentionedArticle(question)).toBeNull();
  });
});
