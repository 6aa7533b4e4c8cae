/**
 * Exact money arithmetic. Amounts are integer fen (1 yuan = 100 fen) held in JS numbers:
 * the format caps inputs at 1e12 yuan = 1e14 fen, well inside the 2^53 exact range.
 */

export const FEN_PER_YUAN = 100;
/** Largest amount the screening format accepts, in yuan. */
export const MAX_YUAN = 1e12;
export const MAX_FEN = MAX_YUAN * FEN_PER_YUAN;
const BASIS_POINTS = 10_000;

/** True when `yuan` is written with at most two decimals (so it is a whole number of fen). */
export function hasWholeFen(yuan: number): boolean {
  if (Number.isInteger(yuan)) return true;
  // Within the format's range, an amount of whole fen is the number nearest to some integer ÷ 100
  // and no other number is: checked without writing it out, which costs far more (a batch checks
  // every amount of every line).
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a shortcut; the digits below give the same answer in range
  if (Math.abs(yuan) <= MAX_YUAN) return Math.round(yuan * FEN_PER_YUAN) / FEN_PER_YUAN === yuan;
  // Beyond it, where the two can disagree, by the digits JavaScript writes after the point (none
  // for NaN or an infinity, which are not amounts).
  const text = String(yuan);
  const dot = text.indexOf(".");
  // Stryker disable next-line ConditionalExpression: "NaN" and "Infinity" would fail the count below as well
  if (dot === -1) return false;
  return text.length - dot - 1 <= 2;
}

/** Converts a validated yuan amount (at most two decimals) to fen exactly. */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * FEN_PER_YUAN);
}

export function fenToYuan(fen: number): number {
  return fen / FEN_PER_YUAN;
}

/** A rate as a whole number of basis points, so 30% is 3,000 and 12.5% is 1,250. */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/**
 * `fen × rate`, rounded down to the fen, without leaving exact integer range:
 * the product is split as (q·10000 + r) × bp / 10000 = q·bp + ⌊r·bp / 10000⌋.
 */
export function applyRate(fen: number, basisPoints: number): number {
  const q = Math.floor(fen / BASIS_POINTS);
  const r = fen - q * BASIS_POINTS;
  return q * basisPoints + Math.floor((r * basisPoints) / BASIS_POINTS);
}
