import { z } from "zod";
import { langSchema } from "../i18n/lang.js";
import type { InterviewEvent } from "../interview/messages.js";
import type { QuestionBank } from "../interview/questionBank.js";
import { parseKey } from "../interview/buildScreening.js";
import { questionKeySchema } from "../interview/state.js";
import { caseIdSchema } from "../store/caseId.js";

/**
 * Inline-button data, at most 64 bytes (Telegram's limit), as short `|`-separated fields.
 * Interview buttons carry the turn they were shown in, so a double tap or an old message is
 * recognisable; options travel by index because some option values alone exceed 64 bytes.
 *
 *   a|<turn>|<key>|y|n|o<i>   answer yes / no / option i      t|<turn>|<key>|<i>  toggle option i
 *   d|<turn>|<key>            done (multiple choice)          c|<turn>|<key>|y|n  confirm an amount
 *   b|<turn> s|<turn> r|<turn> back, skip (don't know), result so far
 *   go  new  l|<lang>  al  ar|<n>  del|y|n  x|<case>  rp|<case>
 */
export const MAX_CALLBACK_BYTES = 64;

const turn = z.string().regex(/^\d{1,9}$/).transform(Number);
const key = questionKeySchema;
const yesNo = z.enum(["y", "n"]).transform((v) => v === "y");
const optionIndex = z.string().regex(/^\d{1,2}$/).transform(Number);

const forms = z.union([
  z.tuple([z.literal("a"), turn, key, z.union([yesNo, z.string().regex(/^o\d{1,2}$/).transform((v) => Number(v.slice(1)))])])
    .transform(([, t, k, v]) => ({ kind: "answer" as const, turn: t, key: k, value: v })),
  z.tuple([z.literal("t"), turn, key, optionIndex]).transform(([, t, k, i]) => ({ kind: "toggle" as const, turn: t, key: k, index: i })),
  z.tuple([z.literal("d"), turn, key]).transform(([, t, k]) => ({ kind: "done" as const, turn: t, key: k })),
  z.tuple([z.literal("c"), turn, key, yesNo]).transform(([, t, k, yes]) => ({ kind: "confirm" as const, turn: t, key: k, yes })),
  z.tuple([z.enum(["b", "s", "r"]), turn]).transform(([move, t]) => ({ kind: "move" as const, move, turn: t })),
  z.tuple([z.enum(["go", "new", "al"])]).transform(([name]) => ({ kind: name })),
  z.tuple([z.literal("l"), langSchema]).transform(([, lang]) => ({ kind: "lang" as const, lang })),
  z.tuple([z.literal("ar"), z.string().regex(/^(1[0-9]|[1-9])$/)]).transform(([, article]) => ({ kind: "article" as const, article })),
  z.tuple([z.literal("del"), yesNo]).transform(([, yes]) => ({ kind: "delete" as const, yes })),
  z.tuple([z.enum(["x", "rp"]), caseIdSchema]).transform(([name, caseId]) => ({ kind: name === "x" ? ("explain" as const) : ("report" as const), caseId })),
]);

const callbackDataSchema = z
  .string()
  .refine((data) => Buffer.byteLength(data) <= MAX_CALLBACK_BYTES)
  .transform((data) => data.split("|"))
  .pipe(forms);

export type CallbackAction = z.infer<typeof callbackDataSchema>;
export type InterviewAction = Extract<CallbackAction, { turn: number }>;

/** Reads button data; null for anything this bot did not write (forged, or from an older version). */
export function parseCallbackData(data: unknown): CallbackAction | null {
  const parsed = callbackDataSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/** The data of an interview button: the event it stands for, shown at `turn`. Null if it cannot be encoded. */
export function encodeEvent(bank: QuestionBank, event: InterviewEvent, shownTurn: number): string | null {
  const option = (k: string, value: string) => parseKey(bank, k)?.question.options?.findIndex((o) => o.value === value) ?? -1;
  switch (event.type) {
    case "answer": {
      if (typeof event.value === "boolean") return `a|${event.turn}|${event.key}|${event.value ? "y" : "n"}`;
      const i = typeof event.value === "string" ? option(event.key, event.value) : -1;
      return i < 0 ? null : `a|${event.turn}|${event.key}|o${i}`;
    }
    case "toggle": {
      const i = option(event.key, event.option);
      return i < 0 ? null : `t|${event.turn}|${event.key}|${i}`;
    }
    case "done":
      return `d|${event.turn}|${event.key}`;
    case "confirm":
      return `c|${event.turn}|${event.key}|${event.yes ? "y" : "n"}`;
    case "back":
      return `b|${shownTurn}`;
    case "skip":
      return `s|${shownTurn}`;
    case "result":
      return `r|${shownTurn}`;
    case "restart":
      return "new";
    default:
      return null;
  }
}

/** The interview event an interview button stands for; null when it names an option that does not exist. */
export function toInterviewEvent(bank: QuestionBank, action: InterviewAction): InterviewEvent | null {
  if (action.kind === "move") return { type: action.move === "b" ? "back" : action.move === "s" ? "skip" : "result" };
  if (action.kind === "done") return { type: "done", key: action.key, turn: action.turn };
  if (action.kind === "confirm") return { type: "confirm", key: action.key, turn: action.turn, yes: action.yes };
  const options = parseKey(bank, action.key)?.question.options ?? [];
  if (action.kind === "toggle") {
    const option = options[action.index];
    return option ? { type: "toggle", key: action.key, turn: action.turn, option: option.value } : null;
  }
  if (typeof action.value === "boolean") return { type: "answer", key: action.key, turn: action.turn, value: action.value };
  const option = options[action.value];
  return option ? { type: "answer", key: action.key, turn: action.turn, value: option.value } : null;
}
