import { MAX_FEN } from "../engine/money.js";
import { MAX_COUNT } from "../engine/screening.js";
import type { Question } from "./questionBank.js";
import type { AnswerValue } from "./state.js";

/** Most projects one interview lists under Article 11: each brings its own questions. */
export const MAX_LISTED_PROJECTS = 20;

/** Longest name the interview records; the screening format allows more, a chat needs no more. */
export const MAX_TEXT_LENGTH = 100;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/** One shared project: two or more members offered, or "none" alone (no project shared), recorded as []. */
function validateGroup(value: unknown, offered: readonly string[]): string[] | null {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string" && offered.includes(v)) || new Set(value).size !== value.length) return null;
  if (value.length === 0 || (value.length === 1 && value[0] === NO_SHARED_PROJECT)) return [];
  return value.length >= 2 && !value.includes(NO_SHARED_PROJECT) ? (value as string[]) : null;
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
  const values = offered ?? question.options?.map((o) => o.value) ?? [];
  switch (question.type) {
    case "yes_no":
      return typeof value === "boolean" ? value : null;
    case "single":
      return typeof value === "string" && values.includes(value) ? value : null;
    case "multi":
    case "topics":
    case "recognitions":
      return Array.isArray(value) && value.every((v) => typeof v === "string" && values.includes(v)) && new Set(value).size === value.length
        ? (value as string[])
        : null;
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
