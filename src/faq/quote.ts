import { FAQ_CONFIG } from "./config.js";

/** A sentence of an Article's official text, with its search terms. */
export interface QuoteSentence {
  text: string;
  terms: ReadonlySet<string>;
}

/**
 * The sentence that shares the most (idf-weighted) terms with the focus, verbatim; cut at a word
 * boundary with "…" when long. The first sentence when none shares a term.
 */
export function pickQuote(sentences: readonly QuoteSentence[], focus: ReadonlySet<string>, idf: (term: string) => number): string {
  let best = sentences[0]!;
  let bestScore = 0;
  for (const sentence of sentences) {
    let score = 0;
    for (const term of sentence.terms) if (focus.has(term)) score += idf(term);
    if (score > bestScore) {
      best = sentence;
      bestScore = score;
    }
  }
  return shorten(best.text, FAQ_CONFIG.quoteMaxChars);
}

/** Lines are clauses; within a line, a full stop or semicolon ends a sentence, but "1." numbers a clause. */
export function splitSentences(text: string): string[] {
  return text
    .split("\n")
    .flatMap((line) => line.split(/(?<=[.;])(?<!^\d\.)\s+(?=[A-Z])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

function shorten(sentence: string, max: number): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.lastIndexOf(" ", max - 1);
  return `${sentence.slice(0, cut > 0 ? cut : max - 1).replace(/[,;:]$/, "")}…`;
}
