import type { Lang } from "../i18n/lang.js";
import { FAQ_CONFIG } from "./config.js";
import { getFaqIndex, type FaqDocument, type FaqIndex } from "./faqIndex.js";
import type { Bm25Index } from "./bm25.js";
import type { Alternative, Clause } from "./query.js";

export interface SearchHit {
  source: "faq" | "article";
  /** The FAQ entry's id, or the Article number for an Article. */
  id: string;
  /** Articles this hit cites, the most relevant first. */
  articles: string[];
  /** The entry's question or the Article's title, in the asked language. */
  title: string;
  score: number;
  /** Summed weight × idf of the question's terms (or their synonyms) found in this document. */
  matchedIdf: number;
  /** Share of the question's summed weight × idf that this document explains, from 0 to 1. */
  coverage: number;
}

export interface SearchOptions {
  limit?: number;
  index?: FaqIndex;
}

/** Ranks FAQ entries and Articles for a question, best first; documents sharing no term are left out. */
export function searchFaq(question: string, lang: Lang, options: SearchOptions = {}): SearchHit[] {
  const index = options.index ?? getFaqIndex();
  return rankClauses(index, index.buildQuery(question), lang, options.limit);
}

/** searchFaq for a question already turned into clauses. */
export function rankClauses(index: FaqIndex, clauses: readonly Clause[], lang: Lang, limit: number = FAQ_CONFIG.defaultHitLimit): SearchHit[] {
  const { scores, matchedIdf, explainedIdf, queryIdf } = scoreClauses(index, clauses);
  const ranked: number[] = [];
  for (let doc = 0; doc < scores.length; doc++) if (scores[doc]! > 0) ranked.push(doc);
  ranked.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return ranked.slice(0, limit).map((doc) =>
    toHit(index.documents[doc]!, lang, { score: scores[doc]!, matchedIdf: matchedIdf[doc]!, coverage: explainedIdf[doc]! / queryIdf }),
  );
}

/** Whether a hit answers the question rather than sharing a few common words with it. */
export function isMeaningful(hit: SearchHit): boolean {
  return hit.coverage >= FAQ_CONFIG.minCoverage && hit.matchedIdf >= FAQ_CONFIG.minMatchedIdf;
}

/**
 * Sums, over the clauses, each document's best alternative (see Clause). A clause counts as
 * explained in the share of its best-covered alternative that the document contains: a synonym
 * explains the user's word as well as the word itself would.
 */
function scoreClauses(index: FaqIndex, clauses: readonly Clause[]) {
  const { bm25 } = index;
  const scores = new Float64Array(bm25.size);
  const matchedIdf = new Float64Array(bm25.size);
  const explainedIdf = new Float64Array(bm25.size);
  let queryIdf = 0;
  for (const clause of clauses) {
    const alternatives = clause.alternatives.map((alternative) => scoreAlternative(bm25, alternative));
    const ownIdf = alternatives[0]!.totalIdf;
    queryIdf += ownIdf;
    const docs = new Set(alternatives.flatMap((alternative) => [...alternative.docs.keys()]));
    for (const doc of docs) {
      let best = { score: 0, matchedIdf: 0 };
      let share = 0;
      for (const alternative of alternatives) {
        const found = alternative.docs.get(doc);
        if (!found) continue;
        if (found.score > best.score) best = found;
        share = Math.max(share, found.matchedIdf / alternative.totalIdf);
      }
      scores[doc]! += best.score;
      matchedIdf[doc]! += best.matchedIdf;
      explainedIdf[doc]! += share * ownIdf;
    }
  }
  return { scores, matchedIdf, explainedIdf, queryIdf };
}

/** Per document containing any of its terms: the alternative's score and matched idf. */
function scoreAlternative(bm25: Bm25Index, alternative: Alternative) {
  const docs = new Map<number, { score: number; matchedIdf: number }>();
  let totalIdf = 0;
  for (const [term, weight] of alternative) {
    const termIdf = weight * bm25.idf(term);
    totalIdf += termIdf;
    for (const posting of bm25.postings(term)) {
      const found = docs.get(posting.doc) ?? { score: 0, matchedIdf: 0 };
      found.score += weight * posting.score;
      found.matchedIdf += termIdf;
      docs.set(posting.doc, found);
    }
  }
  return { docs, totalIdf };
}

function toHit(doc: FaqDocument, lang: Lang, measures: Pick<SearchHit, "score" | "matchedIdf" | "coverage">): SearchHit {
  if (doc.kind === "faq") {
    const { entry } = doc;
    return { source: "faq", id: entry.id, articles: [...doc.articles], title: lang === "en" ? entry.questionEn : entry.questionZh, ...measures };
  }
  const { article } = doc;
  return { source: "article", id: article.article, articles: [...doc.articles], title: lang === "en" ? article.titleEn : article.titleZh, ...measures };
}
