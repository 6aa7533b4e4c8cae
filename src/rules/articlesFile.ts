import { z } from "zod";

export const articleIdSchema = z.string().regex(/^(1[0-9]|[1-9])$/, "must be an Article number from 1 to 19");

const text = z.string().trim().min(1, "must not be empty");

const articleFields = {
  article: articleIdSchema,
  chapter: z.enum(["I", "II", "III", "IV", "V", "VI"]),
  titleEn: text,
  /** false when the published text has no title and titleEn is a descriptive one added here. */
  titleEnOfficial: z.boolean(),
  titleZh: text,
  summaryEn: text,
  summaryZh: text,
};

/** An Article as everything that shows or quotes it reads it: with its published English text, verbatim (clauses on separate lines). */
export const articleSchema = z.strictObject({ ...articleFields, officialTextEn: text });

/**
 * An Article as rules/articles.json holds it. The official text of an Article with support items
 * lives in its rules/items file, next to the parameters that quote it, and is left out here.
 */
export const articleEntrySchema = z.strictObject({ ...articleFields, officialTextEn: text.optional() });

export const articlesFileSchema = z
  .strictObject({
    translationNote: text,
    articles: z.array(articleEntrySchema).min(1),
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
export type ArticlesFileEntries = z.infer<typeof articlesFileSchema>;
/** The Articles with every official text filled in from its one source. */
export interface ArticlesFile {
  translationNote: string;
  articles: Article[];
}
