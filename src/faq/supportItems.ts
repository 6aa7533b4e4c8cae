import { join } from "node:path";
import { z } from "zod";
import { ITEM_IDS, type ItemId } from "../engine/screening.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { projectRoot } from "../paths.js";
import { readRulesFile, RulesFileError } from "../rules/readRulesFile.js";
import type { ArticleRulesOn } from "../rules/datedParameters.js";
import type { ParameterValue } from "../rules/schema.js";
import { yuanToFen } from "../engine/money.js";
import type { InputIssue } from "../validation/issues.js";

export const DEFAULT_AMOUNTS_FILE = join(projectRoot, "rules", "faq-amounts.json");
const AMOUNTS_LABEL = "rules/faq-amounts.json";

const template = z.string().trim().refine((text) => text.includes("{value}"), "must contain {value}, where the parameter's value goes");

export const amountsFileSchema = z.strictObject({
  note: z.string(),
  items: z.array(
    z.strictObject({
      item: z.enum(ITEM_IDS),
      lines: z
        .array(z.strictObject({ param: z.string().min(1), key: z.string().min(1).optional(), en: template, zh: template }))
        .min(1, "an item needs at least one line"),
    }),
  ),
});
export type AmountsFile = z.infer<typeof amountsFileSchema>;

/** A parameter's value as the FAQ states it. */
export type StatedValue = { kind: "money"; fen: number } | { kind: "percent"; percent: number } | { kind: "years"; years: number };

/** One maximum of an item: a parameter's value with the words that say what it is for. */
export interface AmountLine {
  param: string;
  key?: string;
  value: StatedValue;
  /** With {value} where the value goes; says whom or what the value is for. */
  text: Record<Lang, string>;
}

/** An Article's support item as the FAQ presents it: title, maxima, documents. */
export interface SupportItem {
  id: ItemId;
  article: string;
  title: Record<Lang, string>;
  amounts: readonly AmountLine[];
  /** Typical documents to prepare; the annual guideline's list prevails. */
  documents: Record<Lang, readonly string[]>;
}

export function loadAmountsFile(path: string = DEFAULT_AMOUNTS_FILE): AmountsFile {
  return readRulesFile(path, amountsFileSchema);
}

/**
 * Joins the item files (titles, parameters, documents) with the FAQ's wording of each amount.
 * Every parameter of the item files must be stated by some line and every line must name an
 * existing parameter, so next year's guideline cannot add or rename an amount the FAQ misses.
 */
export function buildSupportItems(articles: readonly ArticleRulesOn[], amounts: AmountsFile): Map<string, SupportItem[]> {
  const issues: InputIssue[] = [];
  const byArticle = new Map<string, SupportItem[]>();
  const stated = new Set<string>();
  amounts.items.forEach((entry, i) => {
    const article = articles.find((a) => a.items.some((item) => item.id === entry.item));
    if (!article) {
      issues.push({ path: `items[${i}].item`, message: `no file in rules/items defines item ${entry.item}` });
      return;
    }
    const text = article.items.find((item) => item.id === entry.item)!;
    const lines: AmountLine[] = [];
    entry.lines.forEach((line, j) => {
      const value = statedValue(article.parameters[line.param], line.key);
      if (typeof value === "string") {
        issues.push({ path: `items[${i}].lines[${j}]`, message: `${line.param}${line.key ? `.${line.key}` : ""} ${value} in rules/items for Article ${article.article}` });
        return;
      }
      stated.add(`${article.article}:${line.param}:${line.key ?? ""}`);
      lines.push({ param: line.param, ...(line.key ? { key: line.key } : {}), value, text: { en: line.en, zh: line.zh } });
    });
    const list = byArticle.get(article.article) ?? [];
    list.push({ id: text.id, article: article.article, title: text.title, amounts: lines, documents: text.documents });
    byArticle.set(article.article, list);
  });
  for (const article of articles) {
    for (const [name, parameter] of Object.entries(article.parameters)) {
      const keys = "yuanByKey" in parameter ? Object.keys(parameter.yuanByKey) : [""];
      for (const key of keys) {
        if (!stated.has(`${article.article}:${name}:${key}`)) {
          issues.push({ path: "items", message: `no line states parameter ${name}${key ? `.${key}` : ""} of Article ${article.article}` });
        }
      }
    }
  }
  if (issues.length > 0) throw new RulesFileError(AMOUNTS_LABEL, issues);
  for (const list of byArticle.values()) list.sort((a, b) => ITEM_IDS.indexOf(a.id) - ITEM_IDS.indexOf(b.id));
  return byArticle;
}

/** The parameter's value, or what is wrong with the reference to it. */
function statedValue(parameter: ParameterValue | undefined, key: string | undefined): StatedValue | string {
  if (!parameter) return "is not a parameter";
  if ("yuanByKey" in parameter) {
    if (key === undefined) return "is a table: the line needs a key";
    const yuan = parameter.yuanByKey[key];
    return yuan === undefined ? "is not a key of the table" : { kind: "money", fen: yuanToFen(yuan) };
  }
  if (key !== undefined) return "is not a table: the line must not have a key";
  if ("yuan" in parameter) return { kind: "money", fen: yuanToFen(parameter.yuan) };
  if ("percent" in parameter) return { kind: "percent", percent: parameter.percent };
  return { kind: "years", years: parameter.years };
}

/** The line with its value written as the reader's language writes amounts. */
export function renderAmountLine(line: AmountLine, lang: Lang): string {
  return line.text[lang].replace("{value}", formatValue(line.value, lang));
}

function formatValue(value: StatedValue, lang: Lang): string {
  if (value.kind === "money") return formatYuan(value.fen, lang);
  if (value.kind === "percent") return `${value.percent}%`;
  return String(value.years);
}

/** The documents that every item asks for (licence, form, commitment), in the order of the first item's list. */
export function commonDocuments(items: readonly SupportItem[]): Record<Lang, string[]> {
  const [first] = items;
  if (!first) return { en: [], zh: [] };
  const shared = first.documents.en.flatMap((doc, i) => (items.every((item) => item.documents.en.includes(doc)) ? [i] : []));
  return { en: shared.map((i) => first.documents.en[i]!), zh: shared.map((i) => first.documents.zh[i]!) };
}
