import { describe, expect, it } from "vitest";
import { getFaqIndex } from "../../src/faq/faqIndex.js";
import { checkFaqReply } from "../../src/llm/checkFaqReply.js";

const official = (id: string) => getFaqIndex().articles.get(id)!.officialTextEn;
const retrieved = new Map(["6", "3"].map((id) => [id, official(id)]));
const RATE = "up to 30% of the total contract amount for such services may be subsidized";
const CAPS = "The annual subsidy limit for each enterprise is RMB 300,000 for model vouchers and RMB 500,000 for computing vouchers.";

const codes = (reply: unknown, lang: "en" | "zh" = "en") => {
  const checked = checkFaqReply(typeof reply === "string" ? reply : JSON.stringify(reply), retrieved, lang);
  return checked.ok ? [] : checked.problems.map((problem) => problem.code);
};

describe("checking an FAQ reply", () => {
  it("accepts numbers that the quotes hold, as written or by value", () => {
    expect(codes({ answer: "Under {{article:6}}, up to 30% of the contract amount, at most RMB 300,000 a year for model vouchers.", citations: [{ article: "6", quote: RATE }, { article: "6", quote: CAPS }] })).toEqual([]);
    expect(codes({ answer: "{{article:6}}：按合同总额最高百分之三十补贴，模型券每年最高三十万元、算力券50万元。", citations: [{ article: "6", quote: RATE }, { article: "6", quote: CAPS }] }, "zh")).toEqual([]);
    expect(codes({ answer: "Up to 30 percent under {{article:6}}.", citations: [{ article: "6", quote: RATE }] })).toEqual([]);
  });

  it("fills Article placeholders with the Article's name", () => {
    const checked = checkFaqReply(JSON.stringify({ answer: "See {{article:6}} and {{article:3}}.", citations: [{ article: "6", quote: RATE }] }), retrieved, "en");
    expect(checked).toEqual({ ok: true, answer: "See Article 6 and Article 3.", citations: [{ article: "6", quote: RATE }] });
  });

  it.each([
    ["a number no quote holds", { answer: "Up to 40% under {{article:6}}.", citations: [{ article: "6", quote: RATE }] }, ["numeral_not_quoted"]],
    ["a number quoted from another part of a number", { answer: "Up to RMB 3 under {{article:6}}.", citations: [{ article: "6", quote: CAPS }] }, ["numeral_not_quoted"]],
    ["a magnitude word", { answer: "Up to RMB 10 million under {{article:6}}.", citations: [{ article: "6", quote: CAPS }] }, ["numeral_not_quoted", "numeral_not_quoted"]],
    ["an Article written out", { answer: "See Article 6.", citations: [{ article: "6", quote: RATE }] }, ["numeral_not_quoted"]],
    ["a reworded quote", { answer: "See {{article:6}}.", citations: [{ article: "6", quote: "up to 30% of the contract amount may be subsidized" }] }, ["quote_not_verbatim"]],
    ["a quote of an Article not retrieved", { answer: "See {{article:6}}.", citations: [{ article: "12", quote: "scenarios" }] }, ["article_not_retrieved"]],
    ["a placeholder other than an Article", { answer: "Up to {{amount:6}} under {{article:6}}.", citations: [{ article: "6", quote: RATE }] }, ["unknown_placeholder"]],
    ["no citation", { answer: "Vouchers exist.", citations: [] }, ["no_citation"]],
    ["no answer", { answer: " ", citations: [] }, ["no_answer"]],
    ["text that is not JSON", "Vouchers are in {{article:6}}.", ["not_json"]],
    ["JSON of another shape", { answer: "x" }, ["bad_shape"]],
  ] as const)("rejects %s", (_name, reply, expected) => {
    expect(codes(reply)).toEqual(expected);
  });

  it("rejects an answer in the wrong language", () => {
    expect(codes({ answer: "算力券见{{article:6}}。", citations: [{ article: "6", quote: RATE }] }, "en")).toEqual(["wrong_language"]);
    expect(codes({ answer: "See {{article:6}}.", citations: [{ article: "6", quote: RATE }] }, "zh")).toEqual(["wrong_language"]);
  });
});
