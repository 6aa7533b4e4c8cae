import type { Lang } from "../i18n/lang.js";
import { FAQ_CONFIG } from "./config.js";
import { getFaqIndex, type FaqDocument, type FaqIndex } from "./faqIndex.js";

export interface SearchHit {
  source: "faq" | "article";
  /** The FAQ entry's id, or the Article number for an Article. */
  id: string;
  /** Articles this hit cites, the most relevant first. */
  articles: string[];
  /** The entry's question or the Article's title, in the asked language. */
  title: string;
  score: number;
  /** score ÷ the score of a perfect match to this question: comparable across questions. */
  relevance: number;
  /** Summed idf of the question's terms found in this document. */
  matchedIdf: number;
}

export interface SearchOptions {
  limit?: number;
  index?: FaqIndex;
}

/** Ranks FAQ entries and Articles for a question; the best first, documents that share no term left out. */
export function searchFaq(question: string, lang: Lang, options: SearchOptions = {}): SearchHit[] {
  const index = options.index ?? getFaqIndex();
  const limit = options.limit ?? FAQ_CONFIG.defaultHitLimit;
  const query = index.expandQuery(question);
  const { scores, matchedIdf, queryIdf } = index.bm25.score(query);
  const ranked: number[] = [];
  for (let doc = 0; doc < scores.length; doc++) if (scores[doc]! > 0) ranked.push(doc);
  ranked.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return ranked.slice(0, limit).map((doc) => toHit(index.documents[doc]!, lang, scores[doc]!, matchedIdf[doc]!, queryIdf));
}

/** Whether a hit answers the question rather than sharing a few common words with it. */
export function isMeaningful(hit: SearchHit): boolean {
  return hit.relevance >= FAQ_CONFIG.minRelevance && hit.matchedIdf >= FAQ_CONFIG.minMatchedIdf;
}

function toHit(doc: FaqDocument, lang: Lang, score: number, matched: number, queryIdf: number): SearchHit {
  const common = { articles: [...doc.articles], score, relevance: queryIdf > 0 ? score / queryIdf : 0, matchedIdf: matched };
  if (doc.kind === "faq") {
    return { ...common, source: "faq", id: doc.entry.id, title: lang === "en" ? doc.entry.questionEn : doc.entry.questionZh };
  }
  return { ...common, source: "article", id: doc.article.article, title: lang === "en" ? doc.article.titleEn : doc.article.titleZh };
}
