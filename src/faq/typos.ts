import type { Lexicon } from "./lexicon.js";
import type { Tokenizer } from "./tokenize.js";

const HAN_RUN = /\p{Script=Han}+/gu;
const WORD = /[a-z]+/g;
/** Shorter words are too close to each other for one wrong letter to say which was meant. */
const MIN_ENGLISH_WORD = 5;
/** A Chinese key term needs three characters for one wrong one to leave it recognisable. */
const MIN_HAN_TERM = 3;

/**
 * Fixes one wrong character in a key term ("算立券", "算力圈" → "算力券"; "cybersecuirty" →
 * "cybersecurity"): edit distance 1 against the synonym lexicon and the FAQ keywords, and for
 * English also the words of the documents. Only words the index does not know are touched, and
 * only when exactly one key term is that close, so a correct question is never changed.
 */
export function createTypoFixer(lexicon: Lexicon, keywords: readonly string[], documentWords: Iterable<string>, tokenizer: Tokenizer, known: (term: string) => boolean) {
  const terms = [...lexicon.synonyms.groups.flat(), ...keywords].map(tokenizer.normalize);
  const hanTerms = [...new Set(terms.filter((term) => /^\p{Script=Han}+$/u.test(term) && [...term].length >= MIN_HAN_TERM))];
  const stopChars = new Set(lexicon.stopwords.zh.join(""));
  const englishWords = new Set([...terms.flatMap((term) => term.match(WORD) ?? []), ...documentWords].filter((word) => word.length >= MIN_ENGLISH_WORD));
  const isKnownWord = (word: string): boolean => englishWords.has(word) || tokenizer.tokenize(word).every(known);

  const fixHan = (run: string): string => {
    let text = run;
    for (const term of hanTerms) {
      if (text.includes(term)) continue;
      for (let at = 0; at + term.length <= text.length; at++) {
        const window = text.slice(at, at + term.length);
        const wrong = differingAt(window, term);
        if (wrong === null || stopChars.has(window[wrong]!)) continue;
        // A typo makes pairs no document has; real words next to a key term ("算力中心") do not.
        const pairs = [window.slice(wrong - 1, wrong + 1), window.slice(wrong, wrong + 2)].filter((pair) => pair.length === 2);
        if (pairs.some(known)) continue;
        text = text.slice(0, at) + term + text.slice(at + term.length);
        break;
      }
    }
    return text;
  };

  const fixWord = (word: string): string => {
    if (word.length < MIN_ENGLISH_WORD || isKnownWord(word)) return word;
    const close = [...englishWords].filter((candidate) => Math.abs(candidate.length - word.length) <= 1 && isOneEditAway(word, candidate));
    return close.length === 1 ? close[0]! : word;
  };

  return (question: string): string => tokenizer.normalize(question).replace(HAN_RUN, fixHan).replace(WORD, fixWord);
}

/** The one position where two strings of equal length differ, or null when they differ in none or several. */
function differingAt(a: string, b: string): number | null {
  let at: number | null = null;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (at !== null) return null;
    at = i;
  }
  return at;
}

/** One substitution, insertion, deletion or swap of neighbours (Damerau–Levenshtein distance 1). */
export function isOneEditAway(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}
