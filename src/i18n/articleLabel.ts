import type { Lang } from "./lang.js";

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** Chinese numeral for the small whole numbers used to number Articles and clauses. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 === 0 ? "" : DIGITS[n % 10]}`;
  return `${DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? "" : DIGITS[n % 10]}`;
}

/** "Article 8(2)" / "第八条第二款" for a citation such as "8.2"; "15,17" cites several Articles. */
export function articleLabel(cite: string, lang: Lang): string {
  const parts = cite.split(",");
  if (parts.length > 1) return parts.map((part) => articleLabel(part, lang)).join(lang === "en" ? ", " : "、");
  const [article, clause] = cite.split(".");
  if (lang === "en") return `Article ${article}${clause ? `(${clause})` : ""}`;
  return `第${chineseNumber(Number(article))}条${clause ? `第${chineseNumber(Number(clause))}款` : ""}`;
}
