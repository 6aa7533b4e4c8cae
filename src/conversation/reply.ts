import type { Evaluation } from "../engine/outcome.js";
import type { Action } from "./action.js";

/** A button: its label and what pressing it does. */
export interface Choice {
  label: string;
  action: Action;
}

/** How a question is answered: by its buttons, or by typing (amounts, counts, names). */
export type AnswerKind = "yes_no" | "single" | "multi" | "amount" | "count" | "text" | "confirm";

export interface QuestionView {
  key: string;
  turn: number;
  answer: AnswerKind;
  /** The options in order, ticked or not: a terminal numbers them. */
  options: { label: string; ticked: boolean }[];
  /** What to type to answer without buttons. */
  typingHint?: string;
  /** How to use the buttons where that is not obvious (tick several, then Done). */
  buttonHint?: string;
}

/**
 * What a turn says, as data; each channel renders it in its own wire format. `inPlace` asks a
 * channel that can to show the reply in place of the message whose button was pressed
 * (Telegram edits that message); others show it as a new message.
 */
export type Reply =
  /** A short note: "saved", "that button is stale", "I couldn't read that amount". */
  | { type: "notice"; text: string }
  | { type: "message"; text: string; choices?: Choice[][]; inPlace?: boolean }
  | { type: "question"; text: string; choices: Choice[][]; inPlace: boolean; question: QuestionView }
  | { type: "result"; text: string; final: boolean; evaluation: Evaluation; choices?: Choice[][] }
  | { type: "document"; filename: string; mediaType: "text/html" | "text/csv"; content: string; caption: string };

/** How a turn ended, for the log line each turn gets. */
export type Outcome = "ok" | "stale" | "forged" | "refused" | "ignored" | "error" | "dropped";

/**
 * The replies of one turn. `later` holds what takes longer (an FAQ answer or an explanation
 * through an LLM): a channel shows `replies` at once, a typing sign meanwhile, then `later`.
 */
export interface Turn {
  replies: Reply[];
  later: Promise<Reply[]> | null;
  outcome: Outcome;
  /** The replies start something new (a screening): shown as new messages even after a button press, notes included. */
  standalone?: boolean;
}

export const notice = (text: string): Reply => ({ type: "notice", text });
export const message = (text: string, choices?: Choice[][], inPlace?: boolean): Reply => ({ type: "message", text, ...(choices ? { choices } : {}), ...(inPlace ? { inPlace } : {}) });
export const turnOf = (replies: Reply[], outcome: Outcome = "ok", later: Promise<Reply[]> | null = null): Turn => ({ replies, later, outcome });
