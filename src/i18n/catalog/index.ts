import type { Lang } from "../lang.js";
import { reasonsEn } from "./reasons.en.js";
import { reasonsZh } from "./reasons.zh.js";
import { resultEn } from "./result.en.js";
import { resultZh } from "./result.zh.js";

/** Every user-facing message, per language; the English catalogue defines the keys. */
const en = { ...reasonsEn, ...resultEn };
export type MessageKey = keyof typeof en;

export const CATALOGS: Record<Lang, Record<MessageKey, string>> = {
  en,
  zh: { ...reasonsZh, ...resultZh },
};
