import { createHash, type Hash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ITEM_RULES } from "../engine/items/index.js";
import { resolveParams, type ParamSpec } from "../engine/params.js";
import type { CompiledItem, CompiledRules, GuidelineValue, RulesPeriod } from "../engine/compiledRules.js";
import type { ItemRule } from "../engine/item.js";
import type { ItemId } from "../engine/screening.js";
import { projectRoot } from "../paths.js";
import { ARTICLES_LABEL, articleTextsOn, joinArticleTexts } from "./articleTexts.js";
import { articlesFileSchema } from "./articlesFile.js";
import { quoteIssues } from "./checkQuotes.js";
import { articlesOn, changeDates, valueOn, type ArticleRulesOn } from "./datedParameters.js";
import { readRulesFileWithText, RulesFileError } from "./readRulesFile.js";
import { articleRulesSchema, policySchema, type ArticleRules, type ItemText } from "./schema.js";

export type { CompiledItem, CompiledRules } from "../engine/compiledRules.js";
export { RulesFileError } from "./readRulesFile.js";

export const DEFAULT_RULES_DIR = join(projectRoot, "rules");

interface ItemFile {
  article: ArticleRules;
  label: string;
}
type ItemFileOn = Omit<ItemFile, "article"> & { article: ArticleRulesOn; text: ItemText };

/**
 * Loads and checks rules/; a malformed file, or a copy of a figure or a quote that disagrees with
 * its source, throws a RulesFileError naming the file and the path in it.
 */
export function loadRules(dir = DEFAULT_RULES_DIR): CompiledRules {
  const digest = createHash("sha256");
  const policy = readRulesFileWithText(join(dir, "policy.json"), policySchema, "rules/policy.json");
  digest.update(policy.raw);
  const texts = readRulesFileWithText(join(dir, "articles.json"), articlesFileSchema, ARTICLES_LABEL);
  digest.update(texts.raw);
  const files = readItemFiles(dir, digest);
  const start = policy.value.validity.validFrom;
  const articles = [...files.values()].map((file) => file.article);
  const periods = [start, ...changeDates(articles, start)].map((from) => compilePeriod(from, files));
  const articleTexts = joinArticleTexts(texts.value, files);
  articleTextsOn(articleTexts, articlesOn(articles, start));
  for (const { article, label } of files.values()) {
    const issues = quoteIssues(article, article.officialText, start);
    if (issues.length > 0) throw new RulesFileError(label, issues);
  }
  return {
    rulesVersion: `${policy.value.version}+${digest.digest("hex").slice(0, 8)}`,
    policy: policy.value,
    articles,
    articleTexts,
    items: periods[0]!.items,
    byId: periods[0]!.byId,
    periods,
  };
}

/** The item files by Article, in file-name order; an item defined twice is refused. */
function readItemFiles(dir: string, digest: Hash): Map<string, ItemFile> {
  const files = new Map<string, ItemFile>();
  const defined = new Set<ItemId>();
  for (const name of readdirSync(join(dir, "items")).filter((file) => file.endsWith(".json")).sort()) {
    const label = `rules/items/${name}`;
    const { value, raw } = readRulesFileWithText(join(dir, "items", name), articleRulesSchema, label);
    digest.update(raw);
    for (const text of value.items) {
      if (defined.has(text.id)) throw new RulesFileError(label, [{ path: `items.${text.id}`, message: "item defined twice" }]);
      defined.add(text.id);
    }
    files.set(value.article, { article: value, label });
  }
  return files;
}

function compilePeriod(from: string, files: ReadonlyMap<string, ItemFile>): RulesPeriod {
  const texts = new Map<ItemId, ItemFileOn>();
  for (const file of files.values()) {
    const article = articlesOn([file.article], from)[0]!;
    for (const text of article.items) texts.set(text.id, { label: file.label, article, text });
  }
  const items = ITEM_RULES.map((rule) => compileItem(rule, texts.get(rule.id)));
  return { from, items, byId: new Map(items.map((item) => [item.rule.id, item])), guidelineValues: guidelineValuesOn(from, files) };
}

function guidelineValuesOn(date: string, files: ReadonlyMap<string, ItemFile>): GuidelineValue[] {
  const values: GuidelineValue[] = [];
  for (const { article } of files.values()) {
    for (const [param, parameter] of Object.entries(article.parameters)) {
      const value = valueOn(parameter, date);
      if (value.source && value.from) values.push({ article: article.article, param, from: value.from, source: value.source, text: value.value.text });
    }
  }
  return values;
}

function compileItem(rule: ItemRule<ParamSpec>, found: ItemFileOn | undefined): CompiledItem {
  if (!found) {
    const article = rule.id.split(".")[0];
    throw new RulesFileError("rules/items", [{ path: `article ${article}`, message: `no file defines item ${rule.id}` }]);
  }
  const siblings = ITEM_RULES.filter((other) => found.article.items.some((text) => text.id === other.id));
  const own = resolveParams(rule.params, pick(found.article.parameters, rule.params), rule.tableKeys as Record<string, readonly string[]>);
  if (!own.ok) throw new RulesFileError(found.label, own.issues);
  const unread = Object.keys(found.article.parameters).filter((name) => !siblings.some((other) => name in other.params));
  if (unread.length > 0) {
    throw new RulesFileError(found.label, unread.map((name) => ({ path: `parameters.${name}`, message: "unknown parameter: no rule reads it (check its spelling)" })));
  }
  return { rule, params: own.value, text: found.text, article: found.article };
}

function pick<T>(record: Record<string, T>, spec: ParamSpec): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name in spec));
}
