import { FAQ_CONFIG } from "./config.js";
import type { Lexicon } from "./lexicon.js";
import { isHanUnigram, type Tokenizer } from "./tokenize.js";

/** Query terms with weights: the user's own words, then synonyms at a lower weight. */
export type WeightedQuery = Map<string, number>;

interface GroupTerm {
  /** Chinese terms are found as substrings: unsegmented text has no word boundaries. */
  han: string | null;
  tokens: string[];
}

const HAN = /\p{Script=Han}/u;

export function termWeight(term: string): number {
  return isHanUnigram(term) ? FAQ_CONFIG.hanUnigramWeight : 1;
}

/** Builds the query expansion from the synonym groups in rules/faq-synonyms.json. */
export function createQueryExpander(lexicon: Lexicon, tokenizer: Tokenizer): (question: string) => WeightedQuery {
  const groups: GroupTerm[][] = lexicon.synonyms.groups.map((group) =>
    group.map((term) => ({
      han: HAN.test(term) ? tokenizer.normalize(term) : null,
      tokens: tokenizer.tokenize(term),
    })),
  );

  return (question) => {
    const text = tokenizer.normalize(question);
    const tokens = tokenizer.tokenize(question);
    const query: WeightedQuery = new Map();
    const add = (term: string, weight: number): void => {
      if ((query.get(term) ?? 0) < weight) query.set(term, weight);
    };
    for (const term of tokens) add(term, termWeight(term));
    for (const group of groups) {
      if (!group.some((term) => occursIn(term, text, tokens))) continue;
      for (const term of group) {
        for (const token of term.tokens) add(token, FAQ_CONFIG.synonymWeight * termWeight(token));
      }
    }
    return query;
  };
}

function occursIn(term: GroupTerm, text: string, tokens: readonly string[]): boolean {
  if (term.han !== null) return text.includes(term.han);
  if (term.tokens.length === 0) return false;
  for (let i = 0; i + term.tokens.length <= tokens.length; i++) {
    if (term.tokens.every((token, j) => tokens[i + j] === token)) return true;
  }
  return false;
}
