import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import { mentionedArticle } from "./articleMention.js";
import { chooseAnswerHit } from "./choose.js";
import { isCombiningQuestion } from "./combining.js";
import { FAQ_CONFIG } from "./config.js";
import { isDocumentsQuestion, withoutDocumentWords } from "./documents.js";
import type { FaqEntry } from "./faqBank.js";
import { getFaqIndex, type FaqIndex } from "./faqIndex.js";
import { isHowMuchQuestion, withoutAmountWords } from "./howMuch.js";
import { commonDocumentsText, documentsText, maximaText } from "./itemAnswers.js";
import { articleReference, FAQ_MESSAGES } from "./messages.js";
import type { Clause } from "./query.js";
import { pickQuote } from "./quote.js";
import { rankClauses, type SearchHit } from "./search.js";
import { commonDocuments } from "./supportItems.js";

export interface OfficialQuote {
  article: string;
  /** Verbatim from the published English text; "…" marks a cut. */
  text: string;
}

export type FaqAnswer =
  | { kind: "answer"; articles: string[]; answer: string; source: "faq" | "article"; faqId?: string; quotes: OfficialQuote[] }
  | { kind: "documents"; articles: string[]; answer: string; quotes: OfficialQuote[] }
  | { kind: "out_of_scope"; answer: string }
  | { kind: "how_much"; answer: string; articles: string[] }
  | { kind: "too_long"; answer: string };

/** Where the documents every application needs are set: the annual guideline (15) and the commitment to accurate materials (17). */
const COMMON_DOCUMENTS_ARTICLES = ["15", "17"];
/** How many hits to look through for one of the Article a question names. */
const MENTION_HIT_LIMIT = 40;

/**
 * Answers a question about the Rules from the FAQ bank, the Articles and the support items'
 * data, offline. The question is only ever searched, never followed: instructions inside it
 * change nothing, and no part of it is repeated in the answer, whose every sentence comes from
 * rules/ data or the message table.
 */
export function answerQuestion(question: string, lang: Lang, index: FaqIndex = getFaqIndex()): FaqAnswer {
  const messages = FAQ_MESSAGES[lang];
  const text = question.trim();
  const length = [...text].length;
  if (length > FAQ_CONFIG.maxQuestionChars) return { kind: "too_long", answer: messages.tooLong(length, FAQ_CONFIG.maxQuestionChars) };

  const normalized = index.tokenizer.normalize(text);
  const mention = mentionedArticle(normalized) ?? (isCombiningQuestion(normalized) ? index.noDuplicationArticle : null);
  if (mention === null && index.outOfScopeTopic(normalized) !== null) return { kind: "out_of_scope", answer: messages.outOfScope };
  if (isHowMuchQuestion(normalized)) return howMuchAnswer(withoutAmountWords(normalized), mention, lang, index);
  if (isDocumentsQuestion(normalized)) return documentsAnswer(withoutDocumentWords(normalized), mention, lang, index);

  const clauses = index.buildQuery(text);
  const chosen = chooseHit(clauses, mention, lang, index);
  if (!chosen) return { kind: "out_of_scope", answer: messages.outOfScope };

  const body = chosen.source === "faq" ? faqAnswer(faqEntry(chosen.id, index), lang) : articleSummary(chosen.id, lang, index);
  const quote = officialQuote(chosen.articles[0]!, focusOf(chosen, clauses, index), index);
  return {
    kind: "answer",
    articles: chosen.articles,
    answer: compose(body, chosen.articles, quote, lang, index),
    source: chosen.source,
    ...(chosen.source === "faq" ? { faqId: chosen.id } : {}),
    quotes: [quote],
  };
}

/**
 * The maxima of the item the question is about, read from the rules data, with the interview
 * offered for an exact figure; only the pointer to the interview when it names no item.
 */
function howMuchAnswer(topic: string, mention: string | null, lang: Lang, index: FaqIndex): FaqAnswer {
  const clauses = index.buildQuery(topic);
  const chosen = chooseHit(clauses, mention, lang, index);
  const messages = FAQ_MESSAGES[lang];
  if (!chosen) return { kind: "how_much", answer: messages.howMuch, articles: [] };
  const article = chosen.articles[0]!;
  const quote = officialQuote(article, focusOf(chosen, clauses, index), index);
  const items = index.supportItems.get(article);
  if (!items) {
    const parts = [messages.howMuch, messages.likelyArticles(references(chosen.articles, lang, index)), quoteLine(quote, lang)];
    return { kind: "how_much", answer: parts.join("\n\n"), articles: chosen.articles };
  }
  return { kind: "how_much", answer: compose(maximaText(items, lang), [article], quote, lang, index), articles: [article] };
}

/** The documents of the item the question is about; those every application needs when it names none. */
function documentsAnswer(topic: string, mention: string | null, lang: Lang, index: FaqIndex): FaqAnswer {
  const clauses = index.buildQuery(topic);
  const chosen = chooseHit(clauses, mention, lang, index);
  const article = chosen?.articles[0];
  const items = article === undefined ? undefined : index.supportItems.get(article);
  if (chosen && article !== undefined && items) {
    const quote = officialQuote(article, focusOf(chosen, clauses, index), index);
    return { kind: "documents", articles: [article], answer: compose(documentsText(items, lang), [article], quote, lang, index), quotes: [quote] };
  }
  const common = commonDocuments([...index.supportItems.values()].flat())[lang];
  const [first] = COMMON_DOCUMENTS_ARTICLES;
  const quote = officialQuote(first!, new Set(index.tokenizer.tokenize("annual funding guidelines")), index);
  return {
    kind: "documents",
    articles: COMMON_DOCUMENTS_ARTICLES,
    answer: compose(commonDocumentsText(common, lang), COMMON_DOCUMENTS_ARTICLES, quote, lang, index),
    quotes: [quote],
  };
}

/** The best hit; when the question names one Article, the best hit citing it first, or the Article itself. */
function chooseHit(clauses: readonly Clause[], mention: string | null, lang: Lang, index: FaqIndex): SearchHit | null {
  if (mention === null) return chooseAnswerHit(rankClauses(index, clauses, lang));
  const hit = rankClauses(index, clauses, lang, MENTION_HIT_LIMIT).find((candidate) => candidate.articles[0] === mention);
  if (hit) return hit;
  const article = index.articles.get(mention)!;
  return { source: "article", id: mention, articles: [mention], title: lang === "en" ? article.titleEn : article.titleZh, score: 0, matchedIdf: 0, coverage: 0 };
}

/** The body, the cited Articles, the official words quoted, and under Chinese the translation note. */
function compose(body: string, articles: readonly string[], quote: OfficialQuote, lang: Lang, index: FaqIndex): string {
  const messages = FAQ_MESSAGES[lang];
  const parts = [body, messages.cited(references(articles, lang, index)), quoteLine(quote, lang), messages.translationNote];
  return parts.filter((part) => part !== null).join("\n\n");
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

/** The question's terms, and for an FAQ entry its own English wording, to pick the sentence to quote. */
function focusOf(hit: SearchHit, clauses: readonly Clause[], index: FaqIndex): Set<string> {
  const focus = new Set(clauses.flatMap((clause) => clause.alternatives.flatMap((alternative) => [...alternative.keys()])));
  if (hit.source === "faq") {
    const entry = faqEntry(hit.id, index);
    for (const term of index.tokenizer.tokenize(`${entry.questionEn} ${entry.answerEn}`)) focus.add(term);
  }
  return focus;
}

function officialQuote(article: string, focus: ReadonlySet<string>, index: FaqIndex): OfficialQuote {
  return { article, text: pickQuote(index.sentences.get(article)!, focus, index.bm25.idf) };
}

function quoteLine(quote: OfficialQuote, lang: Lang): string {
  return FAQ_MESSAGES[lang].officialText(articleLabel(quote.article, lang), quote.text);
}
