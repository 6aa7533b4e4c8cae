/**
 * Finds the numerals in an LLM reply, so a reply that writes any number of its own (an amount,
 * a rate, a deadline, a count, an Article) can be thrown away and the template used instead.
 * The caller swaps allowed placeholders such as {{amount:6}} out before calling.
 *
 * Trade-off: rejecting a fine reply costs only its wording, while a number let through may tell
 * an applicant a wrong amount. So anything that reads as a quantity is flagged, even everyday
 * ones like 一个, 一年, 一次, 第一, 两者 and "Article 6". The only exceptions are words whose
 * numeral character carries no quantity (一些, 一起, 统一, 进一步, 千万 as "be sure to", 十分 as
 * "very", 零售, ...), listed below, and they excuse a numeral run only when the run lies wholly
 * inside the word: 十一起 still yields 十一, 三千万不 still yields 三千万.
 * In English, cardinals from "two" up are flagged; "one" is not, because as a pronoun
 * ("one of the conditions") it is far more common than as a number, and "a/one project" is not
 * an amount. 半 is not flagged.
 */

const DIGITS = "0-9０-９";
const CHINESE = "〇零一二三四五六七八九十百千万亿两廿卅壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟萬億兩";
const NUMERAL = `[${DIGITS}${CHINESE}]`;
// A run of numeral characters, joined by decimal points or thousands separators (1,200.50, 十二点五),
// with an optional percent form around it (30%, ３０％, 百分之三十).
const NUMERAL_RUN = new RegExp(`(?:百分之)?${NUMERAL}(?:[.,，．点]?${NUMERAL})*[%％]?`, "gu");
// 零 on its own is a word (零售, 零部件, 零碳), not a number.
const ZERO_ONLY = /^[零〇]+$/u;

const EVERYDAY_WORDS = [
  "一些", "一起", "一般", "一定", "一次性", "一旦", "一直", "一样", "一切", "一致", "一下",
  "一律", "一并", "一同", "一向", "一贯", "一方面", "一边", "一面", "一时", "一经", "一再",
  "一味", "一概", "一览", "一体", "一站式", "一揽子", "一网通办", "一带一路", "一点(?!钟)",
  "统一", "唯一", "同一", "进一步", "逐一", "单一", "专一", "划一", "合一", "另一", "每一",
  "任一", "(?<!分)之一", "一一",
  "万一", "万分(?!之)", "万物", "万事", "万能", "万众", "千万(?=[不别要莫勿记注小务请])",
  "十分(?![钟之])", "十足", "十字", "十全十美", "千方百计",
  "百姓", "百货", "百度", "百科", "二维码", "第三方",
];
// Zero-width lookahead so that overlapping words (统一 inside 统一些) are all found.
const EVERYDAY = new RegExp(`(?=(${EVERYDAY_WORDS.join("|")}))`, "gu");

const ENGLISH_NUMBER = new RegExp(
  "\\b(?:zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|" +
    "(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|" +
    "hundreds?|thousands?|millions?|billions?|trillions?|dozens?|percent)\\b",
  "gi",
);

type Span = { start: number; end: number };
type Found = { start: number; text: string };

export function findNumerals(text: string): string[] {
  const everyday = everydaySpans(text);
  const found: Found[] = [];
  for (const match of text.matchAll(NUMERAL_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    const excused = everyday.some((span) => span.start <= start && end <= span.end);
    if (!excused && !ZERO_ONLY.test(match[0])) found.push({ start, text: match[0] });
  }
  for (const match of text.matchAll(ENGLISH_NUMBER)) {
    found.push({ start: match.index, text: match[0] });
  }
  return found.sort((a, b) => a.start - b.start).map((f) => f.text);
}

function everydaySpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(EVERYDAY)) {
    spans.push({ start: match.index, end: match.index + (match[1] ?? "").length });
  }
  return spans;
}
