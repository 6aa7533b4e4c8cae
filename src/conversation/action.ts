import { z } from "zod";
import { langSchema } from "../i18n/lang.js";
import type { InterviewEvent } from "../interview/index.js";
import { questionKeySchema } from "../interview/index.js";
import { caseIdSchema } from "../store/caseId.js";

/**
 * What a button stands for, whatever the channel: Telegram packs it into 64 bytes of callback
 * data, the web sends it as JSON. Interview actions carry the question and turn they were shown
 * with, so a double tap or an old message is recognised and changes nothing.
 */
const turn = z.number().int().min(0).max(999_999_999);
const key = questionKeySchema;
const optionValue = z.string().min(1).max(100);

export const actionSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("answer"), key, turn, value: z.union([z.boolean(), optionValue]) }),
  z.strictObject({ kind: z.literal("toggle"), key, turn, option: optionValue }),
  z.strictObject({ kind: z.literal("done"), key, turn }),
  z.strictObject({ kind: z.literal("confirm"), key, turn, yes: z.boolean() }),
  z.strictObject({ kind: z.literal("move"), move: z.enum(["back", "skip", "result"]), turn }),
  /** Start or continue the screening; `new` starts afresh. */
  z.strictObject({ kind: z.literal("go") }),
  z.strictObject({ kind: z.literal("new") }),
  z.strictObject({ kind: z.literal("lang"), lang: langSchema }),
  z.strictObject({ kind: z.literal("articles") }),
  z.strictObject({ kind: z.literal("article"), article: z.string().regex(/^(1[0-9]|[1-9])$/) }),
  z.strictObject({ kind: z.literal("delete"), yes: z.boolean() }),
  z.strictObject({ kind: z.literal("explain"), caseId: caseIdSchema }),
  z.strictObject({ kind: z.literal("report"), caseId: caseIdSchema }),
]);

export type Action = z.infer<typeof actionSchema>;
export type InterviewAction = Extract<Action, { turn: number }>;

export const isInterviewAction = (action: Action): action is InterviewAction => "turn" in action;

/** The action of an interview button shown at `shownTurn`; null for events no button stands for. */
export function actionOfEvent(event: InterviewEvent, shownTurn: number): Action | null {
  switch (event.type) {
    case "answer":
      return typeof event.value === "boolean" || typeof event.value === "string" ? { kind: "answer", key: event.key, turn: event.turn, value: event.value } : null;
    case "toggle":
      return { kind: "toggle", key: event.key, turn: event.turn, option: event.option };
    case "done":
      return { kind: "done", key: event.key, turn: event.turn };
    case "confirm":
      return { kind: "confirm", key: event.key, turn: event.turn, yes: event.yes };
    case "back":
    case "skip":
    case "result":
      return { kind: "move", move: event.type, turn: shownTurn };
    case "restart":
      return { kind: "new" };
    default:
      return null;
  }
}

/** The interview event an interview action stands for. */
export function eventOfAction(action: InterviewAction): InterviewEvent {
  switch (action.kind) {
    case "move":
      return { type: action.move };
    case "answer":
      return { type: "answer", key: action.key, turn: action.turn, value: action.value };
    case "toggle":
      return { type: "toggle", key: action.key, turn: action.turn, option: action.option };
    case "done":
      return { type: "done", key: action.key, turn: action.turn };
    case "confirm":
      return { type: "confirm", key: action.key, turn: action.turn, yes: action.yes };
  }
}
