import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatYuan, formatYuanPlain } from "../../src/i18n/formatMoney.js";
import { parseAmount, parseCount } from "../../src/interview/parseAmount.js";

const YUAN = 100;
const WAN = 10_000 * YUAN;

describe("parseAmount accepts", () => {
  it.each([
    ["plain digits", "1200000", 1_200_000 * YUAN],
    ["digits with thousands separators", "1,200,000", 1_200_000 * YUAN],
    ["a decimal with m for million", "1.2m", 1_200_000 * YUAN],
    ["an upper-case M", "1.2M", 1_200_000 * YUAN],
    ["the word million after a space", "1.2 million", 1_200_000 * YUAN],
    ["mn for million", "3mn", 3_000_000 * YUAN],
    ["k for thousand", "300k", 300_000 * YUAN],
    ["an upper-case K", "300K", 300_000 * YUAN],
    ["the word thousand", "300 thousand", 300_000 * YUAN],
    ["bn for billion", "1.5bn", 1_500_000_000 * YUAN],
    ["w for 万 as typed in chats", "30w", 300_000 * YUAN],
    ["a half-width yen sign", "¥300,000", 300_000 * YUAN],
    ["a full-width yen sign", "￥300,000", 300_000 * YUAN],
    ["RMB before 万", "RMB 30万", 300_000 * YUAN],
    ["rmb glued to the digits", "rmb300000", 300_000 * YUAN],
    ["CNY before the digits", "CNY 5000", 5000 * YUAN],
    ["人民币 before and 元 after", "人民币120万元", 1_200_000 * YUAN],
    ["万元 after digits", "120万元", 1_200_000 * YUAN],
    ["a space before 万", "120 万", 1_200_000 * YUAN],
    ["a decimal of 亿", "1.2亿", 120_000_000 * YUAN],
    ["Chinese numerals with 万", "三十万", 300_000 * YUAN],
    ["formal numerals ending in 元整", "叁拾万元整", 300_000 * YUAN],
    ["两 as two", "两千五百万", 25_000_000 * YUAN],
    ["a lone digit after 万 counting in thousands", "3万5", 35_000 * YUAN],
    ["a lone Chinese digit after 万 counting in thousands", "三万五", 35_000 * YUAN],
    ["a lone digit after 亿 counting in ten-millions", "一亿二", 120_000_000 * YUAN],
    ["a lone digit after 千 counting in hundreds", "三千五", 3500 * YUAN],
    ["a lone digit after 百 counting in tens", "二百五", 250 * YUAN],
    ["a multi-digit remainder after 万 taken literally", "3万500", 30_500 * YUAN],
    ["a full remainder after 万", "3万5000", 35_000 * YUAN],
    ["arabic digits as coefficients of 千 and 百", "3千5百", 3500 * YUAN],
    ["a Chinese decimal point", "十二点五万", 125_000 * YUAN],
    ["零 marking a skipped unit", "一百二十万零五百元", 1_200_500 * YUAN],
    ["零 inside the thousands", "两千零五十", 2050 * YUAN],
    ["十 after 零 without its 一", "一千零十", 1010 * YUAN],
    ["a leading 十 without its 一", "十二", 12 * YUAN],
    ["百万 without its 一", "百万", 1_000_000 * YUAN],
    ["亿 and 万 together", "1亿2000万", 120_000_000 * YUAN],
    ["万亿 as 10^12, the largest amount", "1万亿", 1e12 * YUAN],
    ["traditional characters", "壹億貳仟萬", 120_000_000 * YUAN],
    ["decimal fen", "1200000.50", 1_200_000 * YUAN + 50],
    ["fen with a trailing zero beyond them", "1.230", 123],
    ["zero", "0", 0],
    ["零 alone", "零", 0],
    ["〇 alone", "〇", 0],
    ["full-width digits with 万", "１２０万", 1_200_000 * YUAN],
    ["full-width digits and commas", "１，２００，０００", 1_200_000 * YUAN],
    ["a full-width space and letters", "ＲＭＢ　５０００", 5000 * YUAN],
    ["a trailing 块", "500块", 500 * YUAN],
    ["a trailing 块钱", "五百块钱", 500 * YUAN],
    ["a trailing yuan", "5000 yuan", 5000 * YUAN],
    ["surrounding spaces", "  3万 元 ", 30_000 * YUAN],
    ["four decimals of 万 when that is whole yuan", "1.2345万", 12_345 * YUAN],
    ["six decimals of 万 when that is whole fen", "1.234567万", 1_234_567],
    ["an arabic coefficient of 万 above 1万", "12,345.6789万元", 123_456_789 * YUAN],
    ["10^12 yuan exactly", "1,000,000,000,000", 1e12 * YUAN],
  ])("%s: %s", (_name, text, fen) => {
    expect(parseAmount(text)).toMatchObject({ ok: true, fen, approximate: false });
  });
});

describe("parseAmount reads hedged amounts as their figure, marked approximate", () => {
  it.each([
    ["约 before 万", "约30万", 300_000 * YUAN],
    ["左右 after 万", "30万左右", 300_000 * YUAN],
    ["大概 before Chinese numerals", "大概三十万", 300_000 * YUAN],
    ["about before k", "about 300k", 300_000 * YUAN],
    ["approximately before digits", "approximately 1,200,000", 1_200_000 * YUAN],
    ["approx. before a currency", "approx. RMB 500", 500 * YUAN],
    ["a tilde", "~300k", 300_000 * YUAN],
    ["a full-width tilde", "～30万", 300_000 * YUAN],
    ["both a hedge before and after", "大约30万左右", 300_000 * YUAN],
  ])("%s: %s", (_name, text, fen) => {
    expect(parseAmount(text)).toMatchObject({ ok: true, fen, approximate: true });
  });

  it("a hedge alone is empty", () => {
    expect(parseAmount("左右")).toEqual({ ok: false, error: "empty" });
  });
});

describe("parseAmount reads amounts pasted or written loosely", () => {
  it.each([
    ["元人民币 after 万", "30万元人民币", 300_000 * YUAN],
    ["人民币 after digits", "300000人民币", 300_000 * YUAN],
    ["a decimal times 千 before 万", "1.5千万", 15_000_000 * YUAN],
    ["a decimal times 百 before 万", "1.5百万", 1_500_000 * YUAN],
    ["digits times 千", "12千", 12_000 * YUAN],
    ["a zero-width space inside the digits", "1,200\u200b,000", 1_200_000 * YUAN],
    ["a byte-order mark before the digits", "\ufeff300000", 300_000 * YUAN],
    ["thousands grouped by no-break spaces", "1\u00a0200\u00a0000", 1_200_000 * YUAN],
    ["thousands grouped by spaces", "1 200 000", 1_200_000 * YUAN],
    ["a tab after a pasted cell", "1,200,000\t", 1_200_000 * YUAN],
  ])("%s: %j", (_name, text, fen) => {
    expect(parseAmount(text)).toMatchObject({ ok: true, fen });
  });

  it.each(["1200 50", "12 000 5", "1.5千5", "1.5千万5"])("still refuses %j", (text) => {
    expect(parseAmount(text).ok).toBe(false);
  });
});

describe("parseAmount tells digits from words", () => {
  it.each(["0", "1200000", "1,200,000", "RMB 1,200,000", "¥300,000.50", "300000元", "1 200 000"])("%j is written in digits", (text) => {
    expect(parseAmount(text)).toMatchObject({ ok: true, notation: "digits" });
  });

  it.each(["30万", "1.2亿", "1.5千万", "三十万", "叁拾万元整", "300k", "1.2m", "30w"])("%j is written with words", (text) => {
    expect(parseAmount(text)).toMatchObject({ ok: true, notation: "words" });
  });
});

describe("parseAmount rejects", () => {
  it.each([
    ["nothing as empty", "", "empty"],
    ["only spaces as empty", "   ", "empty"],
    ["only a full-width space as empty", "　", "empty"],
    ["two decimal points as invalid", "1.2.3", "invalid"],
    ["letters as invalid", "abc", "invalid"],
    ["misplaced thousands separators as invalid", "1,20,000", "invalid"],
    ["a trailing separator as invalid", "1,200,", "invalid"],
    ["a trailing decimal point as invalid", "1.", "invalid"],
    ["a leading decimal point as invalid", ".5", "invalid"],
    ["two numbers as invalid", "1200 50", "invalid"],
    ["a currency sign alone as invalid", "¥", "invalid"],
    ["a unit alone as invalid", "万", "invalid"],
    ["元 alone as invalid", "元", "invalid"],
    ["a dollar amount as invalid", "$500", "invalid"],
    ["万 twice as invalid", "3万万", "invalid"],
    ["亿 twice as invalid", "1亿2万亿", "invalid"],
    ["a remainder bigger than its unit as invalid", "3万12000", "invalid"],
    ["a trailing 零 as invalid", "三万零", "invalid"],
    ["digits read one by one as invalid", "二零二五", "invalid"],
    ["units out of order as invalid", "五十百", "invalid"],
    ["a decimal followed by more as invalid", "1.2亿3000万", "invalid"],
    ["a multiplier before the number as invalid", "k300", "invalid"],
    ["Chinese numerals with an English multiplier as invalid", "三k", "invalid"],
    ["a minus sign alone as invalid", "-", "invalid"],
    ["an English multiplier with a Chinese unit as ambiguous", "1k万", "ambiguous"],
    ["w with 万 as ambiguous", "30w万", "ambiguous"],
    ["two English multipliers as ambiguous", "1k m", "ambiguous"],
    ["a minus sign as negative", "-5", "negative"],
    ["a full-width minus as negative", "－5", "negative"],
    ["负 as negative", "负五万", "negative"],
    ["a minus after the currency as negative", "¥-5", "negative"],
    ["a minus before the currency as negative", "-¥5", "negative"],
    ["a negative amount with too many decimals as negative", "-1.234", "negative"],
    ["minus zero as negative", "-0", "negative"],
    ["three decimals of a yuan as too_many_decimals", "1.234", "too_many_decimals"],
    ["eight decimals of 万 as too_many_decimals", "1.23456789万", "too_many_decimals"],
    ["a Chinese fraction below a fen as too_many_decimals", "零点零零一", "too_many_decimals"],
    ["a fraction too long to store as too_many_decimals", "0.00000000000000000001", "too_many_decimals"],
    ["one fen over 10^12 yuan as too_large", "1000000000000.01", "too_large"],
    ["10^13 yuan as too_large", "10万亿", "too_large"],
    ["a huge digit string as too_large", "9".repeat(400), "too_large"],
  ])("%s: %s", (_name, text, error) => {
    expect(parseAmount(text)).toEqual({ ok: false, error });
  });
});

describe("parseCount", () => {
  it.each([
    ["a digit", "3", 3],
    ["a full-width digit", "３", 3],
    ["a Chinese digit", "三", 3],
    ["Chinese tens", "十二", 12],
    ["两 with a measure word", "两个", 2],
    ["a digit with 个", "3个", 3],
    ["a digit with 家 and a space", "5 家", 5],
    ["an English word", "three", 3],
    ["an English word in capitals", "Twelve", 12],
    ["zero", "0", 0],
    ["the largest count", "1000", 1000],
    ["the largest count in Chinese", "一千", 1000],
    ["the largest count with a separator", "1,000", 1000],
    ["a decimal that is whole", "3.0", 3],
  ])("accepts %s: %s", (_name, text, count) => {
    expect(parseCount(text)).toEqual({ ok: true, count });
  });

  it.each([
    ["nothing as empty", "", "empty"],
    ["spaces as empty", "  ", "empty"],
    ["letters as invalid", "many", "invalid"],
    ["an English noun as invalid", "3 projects", "invalid"],
    ["an English multiplier as invalid", "3k", "invalid"],
    ["a lone measure word as invalid", "个", "invalid"],
    ["a minus sign as negative", "-3", "negative"],
    ["负 as negative", "负三", "negative"],
    ["a decimal as fractional", "1.5", "fractional"],
    ["a Chinese decimal as fractional", "一点五", "fractional"],
    ["a fraction too long to store as fractional", "0.00000000000000000001", "fractional"],
    ["1001 as too_large", "1001", "too_large"],
    ["a Chinese amount over 1000 as too_large", "一千零一", "too_large"],
  ])("rejects %s: %s", (_name, text, error) => {
    expect(parseCount(text)).toEqual({ ok: false, error });
  });
});

describe("parseAmount properties", () => {
  // Skewed towards round amounts so the 万 and 亿 forms are exercised as often as odd fen.
  const fen = fc.oneof(
    fc.integer({ min: 0, max: 1e14 }),
    fc.integer({ min: 0, max: 1e12 }).map((yuan) => yuan * YUAN),
    fc.integer({ min: 0, max: 1e8 }).map((wan) => wan * WAN),
    fc.integer({ min: 0, max: 1e6 }),
  );

  it("reads back every English formatted amount", () => {
    fc.assert(
      fc.property(fen, (f) => {
        expect(parseAmount(formatYuan(f, "en"))).toEqual({ ok: true, fen: f, notation: "digits", approximate: false });
      }),
    );
  });

  it("reads back every Chinese formatted amount", () => {
    fc.assert(
      fc.property(fen, (f) => {
        expect(parseAmount(formatYuan(f, "zh"))).toMatchObject({ ok: true, fen: f });
      }),
    );
  });

  it("reads back every plain formatted amount", () => {
    fc.assert(
      fc.property(fen, (f) => {
        expect(parseAmount(formatYuanPlain(f))).toMatchObject({ ok: true, fen: f });
      }),
    );
  });

  it("reads full-width forms the same as half-width ones", () => {
    const toFullWidth = (text: string): string =>
      text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
    fc.assert(
      fc.property(fen, (f) => {
        expect(parseAmount(toFullWidth(formatYuan(f, "en")))).toMatchObject({ ok: true, fen: f });
        expect(parseAmount(toFullWidth(formatYuan(f, "zh")))).toMatchObject({ ok: true, fen: f });
      }),
    );
  });

  it("reads any whole number of 万 written with 万", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e8 }), (wan) => {
        expect(parseAmount(`${wan}万`)).toMatchObject({ ok: true, fen: wan * WAN });
      }),
    );
  });

  it("never throws, whatever the text", () => {
    const chars = fc.constantFrom(..."0123456789.,-¥元万亿千百十零一二两三五点kmw 负".split(""));
    const text = fc.oneof(fc.string(), fc.string({ unit: chars }));
    fc.assert(
      fc.property(text, (t) => {
        const amount = parseAmount(t);
        const count = parseCount(t);
        expect(typeof amount.ok).toBe("boolean");
        expect(typeof count.ok).toBe("boolean");
      }),
      { numRuns: 2000 },
    );
  });

  it("returns whole fen within range whenever it succeeds", () => {
    const chars = fc.constantFrom(..."0123456789.,万亿千百十零一二三点".split(""));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 12 }), (t) => {
        const result = parseAmount(t);
        if (result.ok) {
          expect(Number.isSafeInteger(result.fen)).toBe(true);
          expect(result.fen).toBeGreaterThanOrEqual(0);
          expect(result.fen).toBeLessThanOrEqual(1e14);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseAmount refuses what only looks like an amount", () => {
  it.each([
    ["a currency sign written twice", "¥¥300"],
    ["a full-width currency sign alone", "￥"],
    ["a date written with a slash", "2025/3"],
    ["a fraction written with a slash", "3/5"],
    ["a number with two decimal points, the second Chinese", "1.5点5"],
    ["a Chinese decimal point with no digit after it", "五点"],
    ["an English multiplier followed by more digits", "1k2"],
    ["a unit without its digit after another unit", "三千百"],
  ])("%s: %s", (_name, text) => {
    expect(parseAmount(text).ok).toBe(false);
  });

  it("calls an English multiplier next to 十, 百 or 千 ambiguous, as next to 万", () => {
    expect(parseAmount("3k十")).toEqual({ ok: false, error: "ambiguous" });
    expect(parseAmount("2m百")).toEqual({ ok: false, error: "ambiguous" });
  });

  it("says a currency sign alone is not an amount rather than that nothing was typed", () => {
    expect(parseAmount("￥")).toEqual({ ok: false, error: "invalid" });
  });

  it("reports the sign of a negative amount even when its fraction is too long to store", () => {
    expect(parseAmount("-0.00000000000000000001")).toEqual({ ok: false, error: "negative" });
  });

  it("reports a fraction too long to store as such, however large the amount", () => {
    expect(parseAmount("100000000.00000000000000000001")).toEqual({ ok: false, error: "too_many_decimals" });
  });
});

describe("parseAmount reads more ways of writing an amount", () => {
  it("ignores trailing zeros of a fraction, however many", () => {
    expect(parseAmount("1.000000000000000000")).toEqual({ ok: true, fen: 100, notation: "digits", approximate: false });
  });

  it("never misreads a Chinese decimal with a long run of trailing zeros", () => {
    for (let zeros = 12; zeros <= 20; zeros++) {
      const parsed = parseAmount(`一点五${"零".repeat(zeros)}`);
      if (parsed.ok) expect(parsed.fen, `${zeros} zeros`).toBe(150);
    }
  });

  it("reads digits times 千 before 万 followed by the rest of the amount", () => {
    expect(parseAmount("3千万5千")).toEqual({ ok: true, fen: 30_005_000 * YUAN, notation: "words", approximate: false });
  });
});

describe("parseCount reads", () => {
  it("zero written as a word", () => {
    expect(parseCount("zero")).toEqual({ ok: true, count: 0 });
    expect(parseCount("Zero")).toEqual({ ok: true, count: 0 });
  });
});
