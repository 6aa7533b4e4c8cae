import type { Lang } from "../../i18n/lang.js";
import { articleLabel } from "../../i18n/articleLabel.js";
import { t } from "../../i18n/translate.js";
import type { Article } from "../../faq/articles.js";
import type { BotDeps, Origin, Outcome } from "../deps.js";
import { articlesKeyboard, backToArticlesKeyboard } from "../keyboards.js";

/** /articles and the All Articles button: a keyboard of Articles 1–19. */
export async function listArticles(deps: BotDeps, chatId: number, lang: Lang, origin: Origin): Promise<Outcome> {
  const keyboard = articlesKeyboard(deps.articles.articles.map((a) => a.article));
  if (origin.kind === "callback") {
    origin.answer();
    void deps.outbox.editText(chatId, origin.messageId, t(lang, "bot.articles.choose"), keyboard);
  } else void deps.outbox.sendText(chatId, t(lang, "bot.articles.choose"), keyboard);
  return "ok";
}

/** One Article: its title and short summary in the reader's language, then the official text. */
export async function showArticle(deps: BotDeps, chatId: number, lang: Lang, number: string, origin: Extract<Origin, { kind: "callback" }>): Promise<Outcome> {
  const article = deps.articles.articles.find((a) => a.article === number);
  if (!article) {
    origin.answer(t(lang, "bot.callback.unknown"));
    return "forged";
  }
  origin.answer();
  void deps.outbox.editText(chatId, origin.messageId, articleText(article, lang), backToArticlesKeyboard(lang));
  return "ok";
}

export function articleText(article: Article, lang: Lang): string {
  const title = lang === "zh" ? article.titleZh : article.titleEn;
  const summary = lang === "zh" ? article.summaryZh : article.summaryEn;
  return [`${articleLabel(article.article, lang)} ${title}`, "", t(lang, "bot.articles.summary"), summary, "", t(lang, "bot.articles.official"), article.officialTextEn].join("\n");
}
