import type { Lexicon } from "./lexicon.js";

export interface Tokenizer {
  /** NFKC (full-width to half-width), lower case, variant characters folded. */
  normalize(text: string): string;
  /** Search terms: stemmed English words, and Chinese character unigrams plus bigrams. */
  tokenize(text: string): string[];
}

const HAN = /\p{Script=Han}/u;
const RUNS = /\p{Script=Han}+|[a-z0-9]+(?:'[a-z]+)?/gu;

export function isHanUnigram(term: string): boolean {
  return [...term].length === 1 && HAN.test(term);
}

/**
 * Light English stemming: enough to meet plurals and -ed/-ing forms of the same word
 * ("vouchers", "subsidized" / "subsidize"), not a full Porter stemmer. Both the documents and the
 * questions go through it, so it only has to be consistent, not linguistically right.
 */
export function stemEnglish(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let w = word;
  if (w.endsWith("ies") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (/(x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith("ied") && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith("ing") && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith("ed") && w.length > 4) w = undouble(w.slice(0, -2));
  if (w.endsWith("e") && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** "gett" → "get", but "install" and "pass" keep their double letter. */
function undouble(w: string): string {
  return /([b-df-hj-km-np-rtv-y])\1$/.test(w) ? w.slice(0, -1) : w;
}

export function createTokenizer(lexicon: Lexicon): Tokenizer {
  const { charFolds, wordFolds } = lexicon.synonyms;
  const stopEn = new Set(lexicon.stopwords.en);
  const stopZh = new Set(lexicon.stopwords.zh);
  const longestZh = Math.max(1, ...lexicon.stopwords.zh.map((w) => [...w].length));

  const normalize = (text: string): string =>
    [...text.normalize("NFKC").toLowerCase().replace(/[’‘`]/g, "'")].map((ch) => charFolds[ch] ?? ch).join("");

  /** Splits a run of Chinese characters at function words, so that no bigram spans one. */
  const hanSegments = (run: string): string[][] => {
    const chars = [...run];
    const segments: string[][] = [];
    let current: string[] = [];
    for (let i = 0; i < chars.length; ) {
      const stop = stopwordAt(chars, i);
      if (stop > 0) {
        if (current.length > 0) segments.push(current);
        current = [];
        i += stop;
      } else {
        current.push(chars[i]!);
        i += 1;
      }
    }
    if (current.length > 0) segments.push(current);
    return segments;
  };

  const stopwordAt = (chars: string[], i: number): number => {
    for (let len = Math.min(longestZh, chars.length - i); len >= 1; len--) {
      if (stopZh.has(chars.slice(i, i + len).join(""))) return len;
    }
    return 0;
  };

  const englishTerm = (raw: string): string | null => {
    const word = raw.replace(/'.*$/, "");
    const folded = wordFolds[word] ?? word;
    if (stopEn.has(folded) || stopEn.has(raw.replace(/'/g, ""))) return null;
    if (folded.length < 2 && !/\d/.test(folded)) return null;
    return stemEnglish(folded);
  };

  const tokenize = (text: string): string[] => {
    // "2,000,000" is one number, not three.
    const prepared = normalize(text).replace(/(\d),(?=\d{3}(?!\d))/g, "$1");
    const terms: string[] = [];
    for (const [run] of prepared.matchAll(RUNS)) {
      if (!HAN.test(run)) {
        const term = englishTerm(run);
        if (term) terms.push(term);
        continue;
      }
      for (const segment of hanSegments(run)) {
        terms.push(...segment);
        for (let i = 0; i + 1 < segment.length; i++) terms.push(segment[i]! + segment[i + 1]!);
      }
    }
    return terms;
  };

  return { normalize, tokenize };
}
