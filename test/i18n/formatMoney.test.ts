import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatYuan, formatYuanBoth, formatYuanPlain } from "../../src/i18n/formatMoney.js";

const YUAN = 100;
const WAN = 10_000 * YUAN;
const YI = 10_000 * WAN;

describe("formatYuan in English", () => {
  it.each([
    ["zero is RMB 0", 0, "RMB 0"],
    ["one fen shows two decimals", 1, "RMB 0.01"],
    ["a whole amount has no decimals", 1_200_000 * YUAN, "RMB 1,200,000"],
    ["an amount with fen keeps two decimals", 1_200_000 * YUAN + 50, "RMB 1,200,000.50"],
    ["amounts under a thousand have no separator", 999 * YUAN, "RMB 999"],
    ["a thousand gets its separator", 1000 * YUAN, "RMB 1,000"],
    ["the largest amount, 10^12 yuan, is written in full", 1e14, "RMB 1,000,000,000,000"],
    ["a negative amount puts the sign first", -5 * YUAN, "-RMB 5"],
  ])("%s", (_name, fen, expected) => {
    expect(formatYuan(fen, "en")).toBe(expected);
  });
});

describe("formatYuan in Chinese", () => {
  it.each([
    ["zero is 0元", 0, "0元"],
    ["an amount under 1万 is plain yuan", 8000 * YUAN, "8,000元"],
    ["an amount under 1万 with fen keeps two decimals", 8000 * YUAN + 5, "8,000.05元"],
    ["one fen is 0.01元", 1, "0.01元"],
    ["9,999.99元 is the largest amount in plain yuan", WAN - 1, "9,999.99元"],
    ["1万元 exactly", WAN, "1万元"],
    ["3.5万元 uses one decimal", 35_000 * YUAN, "3.5万元"],
    ["30万元", 300_000 * YUAN, "30万元"],
    ["120万元", 1_200_000 * YUAN, "120万元"],
    ["2,500万元 groups the 万 count", 25_000_000 * YUAN, "2,500万元"],
    ["an amount under 1亿 with fen keeps every digit in 万", 123_456_789, "123.456789万元"],
    ["1亿元 exactly", YI, "1亿元"],
    ["1.2亿元", 120_000_000 * YUAN, "1.2亿元"],
    ["a whole number of 万 above 1亿 uses up to four decimals of 亿", 123_450_000 * YUAN, "1.2345亿元"],
    ["above 1亿 an amount that is not whole 万 stays in 万", 123_456_789 * YUAN, "12,345.6789万元"],
    ["above 1亿 an amount with fen stays in 万", 123_456_789 * YUAN + 12, "12,345.678912万元"],
    ["the largest amount is 10,000亿元", 1e14, "10,000亿元"],
    ["a negative amount puts the sign first", -300_000 * YUAN, "-30万元"],
  ])("%s", (_name, fen, expected) => {
    expect(formatYuan(fen, "zh")).toBe(expected);
  });
});

describe("formatYuanPlain", () => {
  it.each([
    ["zero has two decimals", 0, "0.00"],
    ["a whole amount still has two decimals", 1_200_000 * YUAN, "1,200,000.00"],
    ["fen under ten are zero-padded", 1_200_000 * YUAN + 5, "1,200,000.05"],
    ["a negative amount puts the sign first", -1, "-0.01"],
  ])("%s", (_name, fen, expected) => {
    expect(formatYuanPlain(fen)).toBe(expected);
  });
});

describe("formatYuanBoth", () => {
  it("shows the English amount with the Chinese one in brackets", () => {
    expect(formatYuanBoth(1_200_000 * YUAN)).toBe("RMB 1,200,000 (120万元)");
  });

  it("keeps fen in both languages", () => {
    expect(formatYuanBoth(35_000 * YUAN + 50)).toBe("RMB 35,000.50 (3.50005万元)");
  });
});

describe("formatting refuses a fen that is not a safe integer", () => {
  it.each([
    ["a fraction of a fen", 1.5],
    ["NaN", Number.NaN],
    ["infinity", Number.POSITIVE_INFINITY],
    ["an integer beyond 2^53", 2 ** 53],
  ])("%s", (_name, fen) => {
    expect(() => formatYuan(fen, "en")).toThrow(RangeError);
    expect(() => formatYuan(fen, "zh")).toThrow(RangeError);
    expect(() => formatYuanPlain(fen)).toThrow(RangeError);
  });
});

describe("formatting properties", () => {
  // Skewed towards round amounts so the 万 and 亿 forms are exercised as often as odd fen.
  const fen = fc.oneof(
    fc.integer({ min: 0, max: 1e14 }),
    fc.integer({ min: 0, max: 1e12 }).map((yuan) => yuan * YUAN),
    fc.integer({ min: 0, max: 1e8 }).map((wan) => wan * WAN),
    fc.integer({ min: 0, max: 1e6 }),
  );

  it("the Chinese form never rounds: its digits, read with the unit, give back the fen", () => {
    fc.assert(
      fc.property(fen, (amount) => {
        const text = formatYuan(amount, "zh");
        const match = /^([\d,]+)(?:\.(\d+))?(万|亿)?元$/.exec(text);
        expect(match).not.toBeNull();
        const [, whole = "", fraction = "", unit] = match ?? [];
        const unitFen = unit === "亿" ? YI : unit === "万" ? WAN : YUAN;
        const digits = BigInt(whole.replaceAll(",", "") + fraction);
        expect(digits * BigInt(unitFen)).toBe(BigInt(amount) * 10n ** BigInt(fraction.length));
      }),
    );
  });

  it("the plain form is the English form with two decimals always", () => {
    fc.assert(
      fc.property(fen, (amount) => {
        const plain = formatYuanPlain(amount);
        expect(plain).toMatch(/^\d{1,3}(,\d{3})*\.\d\d$/);
        expect(`RMB ${plain}`.startsWith(formatYuan(amount, "en"))).toBe(true);
      }),
    );
  });
});
