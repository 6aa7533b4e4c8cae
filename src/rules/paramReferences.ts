import { yuanToFen } from "../engine/money.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import type { InputIssue } from "../validation/issues.js";
import type { ArticleRulesOn } from "./datedParameters.js";

const REFERENCE = /\{\{param:([^{}]*)\}\}/g;
/** A maximum written as a figure ("up to RMB 123,456", "最高12.5万元", "up to 12%"): a copy that would go stale. */
const LITERAL_MAXIMUM = /\b(?:up to|at most|maximum(?: support)? of|capped at)\s+(?:RMB\s?\d|\d+(?:\.\d+)?%)|(?:最高|上限为?|不超过)\s*\d/i;

/**
 * A text that states figures of the rules (an FAQ answer, an Article's summary) with every
 * `{{param:6.modelAnnualCap}}` (or `{{param:5.filingAmounts.generativeAi}}` for a table)
 * replaced by that parameter's value in the reader's language, so a changed figure changes every
 * text. A reference to nothing, and a maximum written as a figure instead of a reference, are
 * problems at `path`.
 */
export function fillReferences(text: string, articles: readonly ArticleRulesOn[], lang: Lang, path: string, issues: InputIssue[]): string {
  const literal = LITERAL_MAXIMUM.exec(text);
  if (literal) issues.push({ path, message: `“${literal[0]}” states a figure of the rules: write it as {{param:ARTICLE.NAME}}` });
  return text.replace(REFERENCE, (whole, reference: string) => {
    const value = resolve(reference, articles, lang);
    if (value.ok) return value.text;
    issues.push({ path, message: `${whole}: ${value.message}` });
    return whole;
  });
}

type Resolved = { ok: true; text: string } | { ok: false; message: string };

function resolve(reference: string, articles: readonly ArticleRulesOn[], lang: Lang): Resolved {
  const [article, name, key, ...rest] = reference.split(".");
  const parameter = articles.find((a) => a.article === article)?.parameters[name ?? ""];
  if (!parameter || rest.length > 0) return { ok: false, message: `no parameter ${reference} in rules/items (write ARTICLE.NAME, or ARTICLE.NAME.KEY for a table)` };
  if ("yuanByKey" in parameter) {
    const yuan = key === undefined ? undefined : parameter.yuanByKey[key];
    return yuan === undefined ? { ok: false, message: `${article}.${name} is a table: name one of its keys (${Object.keys(parameter.yuanByKey).join(", ")})` } : { ok: true, text: money(yuan, lang) };
  }
  if (key !== undefined) return { ok: false, message: `${article}.${name} is not a table: it has no key ${key}` };
  if ("yuan" in parameter) return { ok: true, text: money(parameter.yuan, lang) };
  if ("percent" in parameter) return { ok: true, text: `${parameter.percent}%` };
  return { ok: true, text: String(parameter.years) };
}

const MILLION = 10 ** 6;

/** English texts say whole millions as the official text does ("RMB 7 million"). */
function money(yuan: number, lang: Lang): string {
  if (lang === "en" && yuan >= MILLION && yuan % MILLION === 0) return `RMB ${yuan / MILLION} million`;
  return formatYuan(yuanToFen(yuan), lang);
}
