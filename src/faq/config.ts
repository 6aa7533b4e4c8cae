/**
 * Tuning of the FAQ search and answer. These are properties of the retrieval, not of the
 * policy, so they live here rather than in rules/; the tests check the behaviour they produce.
 */
export const FAQ_CONFIG = {
  /** Longer questions are refused: a chat question is short, and a long paste is usually not a question. */
  maxQuestionChars: 500,
  bm25: { k1: 1.2, b: 0.75 },
  /** How much each part of a document counts: questions and keywords say what an entry is about. */
  fieldWeights: { question: 2, keywords: 1.5, answer: 1, title: 2, summary: 1, officialText: 1 },
  /** A single Chinese character says less than a two-character word. */
  hanUnigramWeight: 0.4,
  /** Terms added by synonym expansion count less than the user's own words. */
  synonymWeight: 0.5,
  /**
   * A hit is a meaningful answer only if it explains enough of the question (score relative to
   * the score a perfect match would get) and matches enough rare terms in absolute terms, so
   * that a question made only of common words ("what can we get") does not pass.
   */
  minRelevance: 0.3,
  minMatchedIdf: 2.5,
  /** How many hits searchFaq returns by default. */
  defaultHitLimit: 5,
  /** The quoted official sentence is cut at a word boundary beyond this length. */
  quoteMaxChars: 260,
} as const;
