import { z } from "zod";
import { hasWholeFen, MAX_YUAN } from "../engine/money.js";
import { isoDate, ITEM_IDS, SECTORS } from "../engine/screening.js";

/** The shape of the files in rules/: the policy's amounts, rates, caps and dates, next to their text. */

const bilingual = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });
const bilingualList = z.strictObject({ en: z.array(z.string().min(1)).min(1), zh: z.array(z.string().min(1)).min(1) });
const yuan = z.number().min(0).max(MAX_YUAN).refine(hasWholeFen, { error: "must have at most two decimals" });

/** What a parameter is worth: an amount, a rate, a number of years or a table of amounts. */
const money = { yuan };
const rate = { percent: z.number().gt(0).max(100) };
const years = { years: z.number().int().min(1).max(100) };
const moneyTable = { yuanByKey: z.record(z.string(), yuan) };

/** Every value quotes the words it comes from: the Rules' official text, or, with `source`, an annual guideline. */
const text = z.string().min(1);

/** A guideline's name and section, in each language the results are written in. */
export type GuidelineName = z.infer<typeof bilingual>;
export const GUIDELINE_EXAMPLE = '{ "en": "2026 funding guideline §3", "zh": "2026年度申报指南第三条" }';

/**
 * Checked as a refinement rather than as an object, so that zod reports a missing language at
 * its own path instead of "invalid input" for the whole parameter (a union tries every form).
 */
const guidelineName = z.unknown().transform((value, ctx): GuidelineName => {
  const parsed = bilingual.safeParse(value);
  if (parsed.success) return parsed.data;
  const languages = typeof value === "object" && value !== null && !Array.isArray(value);
  if (!languages) ctx.addIssue({ code: "custom", continue: true, message: `name the guideline in both languages: ${GUIDELINE_EXAMPLE}` });
  else for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", continue: true, path: issue.path, message: guidelineIssue(issue) });
  return z.NEVER;
});

function guidelineIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return `only "en" and "zh": ${issue.keys.join(", ")} is not a language of the results`;
  const language = issue.path[0] === "zh" ? "Chinese" : "English";
  return `the guideline's name in ${language} is missing: results in ${language} name it, e.g. ${GUIDELINE_EXAMPLE}`;
}

const dated = { from: isoDate, text, source: guidelineName.optional() };

/**
 * A parameter has one value (`{ "yuan": 123456, "text": "…" }`), or values by date, as an annual
 * guideline changes it: `{ "values": [{ "from": "…", "yuan": 123456, "text": "…" }, { "from": "…",
 * "yuan": 125000, "text": "…", "source": "… guideline §3" }] }`; each is in force from its date.
 */
export const parameterSchema = z.union([
  z.strictObject({ ...money, text }),
  z.strictObject({ ...rate, text }),
  z.strictObject({ ...years, text }),
  z.strictObject({ ...moneyTable, text }),
  z.strictObject({
    values: z
      .array(
        z.union([
          z.strictObject({ ...money, ...dated }),
          z.strictObject({ ...rate, ...dated }),
          z.strictObject({ ...years, ...dated }),
          z.strictObject({ ...moneyTable, ...dated }),
        ]),
      )
      .min(1, "a dated parameter needs at least one value"),
  }),
]);
export type Parameter = z.infer<typeof parameterSchema>;
export type DatedValue = Extract<Parameter, { values: unknown }>["values"][number];
/** One value with the words it quotes, whichever form the parameter is written in. */
export type ParameterValue = Exclude<Parameter, { values: unknown }>;
export const interpretationSchema = z.strictObject({
  /** The words of the clause that leave room. */
  clause: z.string().min(1),
  /** How this version of the rules reads them. */
  reading: z.string().min(1),
});

/** One support item of an Article (Article 8 and 10 have two, one per clause). */
export const itemTextSchema = z.strictObject({
  id: z.enum(ITEM_IDS),
  /** The clause number inside the Article, or null where the Article has one item. */
  clause: z.string().nullable(),
  title: bilingual,
  /** The official English words of the clause the item rests on. */
  clauseText: z.string().min(1),
  conditions: bilingualList,
  /** Typical documents to prepare: indicative only, the annual guideline's list prevails. */
  documents: bilingualList,
});
export type ItemText = z.infer<typeof itemTextSchema>;

/** One file per Article in rules/items/: its official text, parameters and interpretations. */
export const articleRulesSchema = z.strictObject({
  article: z.string().regex(/^\d+$/),
  title: bilingual,
  officialText: z.string().min(1),
  parameters: z.record(z.string(), parameterSchema),
  interpretations: z.array(interpretationSchema),
  items: z.array(itemTextSchema).min(1),
});
export type ArticleRules = z.infer<typeof articleRulesSchema>;

export const policySchema = z.strictObject({
  version: z.string().regex(/^[a-z0-9.-]+$/),
  title: bilingual,
  source: z.string().min(1),
  translationNote: bilingual,
  validity: z.strictObject({
    article: z.literal("19"),
    validFrom: isoDate,
    validUntil: isoDate,
    interpretation: z.string().min(1),
  }),
  targets: z.strictObject({
    article: z.literal("1"),
    eligibleSectors: z.array(z.enum(SECTORS)).min(1),
    interpretation: z.string().min(1),
  }),
  noDuplication: z.strictObject({
    article: z.literal("16"),
    interpretation: z.string().min(1),
  }),
  disclaimer: z.strictObject({ articles: z.array(z.string()), text: bilingual }),
});
export type PolicyRules = z.infer<typeof policySchema>;
