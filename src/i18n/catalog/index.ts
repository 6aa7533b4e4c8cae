import type { Lang } from "../lang.js";
import { reasonsEn } from "./reasons.en.js";
import { reasonsZh } from "./reasons.zh.js";
import { resultEn } from "./result.en.js";
import { resultZh } from "./result.zh.js";
import { interviewEn } from "./interview.en.js";
import { interviewZh } from "./interview.zh.js";
import { screenEn } from "./screen.en.js";
import { screenZh } from "./screen.zh.js";
import { labelsEn } from "./labels.en.js";
import { labelsZh } from "./labels.zh.js";
import { botEn } from "./bot.en.js";
import { botZh } from "./bot.zh.js";
import { reportEn } from "./report.en.js";
import { reportZh } from "./report.zh.js";

/** Every user-facing message, per language; the English catalogue defines the keys. */
const en = { ...reasonsEn, ...resultEn, ...interviewEn, ...screenEn, ...labelsEn, ...botEn, ...reportEn };
export type MessageKey = keyof typeof en;

export const CATALOGS: Record<Lang, Record<MessageKey, string>> = {
  en,
  zh: { ...reasonsZh, ...resultZh, ...interviewZh, ...screenZh, ...labelsZh, ...botZh, ...reportZh },
};
