import type { Evaluation, Reason } from "../engine/outcome.js";
import type { ItemId } from "../engine/screening.js";
import type { Lang } from "../i18n/lang.js";
import type { MessageKey } from "../i18n/catalog/index.js";
import type { MessageParams } from "../i18n/translate.js";
import type { AnswerValue } from "./state.js";

/** What the interview says, as data; each front end renders it (numbered lists, inline keyboards). */
export type OutMessage =
  | { type: "notice"; key: MessageKey; params?: MessageParams }
  /** `about` is the estimated number of questions in all, null while it is not yet known. */
  /** `options`: the values of the options offered now, in order (choice questions); `[]` otherwise. */
  | { type: "question"; key: string; turn: number; n: number; about: number | null; soFarFen: number; ticked: string[]; options: string[] }
  | { type: "confirm_amount"; key: string; turn: number; fen: number }
  /** Items an answer has ruled out for good (enterprise-only Articles for a social organisation), and why. */
  | { type: "excluded"; items: ItemId[]; reason: Reason }
  /** Help with the question `key`: how to answer it, and the commands. */
  | { type: "help"; key: string }
  /** A question typed mid-interview, for the conversation layer to answer from the FAQ. */
  | { type: "faq"; question: string }
  | { type: "result"; evaluation: Evaluation; final: boolean }
  | { type: "summary"; entries: { n: number; key: string; value: AnswerValue | null }[] };

/** What can happen to an interview: buttons carry the question key and turn they were shown with. */
export type InterviewEvent =
  | { type: "start" }
  | { type: "answer"; key: string; turn: number; value: unknown }
  | { type: "toggle"; key: string; turn: number; option: string }
  | { type: "done"; key: string; turn: number }
  | { type: "confirm"; key: string; turn: number; yes: boolean }
  | { type: "text"; text: string }
  | { type: "back" }
  | { type: "skip" }
  | { type: "result" }
  | { type: "restart" }
  | { type: "summary" }
  | { type: "edit"; n: number }
  | { type: "lang"; lang: Lang };
