import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { langSchema } from "../../src/i18n/lang.js";
import { projectRoot } from "../../src/paths.js";

const labelledSchema = z.array(
  z.strictObject({
    q: z.string().min(1),
    lang: langSchema,
    /** The Article that must be cited first; null for a question the bot must refuse. */
    article: z.string().regex(/^(1[0-9]|[1-9])$/).nullable(),
  }),
);

export type LabelledQuestion = z.infer<typeof labelledSchema>[number];

/** A labelled set from test/faq/, read from the project root so that the bundled benchmark finds it too. */
export function loadLabelled(name: string): readonly LabelledQuestion[] {
  return labelledSchema.parse(JSON.parse(readFileSync(join(projectRoot, "test", "faq", name), "utf8")));
}

/** The set the retrieval was tuned on. */
export const LABELLED = loadLabelled("labelled-questions.json");

/** Written by someone who had not read the FAQ bank; measured before tuning, then tuned on. */
export const LABELLED_BLIND = loadLabelled("labelled-blind.json");

/** Questions about district services and other matters the Rules do not cover: each must be refused. */
export const LABELLED_OUT_OF_SCOPE = loadLabelled("labelled-out-of-scope.json");

/** Written by someone else after the tuning, and never tuned on: the honest estimate for unseen questions. */
export const LABELLED_AFTER_TUNING = loadLabelled("labelled-after-tuning.json");
