import { loadRules, DEFAULT_RULES_DIR } from "../rules/loadRules.js";
import type { ArticlesFile } from "../rules/articlesFile.js";

export { articleIdSchema, articleSchema, type Article, type ArticlesFile } from "../rules/articlesFile.js";

/**
 * The Articles' titles, summaries and official texts (rules/articles.json, with the official text
 * of Articles 4 to 14 from their rules/items files); a malformed file throws a RulesFileError
 * naming the file and the path in it.
 */
export function loadArticles(dir: string = DEFAULT_RULES_DIR): ArticlesFile {
  return loadRules(dir).articleTexts;
}
