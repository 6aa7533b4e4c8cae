import { FAQ_CONFIG } from "./config.js";
import type { Bm25Index } from "./bm25.js";
import type { Lexicon } from "./lexicon.js";
import { isHanUnigram, type Tokenizer } from "./tokenize.js";

/** Weighted terms that together stand for one way of saying something. */
export type Alternative = ReadonlyMap<string, number>;

/**
 * One concept of the question: a word of the user's, or a synonym group the question mentions.
 * A document is credited with its best alternative only, so a concept that has many synonyms
 * does not outweigh one that has none.
 */
export interface Clause {
  /** The first alternative is what the user wrote; the others are its synonyms. */
  alternatives: readonly Alternative[];
}

interface Phrase {
  /** Chinese phrases are found as substrings: unsegmented text has no word boundaries. */
  han: string | null;
  tokens: string[];
}

interface Match {
  group: number;
  phrases: Set<number>;
  /** Where the phrase was found: characters for Chinese, token positions for English. */
  space: "han" | "token";
  start: number;
  end: number;
}

const HAN = /\p{Script=Han}/u;

function termWeight(term: string): number {
  return isHanUnigram(term) ? FAQ_CONFIG.hanUnigramWeight : 1;
}

/** Builds the question's clauses, expanding synonyms from rules/faq-synonyms.json. */
export function createQueryBuilder(lexicon: Lexicon, tokenizer: Tokenizer, bm25: Bm25Index): (question: string) => Clause[] {
  const known = (term: string): boolean => bm25.postings(term).length > 0;
  const idfOf = (alternative: Alternative): number => [...alternative].reduce((sum, [term, weight]) => sum + weight * bm25.idf(term), 0);
  const groups = phraseGroups(lexicon, tokenizer);

  return (question) => {
    const text = tokenizer.contentText(question);
    const tokens = tokenizer.tokenize(question);
    const matches = longestMatches(findMatches(groups, text, tokens));
    const covered = new Set<string>();
    const clauses: Clause[] = [];
    for (const match of matches) {
      const group = groups[match.group]!;
      const own = new Map<string, number>();
      const others: Map<string, number>[] = [];
      group.forEach((phrase, i) => {
        if (match.phrases.has(i)) for (const token of phrase.tokens) own.set(token, termWeight(token));
        else if (phrase.tokens.length > 0) others.push(new Map(phrase.tokens.map((token) => [token, termWeight(token)])));
      });
      for (const token of own.keys()) covered.add(token);
      // A long synonym ("信息技术应用创新", sixteen terms) must not outweigh the short word it
      // stands for ("itai") many times over.
      const ceiling = FAQ_CONFIG.maxSynonymIdfRatio * idfOf(own);
      const scaled = others.map((alternative) => scale(alternative, FAQ_CONFIG.synonymWeight * Math.min(1, ceiling / idfOf(alternative))));
      clauses.push({ alternatives: [own, ...scaled] });
    }
    for (const token of new Set(tokens)) {
      if (covered.has(token) || isBoundaryBigram(token, known)) continue;
      clauses.push({ alternatives: [new Map([[token, termWeight(token)]])] });
    }
    return clauses.filter((clause) => clause.alternatives[0]!.size > 0);
  };
}

/**
 * The synonym groups (by index in rules/faq-synonyms.json) a text names, longest match first:
 * "model vouchers" names the model-voucher group, not also the groups of "model" and "voucher".
 */
export function createConceptFinder(lexicon: Lexicon, tokenizer: Tokenizer): (text: string) => Set<number> {
  const groups = phraseGroups(lexicon, tokenizer);
  return (text) => new Set(longestMatches(findMatches(groups, tokenizer.contentText(text), tokenizer.tokenize(text))).map((match) => match.group));
}

function phraseGroups(lexicon: Lexicon, tokenizer: Tokenizer): Phrase[][] {
  return lexicon.synonyms.groups.map((group) =>
    group.map((term) => ({ han: HAN.test(term) ? tokenizer.contentText(term) : null, tokens: tokenizer.tokenize(term) })),
  );
}

function scale(alternative: ReadonlyMap<string, number>, factor: number): Alternative {
  return new Map([...alternative].map(([term, weight]) => [term, weight * factor]));
}

/**
 * Unsegmented Chinese yields bigrams across word boundaries ("算力券是" → "券是"). One that no
 * document contains, made of characters the documents do contain, is such an artefact and would
 * only make the question look less covered than it is; an unknown character still counts.
 */
function isBoundaryBigram(token: string, known: (term: string) => boolean): boolean {
  const chars = [...token];
  return chars.length === 2 && chars.every((ch) => HAN.test(ch) && known(ch)) && !known(token);
}

function findMatches(groups: Phrase[][], text: string, tokens: readonly string[]): Match[] {
  const matches: Match[] = [];
  groups.forEach((group, g) => {
    group.forEach((phrase, p) => {
      const found = locate(phrase, text, tokens);
      if (!found) return;
      const same = matches.find((m) => m.group === g && m.space === found.space && m.start === found.start && m.end === found.end);
      if (same) same.phrases.add(p);
      else matches.push({ group: g, phrases: new Set([p]), ...found });
    });
  });
  return matches;
}

function locate(phrase: Phrase, text: string, tokens: readonly string[]): Pick<Match, "space" | "start" | "end"> | null {
  if (phrase.han !== null) {
    if (phrase.han === "") return null;
    const start = text.indexOf(phrase.han);
    return start < 0 ? null : { space: "han", start, end: start + phrase.han.length };
  }
  const n = phrase.tokens.length;
  if (n === 0) return null;
  for (let i = 0; i + n <= tokens.length; i++) {
    if (phrase.tokens.every((token, j) => tokens[i + j] === token)) return { space: "token", start: i, end: i + n };
  }
  return null;
}

/** "算力券" is one concept, not also "算力" and "券": a match inside a longer one is dropped. */
function longestMatches(matches: Match[]): Match[] {
  const inside = (a: Match, b: Match): boolean =>
    a !== b && a.space === b.space && b.start <= a.start && a.end <= b.end && b.end - b.start > a.end - a.start;
  const byGroup = new Map<number, Match>();
  for (const match of matches.filter((m) => !matches.some((other) => inside(m, other)))) {
    // One group found at several places is one concept.
    const first = byGroup.get(match.group);
    if (first) for (const p of match.phrases) first.phrases.add(p);
    else byGroup.set(match.group, match);
  }
  return [...byGroup.values()];
}
