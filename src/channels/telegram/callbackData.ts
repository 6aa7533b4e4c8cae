import { z } from "zod";
import { langSchema } from "../../i18n/lang.js";
import type { Action } from "../../conversation/index.js";
import { parseKey, questionKeySchema, type QuestionBank } from "../../interview/index.js";
import { caseIdSchema } from "../../store/caseId.js";

/**
 * Inline-button data, at most 64 bytes (Telegram's limit), as short `|`-separated fields: the
 * Telegram wire form of the conversation's actions.
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
  z.tuple([z.enum(["go", "new", "al"])]).transform(([name]) => (name === "al" ? { kind: "articles" as const } : { kind: name })),
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

type CallbackForm = z.infer<typeof callbackDataSchema>;

/**
 * Reads button data into the action it stands for; null for anything this bot did not write
 * (forged, from an older version, or naming an option the question does not have).
 */
export function decodeCallback(bank: QuestionBank, data: unknown): Action | null {
  const parsed = callbackDataSchema.safeParse(data);
  return parsed.success ? toAction(bank, parsed.data) : null;
}

function toAction(bank: QuestionBank, form: CallbackForm): Action | null {
  const options = "key" in form ? (parseKey(bank, form.key)?.question.options ?? []) : [];
  switch (form.kind) {
    case "move":
      return { kind: "move", move: form.move === "b" ? "back" : form.move === "s" ? "skip" : "result", turn: form.turn };
    case "toggle": {
      const option = options[form.index];
      return option ? { kind: "toggle", key: form.key, turn: form.turn, option: option.value } : null;
    }
    case "answer": {
      if (typeof form.value === "boolean") return { kind: "answer", key: form.key, turn: form.turn, value: form.value };
      const option = options[form.value];
      return option ? { kind: "answer", key: form.key, turn: form.turn, value: option.value } : null;
    }
    default:
      return form;
  }
}

/** The data of a button; null if it cannot be encoded (an option the question does not have). */
export function encodeAction(bank: QuestionBank, action: Action): string | null {
  const option = (key: string, value: string) => parseKey(bank, key)?.question.options?.findIndex((o) => o.value === value) ?? -1;
  switch (action.kind) {
    case "answer": {
      if (typeof action.value === "boolean") return `a|${action.turn}|${action.key}|${action.value ? "y" : "n"}`;
      const i = option(action.key, action.value);
      return i < 0 ? null : `a|${action.turn}|${action.key}|o${i}`;
    }
    case "toggle": {
      const i = option(action.key, action.option);
      return i < 0 ? null : `t|${action.turn}|${action.key}|${i}`;
    }
    case "done":
      return `d|${action.turn}|${action.key}`;
    case "confirm":
      return `c|${action.turn}|${action.key}|${action.yes ? "y" : "n"}`;
    case "move":
      return `${action.move === "back" ? "b" : action.move === "skip" ? "s" : "r"}|${action.turn}`;
    case "go":
    case "new":
      return action.kind;
    case "articles":
      return "al";
    case "lang":
      return `l|${action.lang}`;
    case "article":
      return `ar|${action.article}`;
    case "delete":
      return `del|${action.yes ? "y" : "n"}`;
    case "explain":
      return `x|${action.caseId}`;
    case "report":
      return `rp|${action.caseId}`;
  }
}
