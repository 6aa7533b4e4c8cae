const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const MENTION = /\b(?:article|art\.?)\s*(\d{1,2})\b|第\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*条/g;
const LAST_ARTICLE = 19;

/**
 * The one Article a question names ("Article 6", "art. 6", "第六条", "第6条"), or null when it
 * names none or several (a question about two Articles is about how they combine).
 */
export function mentionedArticle(normalizedQuestion: string): string | null {
  const found = new Set<number>();
  for (const match of normalizedQuestion.matchAll(MENTION)) {
    const written = match[1] ?? match[2]!;
    const n = /^\d+$/.test(written) ? Number(written) : chineseNumeral(written);
    if (n >= 1 && n <= LAST_ARTICLE) found.add(n);
  }
  return found.size === 1 ? String([...found][0]) : null;
}

/** 六 → 6, 十二 → 12, 二十 → 20; 0 when it is not such a numeral. */
function chineseNumeral(text: string): number {
  const [tens, units] = text.includes("十") ? text.split("十") : ["", text];
  const ten = text.includes("十") ? (tens === "" ? 1 : (CHINESE_DIGITS[tens!] ?? NaN)) : 0;
  const unit = units === "" ? 0 : (CHINESE_DIGITS[units!] ?? NaN);
  const n = ten * 10 + unit;
  return Number.isNaN(n) ? 0 : n;
}
