import { readFileSync } from "node:fs";
import { z } from "zod";
import { langSchema } from "../../src/i18n/lang.js";

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
  JSON.parse(readFileSync(new URL("./labelled-questions.json", import.meta.url), "utf8")),
);
