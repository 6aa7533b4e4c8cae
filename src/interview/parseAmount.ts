/**
 * Exact parsing of amounts in yuan (to integer fen) and of small counts, as applicants type
 * them in Chinese or English. No floating point anywhere: values are fixed-point BigInts.
 *
 * Accepted grammar for amounts, after full-width characters become ASCII, letters become lower
 * case, and surrounding space is trimmed (space between the parts below is ignored):
 *
 *   reply     = [hedge] amount [hedge-after]      a hedge marks the amount `approximate`
 *   hedge     = "约" | "大约" | "大概" | "约莫" | "差不多" | "将近" | "接近" | "估计" | "预计"
 *             | "about" | "around" | "approx." | "approximately" | "roughly" | "circa" | "~" | "≈"
 *   hedge-after = "左右" | "上下" | "前后" | "or so"
 *   amount    = [currency] [sign] [currency] number [suffix]
 *   currency  = "¥" | "￥" | "rmb" | "cny" | "人民币"
 *   sign      = "-" | "−" | "负"                      always rejected as `negative`
 *   suffix    = "元" | "圆" | "块" | "块钱" | "元整" | "圆整" | "元人民币" | "人民币" | "yuan" | "rmb" | "cny"
 *   number    = arabic [multiplier] | chinese
 *   arabic    = digits ["." digits], with optional "," thousands separators in groups of
 *               exactly three (1,200,000; 1,20,000 is invalid); groups of three separated by
 *               a space or a no-break space, as spreadsheets paste them, read the same
 *               (1 200 000); zero-width characters are ignored anywhere
 *   multiplier= "k" | "thousand" | "m" | "mn" | "million" | "b" | "bn" | "billion"
 *             | "w"                                    万, as typed in chats ("30w")
 *   chinese   = [coefficient "亿"] [remainder]  (one 亿 at most; then the same with 万 below it)
 *     - a coefficient of 亿 may itself contain 万 (1万亿 = 10^12); of 万, not (3万万 is invalid);
 *       it is an arabic number of any size (2,500万, 12,345.6789万) or Chinese numerals;
 *     - Chinese numerals below 万 are 千/百/十 sections with digits 零〇一二两三…九, formal
 *       壹贰叁肆伍陆柒捌玖拾佰仟 and traditional 萬億兩貳參陸; a leading 十/百/千 may drop its
 *       一 (十二, 百万, 千万); 零 marks a skipped unit (一百二十万零五百); a single arabic digit
 *       can stand for a Chinese one (3千5百);
 *     - a lone digit after a unit counts in the next lower unit, as spoken: 3万5 = 35,000,
 *       一亿二 = 120,000,000, 三千五 = 3,500, 二百五 = 250; anything else after a unit is taken
 *       literally and must be smaller than the unit (3万500 = 30,500; 3万12000 is invalid);
 *     - an arabic number times 十/百/千 (1.5千万 = 15,000,000; 12千 = 12,000);
 *     - a decimal (1.2万, 十二点五万, 1.5千万) is only allowed when nothing follows its unit;
 *   an English multiplier next to a Chinese unit (1k万, 30w万) is `ambiguous`.
 *
 * Results must be whole fen (1.234 is `too_many_decimals`, 1.2345万 is fine) and at most
 * 10^12 yuan (`too_large`). A result also says whether the amount was written in `digits`
 * only (with or without separators, currency and 元: the notation the echo shows, so it
 * cannot be misread) or with `words` (万, 亿, k, m, Chinese numerals), and whether it was
 * hedged. Counts use the same numerals; see parseCount.
 */

export type AmountError =
  | "empty"
  | "invalid"
  | "ambiguous"
  | "negative"
  | "too_many_decimals"
  | "too_large";
export type AmountNotation = "digits" | "words";
export type AmountParse = { ok: true; fen: number; notation: AmountNotation; approximate: boolean } | { ok: false; error: AmountError };

export type CountError = "empty" | "invalid" | "negative" | "fractional" | "too_large";
export type CountParse = { ok: true; count: number } | { ok: false; error: CountError };

// Enough decimal places that a fraction too long to store could never come out as whole fen,
// even under the largest multiplier (万亿 = 10^12): such input is too_many_decimals anyway.
const SCALE = 16;
const ONE = 10n ** BigInt(SCALE);
const ONE_FEN = 10n ** BigInt(SCALE - 2);
const MAX_AMOUNT = 10n ** 12n * ONE;
const MAX_COUNT = 1000n * ONE;

type Token =
  | { kind: "arabic"; text: string; value: bigint }
  | { kind: "digit"; value: number }
  | { kind: "unit"; exp: 1 | 2 | 3 }
  | { kind: "big"; exp: 4 | 8 }
  | { kind: "point" }
  | { kind: "english"; exp: number };
type TokenError = "invalid" | "too_many_decimals";
type Value = { ok: true; value: bigint } | { ok: false; error: AmountError };

const CHINESE_DIGITS = new Map(
  Object.entries({
    零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 兩: 2, 贰: 2, 貳: 2, 三: 3, 叁: 3, 參: 3, 叄: 3,
    四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
  }),
);
const CHINESE_UNITS = new Map<string, 1 | 2 | 3 | 4 | 8>(
  Object.entries({ 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3, 万: 4, 萬: 4, 亿: 8, 億: 8 }),
);
const ENGLISH_MULTIPLIERS = new Map(
  Object.entries({ k: 3, thousand: 3, w: 4, m: 6, mn: 6, million: 6, b: 9, bn: 9, billion: 9 }),
);
const ENGLISH_COUNTS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
  "nine", "ten", "eleven", "twelve"];

const CURRENCY_PREFIX = /^(?:¥|rmb|cny|人民币)\s*/;
const CURRENCY_SUFFIX = /\s*(?:元整|圆整|元人民币|人民币|元|圆|块钱|块|yuan|rmb|cny)$/;
const HEDGE_BEFORE = /^(?:大约|大概|约莫|差不多|将近|接近|估计|预计|约|about|around|approximately|approx\.?|roughly|circa|~|≈)\s*/;
const HEDGE_AFTER = /\s*(?:左右|上下|前后|or so)$/;
const DIGITS_ONLY = /^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$/;
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/** Thousands grouped by spaces (1 200 000), not preceded by more digits: two numbers stay two. */
const SPACE_GROUPED = /(?<![0-9.,])[0-9]{1,3}(?:[ \u00a0\u202f\u2009][0-9]{3})+(?![0-9])/g;
const SIGN = /^(?:-|−|负)\s*/;
const MEASURE_WORD = /\s*(?:个|家|项|名|人|位|件|次|台|套|份|款)$/;
const ARABIC_NUMBER = /[0-9][0-9,]*(?:\.[0-9]+)?/y;
const THOUSANDS_GROUPED = /^[1-9][0-9]{0,2}(?:,[0-9]{3})+$/;
const WORD = /[a-z]+/y;

export function parseAmount(text: string): AmountParse {
  const hedged = normalize(text);
  const input = hedged.replace(HEDGE_BEFORE, "").replace(HEDGE_AFTER, "");
  if (input === "") return { ok: false, error: "empty" };
  let rest = input.replace(CURRENCY_PREFIX, "");
  const negative = SIGN.test(rest);
  if (negative) rest = rest.replace(SIGN, "").replace(CURRENCY_PREFIX, "");
  const body = rest.replace(CURRENCY_SUFFIX, "");
  const parsed = evaluateAmount(body);
  if (negative) {
    // Report the sign whenever the rest reads as a number, so the user fixes the real problem.
    const numeric = parsed.ok || parsed.error === "too_many_decimals";
    return { ok: false, error: numeric ? "negative" : parsed.error };
  }
  if (!parsed.ok) return parsed;
  if (parsed.value > MAX_AMOUNT) return { ok: false, error: "too_large" };
  if (parsed.value % ONE_FEN !== 0n) return { ok: false, error: "too_many_decimals" };
  const notation = DIGITS_ONLY.test(body.trim()) ? "digits" : "words";
  return { ok: true, fen: Number(parsed.value / ONE_FEN), notation, approximate: input !== hedged };
}

/**
 * A whole number 0..1000 (`3`, `３`, `三`, `十二`, `3个`, `three`); `3.0` is 3. English words
 * go up to twelve only, and English nouns ("3 projects") are not accepted: the interview asks
 * for a number and the measure words cover what Chinese speakers add out of habit.
 */
export function parseCount(text: string): CountParse {
  const input = normalize(text);
  if (input === "") return { ok: false, error: "empty" };
  const negative = SIGN.test(input);
  const value = countValue(input.replace(SIGN, "").replace(MEASURE_WORD, ""));
  if (value === "invalid") return { ok: false, error: "invalid" };
  if (negative) return { ok: false, error: "negative" };
  if (value === "fractional" || value % ONE !== 0n) return { ok: false, error: "fractional" };
  if (value > MAX_COUNT) return { ok: false, error: "too_large" };
  return { ok: true, count: Number(value / ONE) };
}

function countValue(body: string): bigint | "invalid" | "fractional" {
  const english = ENGLISH_COUNTS.indexOf(body);
  if (english >= 0) return BigInt(english) * ONE;
  const tokens = tokenize(body);
  if (tokens === "too_many_decimals") return "fractional";
  if (typeof tokens === "string" || tokens.some((t) => t.kind === "english")) return "invalid";
  return parseLevel(tokens, 8, true) ?? "invalid";
}

function normalize(text: string): string {
  return text
    .replace(ZERO_WIDTH, "")
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\uffe5/g, "¥")
    .replace(SPACE_GROUPED, (grouped) => grouped.replace(/[^0-9]/g, ""))
    .trim()
    .toLowerCase();
}

function evaluateAmount(body: string): Value {
  const tokens = tokenize(body);
  if (typeof tokens === "string") return { ok: false, error: tokens };
  const english = tokens.filter((t) => t.kind === "english");
  if (english.length === 0) return orInvalid(parseLevel(tokens, 8, true));
  if (english.length > 1 || tokens.some((t) => t.kind === "unit" || t.kind === "big")) {
    return { ok: false, error: "ambiguous" };
  }
  const [number, multiplier] = tokens;
  if (tokens.length !== 2 || number?.kind !== "arabic" || multiplier?.kind !== "english") {
    return { ok: false, error: "invalid" };
  }
  return { ok: true, value: number.value * pow10(multiplier.exp) };
}

function orInvalid(value: bigint | null): Value {
  return value === null ? { ok: false, error: "invalid" } : { ok: true, value };
}

function tokenize(body: string): Token[] | TokenError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    if (/\s/.test(body.charAt(i))) {
      i += 1;
      continue;
    }
    const { length, token } = readToken(body, i);
    if (typeof token === "string") return token;
    tokens.push(token);
    i += length;
    // A separator left over after a number is misplaced: 1.2.3, 1,200., 1.5,
    if (token.kind === "arabic" && /[.,]/.test(body.charAt(i))) return "invalid";
  }
  return tokens;
}

function readToken(body: string, at: number): { length: number; token: Token | TokenError } {
  ARABIC_NUMBER.lastIndex = at;
  const arabic = ARABIC_NUMBER.exec(body);
  if (arabic) return { length: arabic[0].length, token: arabicToken(arabic[0]) };
  WORD.lastIndex = at;
  const word = WORD.exec(body);
  if (word) return { length: word[0].length, token: englishToken(word[0]) };
  return { length: 1, token: chineseToken(body.charAt(at)) };
}

function arabicToken(text: string): Token | TokenError {
  const [whole = "", fraction = ""] = text.split(".");
  if (whole.includes(",") && !THOUSANDS_GROUPED.test(whole)) return "invalid";
  const significant = fraction.replace(/0+$/, "");
  if (significant.length > SCALE) return "too_many_decimals";
  return { kind: "arabic", text, value: fixedPoint(whole.replaceAll(",", ""), significant) };
}

function englishToken(word: string): Token | "invalid" {
  const exp = ENGLISH_MULTIPLIERS.get(word);
  return exp === undefined ? "invalid" : { kind: "english", exp };
}

function chineseToken(ch: string): Token | "invalid" {
  const digit = CHINESE_DIGITS.get(ch);
  if (digit !== undefined) return { kind: "digit", value: digit };
  const exp = CHINESE_UNITS.get(ch);
  if (exp === 4 || exp === 8) return { kind: "big", exp };
  if (exp !== undefined) return { kind: "unit", exp };
  return ch === "点" ? { kind: "point" } : "invalid";
}

/** Splits on 亿 (exp 8), then 万 (exp 4), into coefficient × unit + remainder. */
function parseLevel(tokens: Token[], exp: 0 | 4 | 8, allowFraction: boolean): bigint | null {
  if (exp === 0) return parseSection(tokens, allowFraction);
  const lower = exp === 8 ? 4 : 0;
  const isThisUnit = (t: Token): boolean => t.kind === "big" && t.exp === exp;
  const at = tokens.findIndex(isThisUnit);
  if (at < 0) return parseLevel(tokens, lower, allowFraction);
  const tail = tokens.slice(at + 1);
  if (tail.some(isThisUnit)) return null;
  const coefficient = parseLevel(tokens.slice(0, at), lower, allowFraction && tail.length === 0);
  const remainder = parseRemainder(tail, exp, allowFraction);
  if (coefficient === null || remainder === null) return null;
  return coefficient * pow10(exp) + remainder;
}

function parseRemainder(tail: Token[], exp: 4 | 8, allowFraction: boolean): bigint | null {
  if (tail.length === 0) return 0n;
  const lone = tail.length === 1 ? digitOf(tail[0]) : undefined;
  if (lone !== undefined && lone > 0) return BigInt(lone) * pow10(exp - 1) * ONE;
  const afterZero = tail[0]?.kind === "digit" && tail[0].value === 0 ? tail.slice(1) : tail;
  if (afterZero.length === 0) return null;
  const value = parseLevel(afterZero, exp === 8 ? 4 : 0, allowFraction);
  return value !== null && value < pow10(exp) * ONE ? value : null;
}

/** Below 万: one arabic number, or Chinese numerals with an optional 点 fraction. */
function parseSection(tokens: Token[], allowFraction: boolean): bigint | null {
  const point = tokens.findIndex((t) => t.kind === "point");
  if (point >= 0) {
    return allowFraction ? parseChineseDecimal(tokens.slice(0, point), tokens.slice(point + 1)) : null;
  }
  const only = tokens.length === 1 ? tokens[0] : undefined;
  if (only?.kind === "arabic") return allowFraction || only.value % ONE === 0n ? only.value : null;
  const [number, unit] = tokens;
  if (tokens.length === 2 && number?.kind === "arabic" && unit?.kind === "unit") {
    return allowFraction || number.value % ONE === 0n ? number.value * pow10(unit.exp) : null;
  }
  if (only?.kind === "digit") return BigInt(only.value) * ONE;
  return parseThousands(tokens);
}

function parseChineseDecimal(whole: Token[], fraction: Token[]): bigint | null {
  const integer = parseSection(whole, false);
  let digits = "";
  for (const token of fraction) {
    const digit = digitOf(token);
    if (digit === undefined) return null;
    digits += String(digit);
  }
  if (integer === null || digits === "" || digits.length > SCALE) return null;
  return integer + fixedPoint("0", digits);
}

/** 千百十 with 零 fillers: 两千零五十, 3千5百, 十二, 三千五. */
function parseThousands(tokens: Token[]): bigint | null {
  let total = 0;
  let lastExp = 4;
  let pending: number | undefined;
  let zero = false;
  for (const token of tokens) {
    if (token.kind === "unit") {
      // Only a leading 十/百/千, or 十 after 零 (一千零十), may leave out its 一.
      const implicitOne = total === 0 || (zero && token.exp === 1) ? 1 : undefined;
      const coefficient = pending ?? implicitOne;
      if (token.exp >= lastExp || coefficient === undefined || coefficient === 0) return null;
      total += coefficient * 10 ** token.exp;
      lastExp = token.exp;
      pending = undefined;
      zero = false;
      continue;
    }
    const digit = digitOf(token);
    if (digit === undefined || pending !== undefined) return null;
    if (digit === 0) zero = true;
    else pending = digit;
  }
  if (pending !== undefined) total += !zero && lastExp < 4 ? pending * 10 ** (lastExp - 1) : pending;
  else if (zero || tokens.length === 0) return null;
  return BigInt(total) * ONE;
}

function digitOf(token: Token | undefined): number | undefined {
  if (token?.kind === "digit") return token.value;
  if (token?.kind === "arabic" && /^[0-9]$/.test(token.text)) return Number(token.text);
  return undefined;
}

function fixedPoint(whole: string, fraction: string): bigint {
  return BigInt(whole + fraction.padEnd(SCALE, "0"));
}

function pow10(exp: number): bigint {
  return 10n ** BigInt(exp);
}
