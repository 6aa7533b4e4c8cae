import type { Article, ArticlesFile } from "../faq/articles.js";
import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../rules/loadRules.js";
import { message, type Choice, type Reply } from "./reply.js";

/** The conversation's menus and fixed messages, with their choices. */

const ARTICLES_PER_ROW = 5;

/** In both languages, since the choice is not made yet. */
export function languageMenu(lang: Lang): Reply {
  return message(t(lang, "bot.chooseLanguage"), [[{ label: "中文", action: { kind: "lang", lang: "zh" } }, { label: "English", action: { kind: "lang", lang: "en" } }]]);
}

export function welcomeText(rules: CompiledRules, lang: Lang): string {
  return [t(lang, "welcome.title"), "", t(lang, "welcome.body"), "", t(lang, "bot.about"), "", t(lang, "bot.disclaimerTitle"), rules.policy.disclaimer.text[lang]].join("\n");
}

/** What the assistant does and the disclaimer, with Start (or Continue) and the Articles. */
export function welcome(rules: CompiledRules, lang: Lang, inProgress: boolean): Reply {
  return message(
    welcomeText(rules, lang),
    [[{ label: t(lang, inProgress ? "bot.button.continue" : "bot.button.start"), action: { kind: "go" } }], [{ label: t(lang, "bot.button.articles"), action: { kind: "articles" } }]],
    true,
  );
}

/** Under a finished screening: its report, an explanation, or a fresh start. */
export function caseChoices(lang: Lang, caseId: string): Choice[][] {
  return [
    [{ label: t(lang, "bot.button.report"), action: { kind: "report", caseId } }, { label: t(lang, "bot.button.explain"), action: { kind: "explain", caseId } }],
    [{ label: t(lang, "bot.button.newScreening"), action: { kind: "new" } }],
  ];
}

export function reportChoices(lang: Lang, caseId: string): Choice[][] {
  return [[{ label: t(lang, "bot.button.report"), action: { kind: "report", caseId } }]];
}

export function articlesMenu(articles: ArticlesFile, lang: Lang, inPlace: boolean): Reply {
  const rows: Choice[][] = [];
  articles.articles.forEach((a, i) => {
    if (i % ARTICLES_PER_ROW === 0) rows.push([]);
    rows[rows.length - 1]!.push({ label: a.article, action: { kind: "article", article: a.article } });
  });
  return message(t(lang, "bot.articles.choose"), rows, inPlace);
}

/** One Article: its title and short summary in the reader's language, then the official text. */
export function articleView(article: Article, lang: Lang): Reply {
  return message(articleText(article, lang), [[{ label: t(lang, "bot.button.allArticles"), action: { kind: "articles" } }]], true);
}

export function articleText(article: Article, lang: Lang): string {
  const title = lang === "zh" ? article.titleZh : article.titleEn;
  const summary = lang === "zh" ? article.summaryZh : article.summaryEn;
  return [`${articleLabel(article.article, lang)} ${title}`, "", t(lang, "bot.articles.summary"), summary, "", t(lang, "bot.articles.official"), article.officialTextEn].join("\n");
}

/** Asked before erasing, since it cannot be undone. */
export function deleteConfirmation(lang: Lang): Reply {
  return message(t(lang, "bot.delete.confirm"), [[{ label: t(lang, "bot.button.deleteYes"), action: { kind: "delete", yes: true } }, { label: t(lang, "bot.button.deleteNo"), action: { kind: "delete", yes: false } }]]);
}
