import { describe, expect, it } from "vitest";
import { getFaqIndex } from "../../src/faq/faqIndex.js";
import { checkFaqReply } from "../../src/llm/checkFaqReply.js";
import { checkContext } from "../../src/llm/faq.js";
import type { FaqClaim } from "../support/mockLlm.js";

/** The FAQ of a day under the 2025 Rules, before any annual guideline: the quotes and figures written here are the Rules' own. */
const UNDER_THE_2025_RULES = "2025-06-01";
const index = getFaqIndex(UNDER_THE_2025_RULES);
const retrieved = (...ids: string[]) => checkContext(new Map(ids.map((id) => [id, index.articles.get(id)!.officialTextEn])), index);
const RATE = "up to 30% of the total contract amount for such services may be subsidized";
const CAPS = "The annual subsidy limit for each enterprise is RMB 300,000 for model vouchers and RMB 500,000 for computing vouchers.";
const MODEL_CAP = "RMB 300,000 for model vouchers";
const COMPUTING_CAP = "RMB 500,000 for computing vouchers";
const STANDARDS = "may receive one-time support of up to RMB 500,000, RMB 300,000, and RMB 200,000 respectively";
const LEVELS_1 = "one-time support of up to RMB 5 million and RMB 2 million, respectively, shall be provided";

const six = (text: string, quote: string): FaqClaim => ({ text, cite: { article: "6", clause: null }, quote });
const check = (claims: unknown[], lang: "en" | "zh" = "en", context = retrieved("6", "3")) => checkFaqReply(JSON.stringify({ claims }), context, lang);
const codes = (claims: unknown[], lang: "en" | "zh" = "en", context = retrieved("6", "3")) => {
  const checked = check(claims, lang, context);
  return checked.ok ? [] : checked.problems.map((problem) => problem.code);
};

describe("checking an FAQ reply made of quoted claims", () => {
  it("accepts numbers that each claim's quote holds, as written or by value, on the subject the quote gives them", () => {
    expect(codes([six("Under {{article:6}}, up to 30% of the contract amount may be subsidized.", RATE), six("Model vouchers are capped at RMB 300,000 a year.", MODEL_CAP)])).toEqual([]);
    expect(codes([six("{{article:6}}：按合同总额最高百分之三十补贴。", RATE), six("模型券每年最高三十万元、算力券50万元。", CAPS)], "zh")).toEqual([]);
    expect(codes([six("Up to 30 percent under {{article:6}}.", RATE)])).toEqual([]);
    expect(codes([six("For computing vouchers, the annual limit is RMB 500,000.", COMPUTING_CAP)])).toEqual([]);
  });

  it("fills Article placeholders and joins the claims into the answer", () => {
    const checked = check([six("See {{article:6}}.", RATE), { text: "Vouchers are one mode of support under {{article:3}}.", cite: { article: 3 }, quote: "computing vouchers, and model vouchers" }]);
    expect(checked).toEqual({
      ok: true,
      answer: "See Article 6. Vouchers are one mode of support under Article 3.",
      citations: [
        { article: "6", clause: null, quote: RATE },
        { article: "3", clause: null, quote: "computing vouchers, and model vouchers" },
      ],
    });
  });

  it.each([
    ["the model voucher limit given the computing vouchers' amount", [six("The model voucher limit is RMB 500,000 a year.", CAPS)], "en"],
    ["the computing voucher limit given the model vouchers' amount, with the subject in its own part", [six("For computing vouchers, the annual limit is RMB 300,000.", CAPS)], "en"],
    ["the two voucher caps swapped in one claim", [six("The annual limit is RMB 500,000 for model vouchers and RMB 300,000 for computing vouchers.", CAPS)], "en"],
    ["模型券的上限写成算力券的金额", [six("模型券每家企业每年最高50万元。", CAPS)], "zh"],
    ["算力券写成模型券的金额", [six("算力券每年最高30万元。", MODEL_CAP.replace("RMB 300,000 for model vouchers", CAPS))], "zh"],
    ["模型券、算力券金额互换", [six("模型券每年最高50万元、算力券每年最高30万元。", CAPS)], "zh"],
  ] as const)("rejects %s", (_name, claims, lang) => {
    expect(codes([...claims], lang)).toContain("number_on_wrong_subject");
  });

  it("tells apart the levels of a “respectively” list by the rules data: national standards get RMB 300,000, not RMB 500,000", () => {
    const seven = (text: string) => ({ text, cite: { article: "7" }, quote: STANDARDS });
    const context = retrieved("7");
    expect(codes([seven("Leading a national standard brings up to RMB 300,000 once.")], "en", context)).toEqual([]);
    expect(codes([seven("Leading a national standard brings up to RMB 500,000 once.")], "en", context)).toEqual(["number_on_wrong_subject"]);
    expect(codes([seven("牵头制定国际标准，一次性最高50万元。")], "zh", context)).toEqual([]);
    expect(codes([seven("牵头制定地方标准，一次性最高30万元。")], "zh", context)).toEqual(["number_on_wrong_subject"]);
  });

  it("checks a quote against the clause it cites", () => {
    const context = retrieved("8");
    const eight = (clause: number | null, text: string) => ({ text, cite: { article: "8", clause }, quote: LEVELS_1 });
    expect(codes([eight(1, "A national manufacturing innovation center gets up to RMB 5 million once.")], "en", context)).toEqual([]);
    expect(codes([eight(null, "A national manufacturing innovation center gets up to RMB 5 million once.")], "en", context)).toEqual([]);
    expect(codes([eight(2, "A national manufacturing innovation center gets up to RMB 5 million once.")], "en", context)).toEqual(["quote_not_verbatim"]);
    expect(codes([eight(3, "Platforms are supported.")], "en", context)).toEqual(["unknown_clause"]);
    expect(codes([eight(1, "A Beijing industrial innovation center gets up to RMB 5 million once.")], "en", context)).toEqual(["number_on_wrong_subject"]);
    expect(codes([eight(1, "北京市产业创新中心一次性最高200万元。")], "zh", context)).toEqual([]);
  });

  it.each([
    ["a number no quote holds", [six("Up to 40% under {{article:6}}.", RATE)], ["numeral_not_quoted"]],
    ["a number that only another claim's quote holds", [six("Up to 30% under {{article:6}}.", MODEL_CAP), six("Model vouchers have a cap.", RATE)], ["numeral_not_quoted"]],
    ["a number quoted from another part of a number", [six("Up to RMB 3 under {{article:6}}.", CAPS)], ["numeral_not_quoted"]],
    ["a magnitude word", [six("Up to RMB 10 million under {{article:6}}.", CAPS)], ["numeral_not_quoted"]],
    ["an Article written out", [six("See Article 6.", RATE)], ["numeral_not_quoted"]],
    ["a reworded quote", [six("See {{article:6}}.", "up to 30% of the contract amount may be subsidized")], ["quote_not_verbatim"]],
    ["a quote of an Article not retrieved", [{ text: "See {{article:6}}.", cite: { article: "12" }, quote: "scenarios" }], ["article_not_retrieved"]],
    ["a quote of the right words cited to the wrong Article", [{ text: "See {{article:3}}.", cite: { article: "3" }, quote: RATE }], ["quote_not_verbatim"]],
    ["a placeholder other than an Article", [six("Up to {{amount:6}} under {{article:6}}.", RATE)], ["unknown_placeholder"]],
    ["an empty claim", [six(" ", RATE)], ["empty_claim"]],
    ["no claims", [], ["no_claims"]],
  ] as const)("rejects %s", (_name, claims, expected) => {
    expect(codes([...claims])).toEqual(expected);
  });

  it("rejects text that is not JSON, and JSON of the old answer-and-citations shape", () => {
    expect(checkFaqReply("Vouchers are in {{article:6}}.", retrieved("6"), "en")).toEqual({ ok: false, problems: [{ code: "not_json" }] });
    const old = checkFaqReply(JSON.stringify({ answer: "See {{article:6}}.", citations: [{ article: "6", quote: RATE }] }), retrieved("6"), "en");
    expect(old.ok ? [] : old.problems.map((problem) => problem.code)).toEqual(["bad_shape"]);
  });

  it("rejects an answer in the wrong language", () => {
    expect(codes([six("算力券见{{article:6}}。", RATE)], "en")).toEqual(["wrong_language"]);
    expect(codes([six("See {{article:6}}.", RATE)], "zh")).toEqual(["wrong_language"]);
  });
});
