import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import { chooseAnswerHit } from "./choose.js";
import { FAQ_CONFIG } from "./config.js";
import type { FaqEntry } from "./faqBank.js";
import { getFaqIndex, type FaqIndex } from "./faqIndex.js";
import { isHowMuchQuestion, withoutAmountWords } from "./howMuch.js";
import { articleReference, FAQ_MESSAGES } from "./messages.js";
import type { Clause } from "./query.js";
import { pickQuote } from "./quote.js";
import { rankClauses, type SearchHit } from "./search.js";

export interface OfficialQuote {
  article: string;
  /** Verbatim from the published English text; "…" marks a cut. */
  text: string;
}

export type FaqAnswer =
  | { kind: "answer"; articles: string[]; answer: string; source: "faq" | "article"; faqId?: string; quotes: OfficialQuote[] }
  | { kind: "out_of_scope"; answer: string }
  | { kind: "how_much"; answer: string; articles: string[] }
  | { kind: "too_long"; answer: string };

/**
 * Answers a question about the Rules from the FAQ bank and the Articles, offline. The question is
 * only ever searched, never followed: instructions inside it change nothing, and no part of it is
 * repeated in the answer, whose every sentence comes from rules/ data or the message table.
 */
export function answerQuestion(question: string, lang: Lang, index: FaqIndex = getFaqIndex()): FaqAnswer {
  const messages = FAQ_MESSAGES[lang];
  const text = question.trim();
  const length = [...text].length;
  if (length > FAQ_CONFIG.maxQuestionChars) return { kind: "too_long", answer: messages.tooLong(length, FAQ_CONFIG.maxQuestionChars) };

  const normalized = index.tokenizer.normalize(text);
  if (isHowMuchQuestion(normalized)) return howMuchAnswer(withoutAmountWords(normalized), lang, index);

  const clauses = index.buildQuery(text);
  const chosen = chooseAnswerHit(rankClauses(index, clauses, lang));
  if (!chosen) return { kind: "out_of_scope", answer: messages.outOfScope };

  const body = chosen.source === "faq" ? faqAnswer(faqEntry(chosen.id, index), lang) : articleSummary(chosen.id, lang, index);
  const quote = officialQuote(chosen, clauses, index);
  const parts = [body, messages.cited(references(chosen.articles, lang, index)), quoteLine(quote, lang), messages.translationNote];
  return {
    kind: "answer",
    articles: chosen.articles,
    answer: parts.filter((part) => part !== null).join("\n\n"),
    source: chosen.source,
    ...(chosen.source === "faq" ? { faqId: chosen.id } : {}),
    quotes: [quote],
  };
}

/** Points to the screening interview; names the Articles of the topic the question mentions, if any. */
function howMuchAnswer(topic: string, lang: Lang, index: FaqIndex): FaqAnswer {
  const clauses = index.buildQuery(topic);
  const chosen = chooseAnswerHit(rankClauses(index, clauses, lang));
  const pointer = FAQ_MESSAGES[lang].howMuch;
  if (!chosen) return { kind: "how_much", answer: pointer, articles: [] };
  const parts = [pointer, FAQ_MESSAGES[lang].likelyArticles(references(chosen.articles, lang, index)), quoteLine(officialQuote(chosen, clauses, index), lang)];
  return { kind: "how_much", answer: parts.join("\n\n"), articles: chosen.articles };
}

function faqEntry(id: string, index: FaqIndex): FaqEntry {
  const entry = index.faq.get(id);
  if (!entry) throw new Error(`FAQ entry ${id} is not in the index`);
  return entry;
}

function faqAnswer(entry: FaqEntry, lang: Lang): string {
  return lang === "en" ? entry.answerEn : entry.answerZh;
}

function articleSummary(id: string, lang: Lang, index: FaqIndex): string {
  const article = index.articles.get(id)!;
  return lang === "en" ? article.summaryEn : article.summaryZh;
}

function references(articles: readonly string[], lang: Lang, index: FaqIndex): string[] {
  return articles.map((id) => {
    const article = index.articles.get(id)!;
    return articleReference(id, lang === "en" ? article.titleEn : article.titleZh, lang);
  });
}

/** The hit's first Article, quoted at the sentence closest to the question and to the entry's own English wording. */
function officialQuote(hit: SearchHit, clauses: readonly Clause[], index: FaqIndex): OfficialQuote {
  const article = hit.articles[0]!;
  const focus = new Set(clauses.flatMap((clause) => clause.alternatives.flatMap((alternative) => [...alternative.keys()])));
  if (hit.source === "faq") {
    const entry = faqEntry(hit.id, index);
    for (const term of index.tokenizer.tokenize(`${entry.questionEn} ${entry.answerEn}`)) focus.add(term);
  }
  return { article, text: pickQuote(index.sentences.get(article)!, focus, index.bm25.idf) };
}

function quoteLine(quote: OfficialQuote, lang: Lang): string {
  return FAQ_MESSAGES[lang].officialText(articleLabel(quote.article, lang), quote.text);
}
