import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../paths.js";
import { readRulesFile } from "../rules/readRulesFile.js";

export const DEFAULT_ARTICLES_FILE = join(projectRoot, "rules", "articles.json");

export const articleIdSchema = z.string().regex(/^(1[0-9]|[1-9])$/, "must be an Article number from 1 to 19");

const text = z.string().trim().min(1, "must not be empty");

export const articleSchema = z.strictObject({
  article: articleIdSchema,
  chapter: z.enum(["I", "II", "III", "IV", "V", "VI"]),
  titleEn: text,
  /** false when the published text has no title and titleEn is a descriptive one added here. */
  titleEnOfficial: z.boolean(),
  titleZh: text,
  summaryEn: text,
  summaryZh: text,
  /** The published English text, verbatim; clauses are separated by line breaks. */
  officialTextEn: text,
});

export const articlesFileSchema = z
  .strictObject({
    translationNote: text,
    articles: z.array(articleSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.articles.forEach((entry, index) => {
      if (seen.has(entry.article)) {
        ctx.addIssue({ code: "custom", path: ["articles", index, "article"], message: `Article ${entry.article} is listed twice` });
      }
      seen.add(entry.article);
    });
  });

export type Article = z.infer<typeof articleSchema>;
export type ArticlesFile = z.infer<typeof articlesFileSchema>;

/** Reads the Articles' texts; a malformed file throws a RulesFileError naming the file and the path in it. */
export function loadArticles(path: string = DEFAULT_ARTICLES_FILE): ArticlesFile {
  return readRulesFile(path, articlesFileSchema);
}
