/** One field of a document: its terms and how much an occurrence there counts. */
export interface Bm25Field {
  terms: readonly string[];
  weight: number;
}

export interface Bm25Params {
  k1: number;
  b: number;
}

export interface Bm25Scores {
  /** BM25 score per document, in document order. */
  scores: Float64Array;
  /** Per document, the summed query weight × idf of the query terms it contains. */
  matchedIdf: Float64Array;
  /** Summed query weight × idf over all query terms: what a perfect match would explain. */
  queryIdf: number;
}

export interface Bm25Index {
  readonly size: number;
  idf(term: string): number;
  score(query: ReadonlyMap<string, number>): Bm25Scores;
}

interface Posting {
  doc: number;
  tf: number;
}

/** Okapi BM25 with weighted fields (field weights scale term frequency and length, as in BM25F). */
export function buildBm25Index(documents: readonly (readonly Bm25Field[])[], params: Bm25Params): Bm25Index {
  const postings = new Map<string, Posting[]>();
  const lengths = new Float64Array(documents.length);
  documents.forEach((fields, doc) => {
    const tf = new Map<string, number>();
    for (const field of fields) {
      for (const term of field.terms) tf.set(term, (tf.get(term) ?? 0) + field.weight);
      lengths[doc]! += field.terms.length * field.weight;
    }
    for (const [term, count] of tf) {
      const list = postings.get(term) ?? [];
      list.push({ doc, tf: count });
      postings.set(term, list);
    }
  });
  const size = documents.length;
  const avgLength = lengths.reduce((sum, n) => sum + n, 0) / Math.max(1, size);
  // A term no document contains is as informative as the rarest possible one.
  const idf = (term: string): number => {
    const df = postings.get(term)?.length ?? 0;
    return Math.log(1 + (size - df + 0.5) / (df + 0.5));
  };

  const score = (query: ReadonlyMap<string, number>): Bm25Scores => {
    const scores = new Float64Array(size);
    const matchedIdf = new Float64Array(size);
    let queryIdf = 0;
    for (const [term, weight] of query) {
      const termIdf = idf(term);
      queryIdf += weight * termIdf;
      for (const { doc, tf } of postings.get(term) ?? []) {
        const norm = params.k1 * (1 - params.b + (params.b * lengths[doc]!) / avgLength);
        scores[doc]! += weight * termIdf * ((tf * (params.k1 + 1)) / (tf + norm));
        matchedIdf[doc]! += weight * termIdf;
      }
    }
    return { scores, matchedIdf, queryIdf };
  };

  return { size, idf, score };
}
