import { z } from "zod";
import { ITEM_IDS, RECOGNITION_LEVELS } from "../engine/screening.js";
import { MAX_LISTED_PROJECTS } from "./validateAnswer.js";

/** The interview's questions as data (rules/questions.json): wording, the facts they fill, why they are asked. */

const bilingual = z.strictObject({ en: z.string().min(1), zh: z.string().min(1) });

/**
 * Article 16: what an option of the overlap question stands for: a whole item, one scenario
 * project (item 12), or, with `each`, one entry of a list (an Article 11 project, a recognition
 * of Article 8, whose clause its level decides: item "8"). The bank's `each` options are
 * expanded when it is loaded into one option per possible entry, with its `index`.
 */
const member = z.strictObject({
  item: z.enum([...ITEM_IDS, "8"]),
  each: z.enum(["infrastructure", "recognitions"]).optional(),
  index: z.number().int().min(0).optional(),
});
export type OverlapOptionMember = z.infer<typeof member>;

const option = z.strictObject({
  value: z.string().min(1).max(40),
  label: bilingual,
  /** Offered only while one of these items is still possible (not for what the applicant's kind can never get). */
  items: z.array(z.enum(ITEM_IDS)).min(1).optional(),
  /** Topic picker: facts that become known ("no"/"none") when this topic is not chosen. */
  ifNotChosen: z.record(z.string(), z.unknown()).optional(),
  /** Single choice: facts this option sets, where they are more than the option's value. */
  sets: z.record(z.string(), z.unknown()).optional(),
  member: member.optional(),
});

export const QUESTION_TYPES = ["yes_no", "single", "multi", "topics", "recognitions", "amount", "count", "text", "overlaps"] as const;

const question = z
  .strictObject({
    id: z.string().regex(/^[a-zA-Z]+$/),
    type: z.enum(QUESTION_TYPES),
    /** Screening paths the answer fills; `[]` marks the per-instance index of an `each` question. */
    paths: z.array(z.string().min(1)).min(1),
    text: bilingual,
    /** The words when the question is asked again for a further entry (another shared project). */
    textMore: bilingual.optional(),
    why: bilingual,
    help: bilingual,
    options: z.array(option).optional(),
    /** Asked first, in bank order, while they can still change the result. */
    opening: z.boolean().optional(),
    /**
     * Not about eligibility (the applicant's name): asked once, where it stands among the
     * opening questions, if the interview goes on after it; it never changes the result.
     */
    detail: z.boolean().optional(),
    /** The fact has a default (received… amounts): asked only while one of `items` is eligible. */
    defaulted: z.boolean().optional(),
    items: z.array(z.enum(ITEM_IDS)).optional(),
    /** Asked once per entry of this list in the screening. */
    each: z.enum(["recognitions", "infrastructure"]).optional(),
    /** A count that sets the length of a list (one entry per project). */
    makesList: z.boolean().optional(),
    /** A count of 0 also settles these facts (no year supported: nothing received), so they are not asked. */
    ifZero: z.record(z.string(), z.unknown()).optional(),
    /**
     * Offers, besides options without an amount, only those whose amount in the item's
     * money table (`param`) is lower than that of the value at `path` (Article 8: a promotion
     * comes from a lower-paid recognition).
     */
    optionsBelow: z.strictObject({ path: z.string().min(1), item: z.enum(ITEM_IDS), param: z.string().min(1) }).optional(),
  })
  .superRefine((q, ctx) => {
    const needsOptions = q.type === "single" || q.type === "multi" || q.type === "topics" || q.type === "recognitions" || q.type === "overlaps";
    if (needsOptions !== (q.options !== undefined)) ctx.addIssue({ code: "custom", path: ["options"], message: needsOptions ? "required for this type" : "only for choice questions" });
    if (q.defaulted && !q.items) ctx.addIssue({ code: "custom", path: ["items"], message: "a defaulted question names the items it can change" });
    if ((q.type === "text") !== (q.detail === true)) ctx.addIssue({ code: "custom", path: ["detail"], message: "text questions, and only they, are details" });
  });

export const bankSchema = z.strictObject({ version: z.literal(1), questions: z.array(question).min(1) }).superRefine((bank, ctx) => {
  const seen = new Set<string>();
  bank.questions.forEach((q, i) => {
    if (seen.has(q.id)) ctx.addIssue({ code: "custom", path: ["questions", i, "id"], message: `duplicate question id ${q.id}` });
    seen.add(q.id);
  });
});

export type Question = z.infer<typeof question>;
export type QuestionOption = z.infer<typeof option>;

export interface QuestionBank {
  questions: readonly Question[];
  byId: ReadonlyMap<string, Question>;
}

/** The bank of checked questions (rules/loadQuestions.ts reads and checks the file). */
export function questionBankOf(parsed: readonly Question[]): QuestionBank {
  const questions = parsed.map(expandEntries);
  return { questions, byId: new Map(questions.map((q) => [q.id, q])) };
}

/** The most entries of each list an overlap option can name. */
const MAX_ENTRIES = { infrastructure: MAX_LISTED_PROJECTS, recognitions: RECOGNITION_LEVELS.length } as const;

/**
 * One option per possible entry for the `each` options of the overlap question ("Infrastructure
 * project {n}" for n = 1…20): buttons and typed numbers then name options by a fixed index.
 */
function expandEntries(q: Question): Question {
  if (!q.options?.some((o) => o.member?.each)) return q;
  const options = q.options.flatMap((o) => {
    const each = o.member?.each;
    if (!each) return [o];
    return Array.from({ length: MAX_ENTRIES[each] }, (_, index) => ({
      ...o,
      value: `${o.value}:${index}`,
      label: { en: o.label.en.replace("{n}", String(index + 1)), zh: o.label.zh.replace("{n}", String(index + 1)) },
      member: { ...o.member!, index },
    }));
  });
  return { ...q, options };
}
