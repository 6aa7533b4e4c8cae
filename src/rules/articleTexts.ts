import type { InputIssue } from "../validation/issues.js";
import type { ArticlesFile, ArticlesFileEntries } from "./articlesFile.js";
import { RulesFileError } from "./readRulesFile.js";
import type { ArticleRulesOn } from "./datedParameters.js";
import { fillReferences } from "./paramReferences.js";
import type { ArticleRules } from "./schema.js";

export const ARTICLES_LABEL = "rules/articles.json";

/**
 * Articles 1 to 19 with their official texts, each from its one source: an Article with support
 * items has it in its rules/items file, every other Article in rules/articles.json. A text given
 * in both places, or in neither, is refused with its path.
 */
export function joinArticleTexts(file: ArticlesFileEntries, items: ReadonlyMap<string, { article: ArticleRules; label: string }>): ArticlesFile {
  const issues: InputIssue[] = [];
  const articles = file.articles.map((entry, i) => {
    const own = items.get(entry.article);
    if (own && entry.officialTextEn !== undefined) {
      issues.push({ path: `articles[${i}].officialTextEn`, message: `Article ${entry.article}'s official text lives in ${own.label}: remove it here` });
    }
    const officialTextEn = own?.article.officialText ?? entry.officialTextEn;
    if (officialTextEn === undefined) issues.push({ path: `articles[${i}].officialTextEn`, message: "missing: the published English text of the Article, verbatim" });
    return { ...entry, officialTextEn: officialTextEn ?? "" };
  });
  for (const [article, { label }] of items) {
    if (!file.articles.some((entry) => entry.article === article)) issues.push({ path: "articles", message: `Article ${article} (${label}) has no entry` });
  }
  if (issues.length > 0) throw new RulesFileError(ARTICLES_LABEL, issues);
  return { translationNote: file.translationNote, articles };
}

/** The Articles with the figures of their summaries (`{{param:…}}`) filled from the values in force on one date. */
export function articleTextsOn(texts: ArticlesFile, articles: readonly ArticleRulesOn[]): ArticlesFile {
  const issues: InputIssue[] = [];
  const filled = texts.articles.map((article, i) => ({
    ...article,
    summaryEn: fillReferences(article.summaryEn, articles, "en", `articles[${i}].summaryEn`, issues),
    summaryZh: fillReferences(article.summaryZh, articles, "zh", `articles[${i}].summaryZh`, issues),
  }));
  if (issues.length > 0) throw new RulesFileError(ARTICLES_LABEL, issues);
  return { ...texts, articles: filled };
}
