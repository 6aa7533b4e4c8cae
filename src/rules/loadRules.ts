import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { ITEM_RULES } from "../engine/items/index.js";
import { resolveParams, type ParamSpec } from "../engine/params.js";
import type { CompiledItem, CompiledRules } from "../engine/compiledRules.js";
import type { ItemRule } from "../engine/item.js";
import type { ItemId } from "../engine/screening.js";
import { projectRoot } from "../paths.js";
import { readRulesFileWithText, RulesFileError } from "./readRulesFile.js";
import { articleRulesSchema, policySchema, type ArticleRules, type ItemText } from "./schema.js";

export type { CompiledItem, CompiledRules } from "../engine/compiledRules.js";
export { RulesFileError } from "./readRulesFile.js";

export const DEFAULT_RULES_DIR = join(projectRoot, "rules");

/** Loads and checks rules/; a malformed file throws a RulesFileError naming the file and the path in it. */
export function loadRules(dir = DEFAULT_RULES_DIR): CompiledRules {
  const digest = createHash("sha256");
  const policy = readRulesFileWithText(join(dir, "policy.json"), policySchema, "rules/policy.json");
  digest.update(policy.raw);
  const files = readdirSync(join(dir, "items")).filter((name) => name.endsWith(".json")).sort();
  const articles: ArticleRules[] = [];
  const texts = new Map<ItemId, { text: ItemText; article: ArticleRules; label: string }>();
  for (const name of files) {
    const label = `rules/items/${name}`;
    const { value, raw } = readRulesFileWithText(join(dir, "items", name), articleRulesSchema, label);
    digest.update(raw);
    articles.push(value);
    for (const text of value.items) {
      if (texts.has(text.id)) throw new RulesFileError(label, [{ path: `items.${text.id}`, message: "item defined twice" }]);
      texts.set(text.id, { text, article: value, label });
    }
  }
  const items = ITEM_RULES.map((rule) => compileItem(rule, texts.get(rule.id)));
  return {
    rulesVersion: `${policy.value.version}+${digest.digest("hex").slice(0, 8)}`,
    policy: policy.value,
    articles,
    items,
    byId: new Map(items.map((item) => [item.rule.id, item])),
  };
}

function compileItem(
  rule: ItemRule<ParamSpec>,
  found: { text: ItemText; article: ArticleRules; label: string } | undefined,
): CompiledItem {
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
