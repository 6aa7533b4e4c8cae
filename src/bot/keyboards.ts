import type { InlineKeyboardButton, InlineKeyboardMarkup } from "telegraf/types";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { QuestionBank } from "../interview/questionBank.js";
import type { Button } from "../interview/render.js";
import { encodeEvent } from "./callbackData.js";

const button = (text: string, data: string): InlineKeyboardButton.CallbackButton => ({ text, callback_data: data });

/** The interview's buttons as an inline keyboard; `turn` is the turn of the message they sit under. */
export function interviewKeyboard(bank: QuestionBank, rows: Button[][], turn: number): InlineKeyboardMarkup | undefined {
  const inline = rows
    .map((row) => row.flatMap((b) => {
      const data = encodeEvent(bank, b.event, turn);
      return data === null ? [] : [button(b.label, data)];
    }))
    .filter((row) => row.length > 0);
  return inline.length > 0 ? { inline_keyboard: inline } : undefined;
}

export function languageKeyboard(): InlineKeyboardMarkup {
  return { inline_keyboard: [[button("中文", "l|zh"), button("English", "l|en")]] };
}

export function welcomeKeyboard(lang: Lang, inProgress: boolean): InlineKeyboardMarkup {
  return { inline_keyboard: [[button(t(lang, inProgress ? "bot.button.continue" : "bot.button.start"), "go")], [button(t(lang, "bot.button.articles"), "al")]] };
}

/** Under a finished screening: its report, an explanation, or a fresh start. */
export function caseKeyboard(lang: Lang, caseId: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [button(t(lang, "bot.button.report"), `rp|${caseId}`), button(t(lang, "bot.button.explain"), `x|${caseId}`)],
      [button(t(lang, "bot.button.newScreening"), "new")],
    ],
  };
}

export function reportKeyboard(lang: Lang, caseId: string): InlineKeyboardMarkup {
  return { inline_keyboard: [[button(t(lang, "bot.button.report"), `rp|${caseId}`)]] };
}

export function articlesKeyboard(articles: readonly string[]): InlineKeyboardMarkup {
  const rows: InlineKeyboardButton.CallbackButton[][] = [];
  articles.forEach((article, i) => {
    if (i % 5 === 0) rows.push([]);
    rows[rows.length - 1]!.push(button(article, `ar|${article}`));
  });
  return { inline_keyboard: rows };
}

export function backToArticlesKeyboard(lang: Lang): InlineKeyboardMarkup {
  return { inline_keyboard: [[button(t(lang, "bot.button.allArticles"), "al")]] };
}

export function deleteKeyboard(lang: Lang): InlineKeyboardMarkup {
  return { inline_keyboard: [[button(t(lang, "bot.button.deleteYes"), "del|y"), button(t(lang, "bot.button.deleteNo"), "del|n")]] };
}
