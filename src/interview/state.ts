import { z } from "zod";
import { langSchema } from "../i18n/lang.js";
import { isoDate } from "../engine/screening.js";
import { MAX_TEXT_LENGTH } from "./validateAnswer.js";

/** What an answer records: yes/no, an option or a name, several options, an amount in fen, or a count. */
export const answerValueSchema = z.union([z.boolean(), z.string().max(MAX_TEXT_LENGTH), z.array(z.string().max(40)).max(20), z.number().int().min(0)]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** `key` is a question id, with `#i` for the i-th entry of a list (`projectInvestment#0`). */
export const questionKeySchema = z.string().regex(/^[a-zA-Z]+(#\d{1,3})?$/);

/** One answer in the order given; `null` is "don't know". */
export const logEntrySchema = z.strictObject({ key: questionKeySchema, value: answerValueSchema.nullable() });
export type LogEntry = z.infer<typeof logEntrySchema>;

export const INTERVIEW_STATE_VERSION = 1;

/**
 * The whole interview as plain data, persisted and resumed byte for byte. The screening is
 * not stored: it is rebuilt from the answers, so undo and edit are just changes to `log`.
 */
export const interviewStateSchema = z.strictObject({
  v: z.literal(INTERVIEW_STATE_VERSION),
  lang: langSchema,
  asOf: isoDate,
  log: z.array(logEntrySchema).max(500),
  /** The question on screen, and a counter that makes stale buttons recognisable. */
  current: questionKeySchema.nullable(),
  turn: z.number().int().min(0),
  /** Set when `current` was reopened from the summary: its answer replaces the old one. */
  editing: z.boolean(),
  /** An amount typed but not yet confirmed. */
  pending: z.number().int().min(0).nullable(),
  /** Options ticked so far on a multiple-choice question. */
  ticked: z.array(z.string().max(40)).max(20),
  done: z.boolean(),
});
export type InterviewState = z.infer<typeof interviewStateSchema>;

export function initialState(lang: "zh" | "en", asOf: string): InterviewState {
  return { v: INTERVIEW_STATE_VERSION, lang, asOf, log: [], current: null, turn: 0, editing: false, pending: null, ticked: [], done: false };
}
