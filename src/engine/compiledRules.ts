import type { ArticleRules, ItemText, PolicyRules } from "../rules/schema.js";
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

export interface CompiledRules {
  /** The policy data's version and a digest of every rules file, so any edit changes it. */
  rulesVersion: string;
  policy: PolicyRules;
  articles: readonly ArticleRules[];
  items: readonly CompiledItem[];
  byId: ReadonlyMap<ItemId, CompiledItem>;
}

