import { MAX_FEN } from "../engine/money.js";
import { MAX_COUNT } from "../engine/screening.js";
import type { Question } from "./questionBank.js";
import type { AnswerValue } from "./state.js";

/** Most projects one interview lists under Article 11: each brings its own questions. */
export const MAX_LISTED_PROJECTS = 20;

/** Longest name the interview records; the screening format allows more, a chat needs no more. */
export const MAX_TEXT_LENGTH = 100;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** Whether a value sent back is one of the options: a forged value may be of any type, and no other type is among them. */
const isOneOf = (value: unknown, options: readonly string[]): value is string => options.includes(value as string);

/** Distinct options only, or null. */
function distinctOptions(value: unknown, options: readonly string[]): string[] | null {
  return Array.isArray(value) && value.every((v) => isOneOf(v, options)) && new Set(value).size === value.length ? (value as string[]) : null;
}

/** One shared project: two or more members offered, or "none" alone (no project shared), recorded as []. */
function validateGroup(value: unknown, offered: readonly string[]): string[] | null {
  const members = distinctOptions(value, offered);
  if (members === null) return null;
  if (members.length === 0 || (members.length === 1 && members[0] === NO_SHARED_PROJECT)) return [];
  return members.length >= 2 && !members.includes(NO_SHARED_PROJECT) ? members : null;
}

/** The first answer of the Article 16 question: "no, all different". */
export const NO_SHARED_PROJECT = "none";

/** A typed name: trimmed, not empty, within MAX_TEXT_LENGTH, without control characters; null otherwise. */
export function validateText(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text !== "" && text.length <= MAX_TEXT_LENGTH && !CONTROL.test(text) ? text : null;
}

/** Checks a value sent for a question (button data can be forged) against the options `offered`; null when it does not fit. */
export function validateAnswer(question: Question, value: unknown, offered?: readonly string[]): AnswerValue | null {
  // Stryker disable next-line ArrayDeclaration: only choice questions read the options, and the bank's schema gives each of them options
  const values = offered ?? question.options?.map((o) => o.value) ?? [];
  switch (question.type) {
    case "yes_no":
      return typeof value === "boolean" ? value : null;
    case "single":
      return isOneOf(value, values) ? value : null;
    case "multi":
    case "topics":
    case "recognitions":
      return distinctOptions(value, values);
    case "amount":
      return Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= MAX_FEN ? (value as number) : null;
    case "count": {
      const max = question.makesList ? MAX_LISTED_PROJECTS : MAX_COUNT;
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max ? (value as number) : null;
    }
    case "text":
      return validateText(value);
    case "overlaps":
      return validateGroup(value, values);
  }
}
