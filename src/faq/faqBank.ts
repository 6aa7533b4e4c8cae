import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../paths.js";
import type { InputIssue } from "../validation/issues.js";
import { articleIdSchema } from "./articles.js";
import { readRulesFile } from "../rules/readRulesFile.js";

export const DEFAULT_FAQ_FILE = join(projectRoot, "rules", "faq.json");

const text = z.string().trim().min(1, "must not be empty");

export const faqEntrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case, like vouchers-what"),
  /** Cited Articles, the most relevant first: the first one is quoted in the answer. */
  articles: z.array(articleIdSchema).min(1, "an entry must cite at least one Article"),
  questionEn: text,
  questionZh: text,
  answerEn: text,
  answerZh: text,
  /** Extra search terms in either language: colloquial names, abbreviations. */
  keywords: z.array(text).optional(),
});

export const faqBankSchema = z
  .strictObject({
    translationNote: text,
    entries: z.array(faqEntrySchema).min(1),
  })
  .superRefine((bank, ctx) => {
    const seen = new Set<string>();
    bank.entries.forEach((entry, index) => {
      if (seen.has(entry.id)) ctx.addIssue({ code: "custom", path: ["entries", index, "id"], message: `id ${entry.id} is used twice` });
      seen.add(entry.id);
    });
  });

export type FaqEntry = z.infer<typeof faqEntrySchema>;
export type FaqBank = z.infer<typeof faqBankSchema>;

/** Reads the FAQ bank; a malformed file throws a RulesFileError naming the file and the path in it. */
export function loadFaqBank(path: string = DEFAULT_FAQ_FILE): FaqBank {
  return readRulesFile(path, faqBankSchema);
}

/** Citations of Articles that the Articles file does not have, located in the bank. */
export function unknownCitations(bank: FaqBank, knownArticles: ReadonlySet<string>): InputIssue[] {
  return bank.entries.flatMap((entry, i) =>
    entry.articles.flatMap((article, j) =>
      knownArticles.has(article) ? [] : [{ path: `entries[${i}].articles[${j}]`, message: `Article ${article} is not in rules/articles.json` }],
    ),
  );
}
