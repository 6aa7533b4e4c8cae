import { todayInBeijing } from "../clock.js";
import { rulesOn, type CompiledRules } from "../engine/compiledRules.js";
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
  return articlesOfDay(loadRules(dir), today);
}

/** The Articles as readers see them on `today`, from rules already loaded. */
export function articlesOfDay(rules: CompiledRules, today: string): ArticlesFile {
  return articleTextsOn(rules.articleTexts, articlesOn(rules.articles, today));
}

/**
 * The Articles by day, built once per period of the rules (as getFaqIndex is): a long-running
 * server states a dated value's figure from its first day, without a restart. The current
 * period's is built at once, so a bad summary fails at start-up.
 */
export function articlesByDay(rules: CompiledRules, today = todayInBeijing()): (day: string) => ArticlesFile {
  const built = new Map<string, ArticlesFile>();
  const of = (day: string): ArticlesFile => {
    const { from } = rulesOn(rules, day);
    let articles = built.get(from);
    if (!articles) {
      articles = articlesOfDay(rules, from);
      built.set(from, articles);
    }
    return articles;
  };
  of(today);
  return of;
}
