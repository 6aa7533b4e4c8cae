/** One field of a document: its terms and how much an occurrence there counts. */
export interface Bm25Field {
  terms: readonly string[];
  weight: number;
}

export interface Bm25Params {
  k1: number;
  b: number;
}

/** A document containing a term, with the term's BM25 contribution to that document's score. */
export interface Bm25Posting {
  doc: number;
  score: number;
}

export interface Bm25Index {
  readonly size: number;
  idf(term: string): number;
  postings(term: string): readonly Bm25Posting[];
}

const NONE: readonly Bm25Posting[] = [];

/**
 * Okapi BM25 with weighted fields (a field's weight scales term frequency and length, as in
 * BM25F). Contributions are computed once here, so a query only adds numbers up.
 */
export function buildBm25Index(documents: readonly (readonly Bm25Field[])[], params: Bm25Params): Bm25Index {
  const frequencies = documents.map((fields) => {
    const tf = new Map<string, number>();
    let length = 0;
    for (const field of fields) {
      for (const term of field.terms) tf.set(term, (tf.get(term) ?? 0) + field.weight);
      length += field.terms.length * field.weight;
    }
    return { tf, length };
  });
  const size = documents.length;
  const avgLength = frequencies.reduce((sum, f) => sum + f.length, 0) / Math.max(1, size);
  const df = new Map<string, number>();
  for (const { tf } of frequencies) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  // A term no document contains is as informative as the rarest possible one.
  const idf = (term: string): number => {
    const n = df.get(term) ?? 0;
    return Math.log(1 + (size - n + 0.5) / (n + 0.5));
  };
  const postings = new Map<string, Bm25Posting[]>();
  frequencies.forEach(({ tf, length }, doc) => {
    const norm = params.k1 * (1 - params.b + (params.b * length) / avgLength);
    for (const [term, count] of tf) {
      const list = postings.get(term) ?? [];
      list.push({ doc, score: (idf(term) * count * (params.k1 + 1)) / (count + norm) });
      postings.set(term, list);
    }
  });
  return { size, idf, postings: (term) => postings.get(term) ?? NONE };
}
