import { join } from "node:path";
import { z } from "zod";
import { projectRoot } from "../paths.js";
import { readRulesFile } from "../rules/readRulesFile.js";

export const DEFAULT_OUT_OF_SCOPE_FILE = join(projectRoot, "rules", "faq-out-of-scope.json");

const pattern = z.string().refine((source) => {
  try {
    new RegExp(source, "u");
    return true;
  } catch {
    return false;
  }
}, "must be a valid regular expression");

export const outOfScopeFileSchema = z.strictObject({
  note: z.string(),
  topics: z.array(z.strictObject({ topic: z.string().min(1), pattern })).min(1),
});
export type OutOfScopeFile = z.infer<typeof outOfScopeFileSchema>;

export function loadOutOfScope(path: string = DEFAULT_OUT_OF_SCOPE_FILE): OutOfScopeFile {
  return readRulesFile(path, outOfScopeFileSchema);
}

/**
 * Whether a question is about a district service the Rules do not cover (housing, household
 * registration, company registration, another district's policy, ...). Such questions share
 * words with the Rules ("subsidy", "Tongzhou", "company"), so the retrieval's coverage threshold
 * alone would answer them with an unrelated Article.
 */
export function createOutOfScopeTest(file: OutOfScopeFile): (normalizedQuestion: string) => string | null {
  const topics = file.topics.map((topic) => ({ topic: topic.topic, pattern: new RegExp(topic.pattern, "u") }));
  return (normalizedQuestion) => topics.find((topic) => topic.pattern.test(normalizedQuestion))?.topic ?? null;
}
