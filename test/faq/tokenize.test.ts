import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/faq/lexicon.js";
import { createTokenizer, stemEnglish } from "../../src/faq/tokenize.js";

const tokenizer = createTokenizer(loadLexicon());

describe("tokenizer", () => {
  it("lower-cases and folds full-width letters and digits", () => {
    expect(tokenizer.tokenize("ＩＴＡＩ　２０２５")).toEqual(["itai", "2025"]);
  });

  it("drops English stopwords and stems plurals and -ed/-ing forms alike", () => {
    expect(tokenizer.tokenize("What are the vouchers?")).toEqual(["voucher"]);
    expect(stemEnglish("subsidized")).toBe(stemEnglish("subsidize"));
    expect(stemEnglish("companies")).toBe("company");
    expect(stemEnglish("organizing")).toBe(stemEnglish("organized"));
  });

  it("keeps a number written with thousands separators as one term", () => {
    expect(tokenizer.tokenize("RMB 2,000,000")).toEqual(["rmb", "2000000"]);
  });

  it("turns Chinese into unigrams and bigrams that do not span a function word", () => {
    expect(tokenizer.tokenize("模型券是什么")).toEqual(["模", "型", "券", "模型", "型券", "模型券"]);
    expect(tokenizer.tokenize("算力的补贴")).toEqual(["算", "力", "算力", "补", "贴", "补贴"]);
  });

  it("folds a common variant character: 劵 reads 券", () => {
    expect(tokenizer.tokenize("算力劵")).toEqual(tokenizer.tokenize("算力券"));
  });

  it("reads Chinese without function words for phrase matching", () => {
    expect(tokenizer.contentText("发展特别快")).toBe("发展快");
  });
});
