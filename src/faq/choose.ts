import { FAQ_CONFIG } from "./config.js";
import { isMeaningful, type SearchHit } from "./search.js";

/**
 * The hit to answer with. Close hits vote for their first Article, weighted by score, and the
 * best hit of the winning Article answers: a general entry that happens to share words with the
 * question (one on caps of all kinds, say) does not outvote several entries on one Article.
 * Null when even the best hit does not answer the question.
 */
export function chooseAnswerHit(hits: readonly SearchHit[]): SearchHit | null {
  const best = hits[0];
  if (!best || !isMeaningful(best)) return null;
  const votes = new Map<string, number>();
  for (const hit of hits) {
    if (hit.score < FAQ_CONFIG.voteMinShare * best.score) continue;
    const article = hit.articles[0]!;
    votes.set(article, (votes.get(article) ?? 0) + hit.score);
  }
  let winner = best.articles[0]!;
  for (const [article, total] of votes) if (total > votes.get(winner)!) winner = article;
  return hits.find((hit) => hit.articles[0] === winner && isMeaningful(hit)) ?? best;
}
