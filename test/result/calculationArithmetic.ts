import type { Calculation } from "../../src/result/calculation.js";
import type { Lang } from "../../src/i18n/lang.js";

/** Money amounts as a line writes them, in order, parsed back to fen from the text alone. */
export function amountsIn(text: string, lang: Lang): number[] {
  const pattern = lang === "en" ? /RMB ([\d,]+(?:\.\d+)?)()/g : /(\d[\d,]*(?:\.\d+)?)(万|亿)?元/g;
  return [...text.matchAll(pattern)].map((m) => toFen(m[1]!.replaceAll(",", ""), m[2] === "亿" ? 10 : m[2] === "万" ? 6 : 2));
}

/** "123.45" with `shift` decimal places to the fen (2 for yuan, 6 for 万元, 10 for 亿元), exactly. */
function toFen(digits: string, shift: number): number {
  const [whole, fraction = ""] = digits.split(".");
  if (fraction.length > shift) throw new Error(`${digits} has more decimals than a fen`);
  return Number(whole! + fraction.padEnd(shift, "0"));
}

const rate = (fen: number, percent: number) => Number((BigInt(fen) * BigInt(Math.round(percent * 100))) / 10000n);

/**
 * Redoes a line's arithmetic from the numbers printed in it (amounts, the percent, the count)
 * and returns what is wrong, or null. Which sum to do is the line's kind; every figure comes
 * from the text, so a line that prints a wrong number or the wrong sum fails.
 */
export function arithmeticProblem(calculation: Calculation, text: string, lang: Lang): string | null {
  const a = amountsIn(text, lang);
  const percent = Number(/(\d+(?:\.\d+)?)%/.exec(text)?.[1]);
  const count = Number(/(\d+) ×/.exec(text)?.[1]);
  const expect = (ok: boolean, what: string) => (ok ? null : `${what}: ${text}`);
  switch (calculation.kind) {
    case "fixed":
    case "filing":
    case "recognition":
      return expect(a.length === 1, "one amount");
    case "rate":
      return expect(a.length === 2 && rate(a[0]!, percent) === a[1], "percent × base = value");
    case "rateLess":
      return expect(a.length === 4 && a[0]! - a[1]! === a[2] && rate(a[2]!, percent) === a[3], "(contract − hardware) × percent");
    case "units":
      return expect(a.length === 2 && count * a[0]! === a[1], "count × each = total");
    case "promotion":
      return expect(a.length === 3 && Math.max(0, a[0]! - a[1]!) === a[2], "difference of levels");
    case "sum":
      return expect(a.length >= 3 && a.slice(0, -1).reduce((x, y) => x + y, 0) === a.at(-1), "parts add up");
    case "cap": {
      const [before, limit, ...rest] = a;
      const used = rest.length === 2 ? rest[0]! : 0;
      const room = Math.max(0, limit! - used);
      const capped = lang === "en" ? text.includes("capped at") : text.includes("限制");
      return expect(rest.length >= 1 && Math.min(before!, room) === rest.at(-1) && capped === before! > room, "min(amount, limit − received)");
    }
    case "cumulative":
      return expect(a.length === 4 && Math.max(0, Math.min(a[0]!, a[1]!) - a[2]!) === a[3], "min(amount, limit) − received");
    case "baseCap": {
      const received = a.length === 3 ? a[1]! : 0;
      return expect(a.length >= 2 && Math.max(0, a[0]! - received) === a.at(-1), "limit − received");
    }
    case "notCounted":
      return expect(a.length === 1 && a[0] === 0, "nothing counted");
    case "recounted":
      return expect(a.length === 2 && a[1]! > 0 && a[1]! < a[0]!, "part counted");
  }
}

/** The amount a line arrives at (the last amount it prints). */
export function lineResult(text: string, lang: Lang): number | undefined {
  return amountsIn(text, lang).at(-1);
}
