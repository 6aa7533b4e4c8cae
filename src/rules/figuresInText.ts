/**
 * The figures a quoted sentence states, so the loader can compare them with the values beside
 * them: amounts as the English text writes them (`RMB 123,456`, `RMB 1.5 million`) or as a
 * Chinese guideline does (`12.5万元`), percentages, and numbers of years in words or digits.
 */

const MONEY = /RMB\s?(\d[\d,]*(?:\.\d+)?)(\s?million)?|(\d+(?:\.\d+)?)万元/g;
const PERCENT = /(\d+(?:\.\d+)?)\s?%/g;
const MILLION = 10 ** 6;
const YUAN_PER_WAN = 10 ** 4;
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** Yuan amounts, in fen so that decimals compare exactly. */
export function moneyIn(text: string): number[] {
  return [...text.matchAll(MONEY)].map((m) => {
    const yuan = m[3] !== undefined ? Number(m[3]) * YUAN_PER_WAN : Number(m[1]!.replace(/,/g, "")) * (m[2] ? MILLION : 1);
    return Math.round(yuan * 100);
  });
}

export function percentsIn(text: string): number[] {
  return [...text.matchAll(PERCENT)].map((m) => Number(m[1]));
}

/** Whether the text states this number of years ("three consecutive years", "3 years"). */
export function statesYears(text: string, years: number): boolean {
  const words = [String(years), NUMBER_WORDS[years]].filter((w): w is string => w !== undefined);
  return words.some((word) => new RegExp(`\\b${word}\\b[^.]*\\byears?\\b`, "i").test(text));
}
