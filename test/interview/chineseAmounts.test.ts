import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import { parseAmount } from "../../src/interview/parseAmount.js";

const YUAN = 100;
// fast-check prints the seed and path of a failing run; the number of runs is fixed so `npm test` stays quick.
const RUNS = { numRuns: 300 };

const DIGITS = { plain: "零一二三四五六七八九", formal: "零壹贰叁肆伍陆柒捌玖" };
const UNITS = { plain: ["千", "百", "十", ""], formal: ["仟", "佰", "拾", ""] };
type Style = keyof typeof DIGITS;

/** One section below 万 the way official documents write it: 零 once for a run of skipped units, 十 alone only where the number starts. */
function section(n: number, numberStarts: boolean, style: Style): string {
  const digits = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  let out = "";
  let skipped = false;
  digits.forEach((d, i) => {
    if (d === 0) {
      skipped = out !== "";
      return;
    }
    if (skipped) out += DIGITS[style][0];
    skipped = false;
    const dropOne = d === 1 && i === 2 && out === "" && numberStarts;
    out += (dropOne ? "" : DIGITS[style][d]) + UNITS[style][i]!;
  });
  return out;
}

/** A whole number of yuan below 10^12 in Chinese numerals, written independently of the parser. */
function chineseNumerals(n: number, style: Style = "plain"): string {
  if (n === 0) return DIGITS[style][0]!;
  const groups = [Math.floor(n / 1e8), Math.floor(n / 1e4) % 1e4, n % 1e4];
  let out = "";
  let gap = false;
  groups.forEach((group, i) => {
    if (group === 0) {
      gap = out !== "";
      return;
    }
    if (out !== "" && (gap || group < 1000)) out += DIGITS[style][0];
    gap = false;
    out += section(group, out === "", style) + ["亿", "万", ""][i]!;
  });
  return out;
}

describe("Chinese amounts are read as written", () => {
  it.each([
    ["a bare digit after 百 below 万 is literal", "3万5百", 30_500],
    ["零 between 千 and a digit", "两千零五", 2005],
    ["零 between 万 and 百", "三万零五百", 30_500],
    ["零 and 十 without its 一", "一亿零十", 100_000_010],
    ["a whole section after 万", "一千万一千", 10_001_000],
  ])("%s: %s", (_name, text, yuan) => {
    expect(parseAmount(text)).toEqual({ ok: true, fen: yuan * YUAN, notation: "words", approximate: false });
  });

  it.each([
    ["a remainder of a whole 万 after 万", "3万10000"],
    ["十 after 百 without a digit", "三百十"],
    ["百 twice", "二百三百"],
    ["a Chinese decimal point with nothing after it", "十二点"],
    ["a decimal point with nothing before it", "点五"],
    ["千 after 万 after 千", "三千万五千千"],
  ])("refuses %s: %s", (_name, text) => {
    expect(parseAmount(text)).toEqual({ ok: false, error: "invalid" });
  });

  it("reads any whole amount written in Chinese numerals, plain or formal", () => {
    const yuan = fc.oneof(fc.integer({ min: 0, max: 1e12 - 1 }), fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 1e8 }));
    fc.assert(
      fc.property(yuan, fc.constantFrom<Style>("plain", "formal"), (n, style) => {
        expect(parseAmount(chineseNumerals(n, style)), chineseNumerals(n, style)).toEqual({ ok: true, fen: n * YUAN, notation: "words", approximate: false });
      }),
      RUNS,
    );
  });

  it("every amount accepted from Chinese characters reads back the same through the Chinese formatter", () => {
    const chars = fc.constantFrom(..."0123456789零一二两三五九十百千万亿点".split(""));
    fc.assert(
      fc.property(fc.string({ unit: chars, minLength: 1, maxLength: 8 }), (text) => {
        const read = parseAmount(text);
        if (!read.ok) return;
        expect(parseAmount(formatYuan(read.fen, "zh")), `${text} → ${formatYuan(read.fen, "zh")}`).toMatchObject({ ok: true, fen: read.fen });
      }),
      { numRuns: 1000 },
    );
  });
});
