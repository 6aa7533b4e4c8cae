/**
 * Amounts of money (integer fen) as people read them: `RMB 1,200,000` in English and
 * `120万元` in Chinese. Plain string arithmetic on integers, no Intl: the engine formats many
 * amounts per trace, and every result must parse back to the same fen (see parseAmount).
 *
 * Chinese rule, chosen so the text is exact and still reads the way official documents write it:
 * - under 1万元: plain yuan, `8,000元`, `8,000.50元`;
 * - 1万元 up to 1亿元, and any larger amount that is not a whole number of 万元: in 万 with as
 *   many decimals as needed (at most six, since 1万元 = 1,000,000 fen): `3.5万元`, `2,500万元`,
 *   `123.456789万元`, `12,345.6789万元`;
 * - 1亿元 and above when a whole number of 万元: in 亿 with at most four decimals, `1.2亿元`.
 *   An amount like 123,456,789.12元 would need ten decimals in 亿, which nobody reads, so it
 *   stays in 万.
 */
import type { Lang } from "./lang.js";

const FEN_PER_YUAN = 100;
/** 万 = ten thousand yuan; 亿 = ten thousand 万. */
const FEN_PER_WAN = 10_000 * FEN_PER_YUAN;
const FEN_PER_YI = 10_000 * FEN_PER_WAN;

export function formatYuan(fen: number, lang: Lang): string {
  assertFen(fen);
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return lang === "en" ? `${sign}RMB ${yuanDigits(abs, false)}` : sign + chineseAmount(abs);
}

/** Always two decimals, for engine traces where columns of amounts are compared. */
export function formatYuanPlain(fen: number): string {
  assertFen(fen);
  return (fen < 0 ? "-" : "") + yuanDigits(Math.abs(fen), true);
}

/** Echoes an amount back in both languages, so a misread unit is obvious to either reader. */
export function formatYuanBoth(fen: number): string {
  return `${formatYuan(fen, "en")} (${formatYuan(fen, "zh")})`;
}

function assertFen(fen: number): void {
  // A fractional or unsafe fen is a bug upstream, not a user error: fail loudly.
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`amount must be a safe integer number of fen, got ${fen}`);
  }
}

function yuanDigits(fen: number, alwaysCents: boolean): string {
  const cents = fen % FEN_PER_YUAN;
  const whole = groupThousands(String((fen - cents) / FEN_PER_YUAN));
  if (cents === 0 && !alwaysCents) return whole;
  return `${whole}.${cents < 10 ? "0" : ""}${cents}`;
}

function chineseAmount(fen: number): string {
  if (fen < FEN_PER_WAN) return `${yuanDigits(fen, false)}元`;
  if (fen >= FEN_PER_YI && fen % FEN_PER_WAN === 0) {
    return `${inUnit(fen / FEN_PER_WAN, FEN_PER_YI / FEN_PER_WAN, 4)}亿元`;
  }
  return `${inUnit(fen, FEN_PER_WAN, 6)}万元`;
}

/** `count` of some smallest step written in units of `stepsPerUnit` (a power of ten) steps. */
function inUnit(count: number, stepsPerUnit: number, fractionWidth: number): string {
  const remainder = count % stepsPerUnit;
  const whole = groupThousands(String((count - remainder) / stepsPerUnit));
  if (remainder === 0) return whole;
  const fraction = String(remainder).padStart(fractionWidth, "0").replace(/0+$/, "");
  return `${whole}.${fraction}`;
}

function groupThousands(digits: string): string {
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}
