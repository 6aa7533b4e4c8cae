import { z } from "zod";

export const LANGS = ["zh", "en"] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;
