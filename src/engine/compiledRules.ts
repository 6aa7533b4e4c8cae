import type { ArticlesFile } from "../rules/articlesFile.js";
import type { ArticleRules, GuidelineName, ItemText, PolicyRules } from "../rules/schema.js";
import type { ItemRule } from "./item.js";
import type { ParamSpec, ParamValues } from "./params.js";
import type { ItemId } from "./screening.js";

/**
 * What the engine evaluates against: the rules data (shaped by the schemas in src/rules/schema.ts)
 * with every item's parameters resolved. src/rules/loadRules.ts reads and builds it; the engine
 * and the layers above take it as an argument and never read a file.
 */

/** An item's logic with its parameters resolved and its texts, ready for the engine. */
export interface CompiledItem {
  rule: ItemRule<ParamSpec>;
  params: ParamValues<ParamSpec>;
  text: ItemText;
  article: ArticleRules;
}

/** A value an annual guideline set (a dated parameter value with a `source`), named in the results it is used for. */
export interface GuidelineValue {
  article: string;
  param: string;
  from: string;
  /** The guideline's name and section in each language; its words (`text`) are quoted as written. */
  source: GuidelineName;
  /** The guideline's words it quotes. */
  text: string;
}

/** The items with the parameter values in force from one date until the next change. */
export interface RulesPeriod {
  from: string;
  items: readonly CompiledItem[];
  byId: ReadonlyMap<ItemId, CompiledItem>;
  guidelineValues: readonly GuidelineValue[];
}

export interface CompiledRules {
  /** The policy data's version and a digest of every rules file (dated values included), so any edit changes it. */
  rulesVersion: string;
  policy: PolicyRules;
  articles: readonly ArticleRules[];
  /**
   * Articles 1 to 19 with their official texts, each from its one source; the figures of their
   * summaries are `{{param:…}}` references (articleTextsOn in src/rules fills them for a date).
   */
  articleTexts: ArticlesFile;
  /** The items as in force on the Rules' first day (`periods[0]`). */
  items: readonly CompiledItem[];
  byId: ReadonlyMap<ItemId, CompiledItem>;
  /** Oldest first; the first starts on the Rules' first day, each later one on a date a value changes. */
  periods: readonly RulesPeriod[];
}

/** The items with the values in force on a date (a date before the Rules' start gets the first ones). */
export function rulesOn(rules: CompiledRules, date: string): RulesPeriod {
  let chosen = rules.periods[0]!;
  for (const period of rules.periods) if (period.from <= date) chosen = period;
  return chosen;
}

