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

export const LABELLED: readonly LabelledQuestion[] = labelledSchema.parse(
  // From the project root, so the bundled benchmark finds it too.
  JSON.parse(readFileSync(join(projectRoot, "test", "faq", "labelled-questions.json"), "utf8")),
);
