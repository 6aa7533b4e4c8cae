import { todayInBeijing } from "../clock.js";
import { articleTextsOn } from "../rules/articleTexts.js";
import type { ArticlesFile } from "../rules/articlesFile.js";
import { articlesOn } from "../rules/datedParameters.js";
import { DEFAULT_RULES_DIR, loadRules } from "../rules/loadRules.js";

export { articleIdSchema, articleSchema, type Article, type ArticlesFile } from "../rules/articlesFile.js";

/**
 * The Articles' titles, summaries and official texts as readers see them on `today`: rules/articles.json,
 * with the official text of Articles 4 to 14 from their rules/items files and the summaries' figures
 * from the values in force; a malformed file throws a RulesFileError naming the file and the path in it.
 */
export function loadArticles(dir: string = DEFAULT_RULES_DIR, today = todayInBeijing()): ArticlesFile {
  const rules = loadRules(dir);
  return articleTextsOn(rules.articleTexts, articlesOn(rules.articles, today));
}
