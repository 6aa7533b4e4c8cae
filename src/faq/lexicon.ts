import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../paths.js";
import { readRulesFile } from "../rules/readRulesFile.js";

export const DEFAULT_SYNONYMS_FILE = join(projectRoot, "rules", "faq-synonyms.json");
export const DEFAULT_STOPWORDS_FILE = join(projectRoot, "rules", "faq-stopwords.json");

const term = z.string().trim().min(1, "must not be empty");

export const synonymsFileSchema = z.strictObject({
  note: z.string(),
  /** Single characters replaced before tokenizing (a common variant by the standard form). */
  charFolds: z.record(z.string().length(1, "must be one character"), z.string().length(1, "must be one character")),
  /** Whole words replaced before tokenizing (British by American spelling). */
  wordFolds: z.record(z.string().regex(/^[a-z]+$/, "must be a lower-case word"), z.string().regex(/^[a-z]+$/, "must be a lower-case word")),
  groups: z.array(z.array(term).min(2, "a synonym group needs at least two terms")),
});

export const stopwordsFileSchema = z.strictObject({
  note: z.string(),
  en: z.array(term),
  zh: z.array(term),
});

export type SynonymsFile = z.infer<typeof synonymsFileSchema>;
export type StopwordsFile = z.infer<typeof stopwordsFileSchema>;

/** Everything the tokenizer and the query expansion read from data. */
export interface Lexicon {
  synonyms: SynonymsFile;
  stopwords: StopwordsFile;
}

export function loadLexicon(synonymsFile = DEFAULT_SYNONYMS_FILE, stopwordsFile = DEFAULT_STOPWORDS_FILE): Lexicon {
  return {
    synonyms: readRulesFile(synonymsFile, synonymsFileSchema),
    stopwords: readRulesFile(stopwordsFile, stopwordsFileSchema),
  };
}
