import type { Lexicon } from "./lexicon.js";

export interface Tokenizer {
  /** NFKC (full-width to half-width), lower case, variant characters folded. */
  normalize(text: string): string;
  /** Search terms: stemmed English words; Chinese character unigrams, bigrams and whole synonym-table terms. */
  tokenize(text: string): string[];
  /** The normalized text without Chinese function words: "发展特别快" reads "发展快". */
  contentText(text: string): string;
}

const HAN = /\p{Script=Han}/u;
const RUNS = /\p{Script=Han}+|[a-z0-9]+(?:'[a-z]+)?/gu;

/** A Chinese term of three or more characters, which the tokenizer also emits whole. */
function isHanWord(term: string): boolean {
  return [...term].length >= 3 && [...term].every((ch) => HAN.test(ch));
}

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
  const stopZh = byFirstCharacter(lexicon.stopwords.zh);
  const foldable = Object.keys(charFolds).length > 0 ? new RegExp(`[${Object.keys(charFolds).join("")}]`, "gu") : null;

  const normalize = (text: string): string => {
    const plain = text.normalize("NFKC").toLowerCase().replace(/[’‘`]/g, "'");
    return foldable ? plain.replace(foldable, (ch) => charFolds[ch] ?? ch) : plain;
  };

  /** Splits a run of Chinese characters at function words, so that no bigram spans one. */
  const hanSegments = (run: string): string[][] => {
    const segments: string[][] = [];
    let current: string[] = [];
    for (let at = 0; at < run.length; ) {
      const stop = startingAt(stopZh, run, at);
      if (stop) {
        if (current.length > 0) segments.push(current);
        current = [];
        at += stop.length;
      } else {
        const ch = String.fromCodePoint(run.codePointAt(at)!);
        current.push(ch);
        at += ch.length;
      }
    }
    if (current.length > 0) segments.push(current);
    return segments;
  };

  const contentText = (text: string): string =>
    normalize(text).replace(/\p{Script=Han}+/gu, (run) => hanSegments(run).map((segment) => segment.join("")).join(""));

  // Longer Chinese terms of the synonym table are also kept whole, so that "区块链节点" is
  // told apart from a mere "区块链" although both share the same bigrams.
  const words = byFirstCharacter([...new Set(lexicon.synonyms.groups.flat().map(contentText))].filter(isHanWord));

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
      const segments = hanSegments(run);
      for (const segment of segments) {
        terms.push(...segment);
        for (let i = 0; i + 1 < segment.length; i++) terms.push(segment[i]! + segment[i + 1]!);
      }
      const content = segments.map((segment) => segment.join("")).join("");
      for (let at = 0; at < content.length; at++) {
        for (const word of words.get(content[at]!) ?? []) if (content.startsWith(word, at)) terms.push(word);
      }
    }
    return terms;
  };

  return { normalize, tokenize, contentText };
}

/** Terms indexed by their first UTF-16 unit, longest first, for matching at a position. */
function byFirstCharacter(terms: readonly string[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const term of [...terms].sort((a, b) => b.length - a.length)) {
    const list = index.get(term[0]!) ?? [];
    list.push(term);
    index.set(term[0]!, list);
  }
  return index;
}

function startingAt(index: Map<string, string[]>, text: string, at: number): string | undefined {
  return index.get(text[at]!)?.find((term) => text.startsWith(term, at));
}
