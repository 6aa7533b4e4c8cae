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
  synonymWeight: 0.6,
  /** A synonym may carry at most this many times the idf mass of the words it replaces. */
  maxSynonymIdfRatio: 3,
  /**
   * A hit answers the question only if it explains enough of it (the share of the question's
   * idf mass it matches; words no document knows, like "weather" or "护照", weigh most) and
   * enough in absolute terms, so that a question of common words only ("what can we get") or
   * one topic word beside an unknown one does not pass.
   */
  minCoverage: 0.25,
  minMatchedIdf: 4,
  /** How many hits searchFaq returns by default, and how many may vote for an Article. */
  defaultHitLimit: 5,
  /** A hit votes for its first Article if it scores at least this share of the best hit. */
  voteMinShare: 0.5,
  /** The quoted official sentence is cut at a word boundary beyond this length. */
  quoteMaxChars: 300,
} as const;
