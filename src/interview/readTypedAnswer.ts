import { parseKey } from "./buildScreening.js";
import { currentOptions, record, repeat, type InterviewContext, type Step } from "./flow.js";
import type { InterviewEvent, OutMessage } from "./messages.js";
import { parseAmount, parseCount } from "./parseAmount.js";
import { isDontKnow, parseChoice, parseChoices, parseCommand, parseYesNo } from "./parseReply.js";
import { readQuestion } from "./readQuestion.js";
import type { InterviewState } from "./state.js";
import { validateAnswer, validateText } from "./validateAnswer.js";
import type { MessageKey } from "../i18n/catalog/index.js";

/** Longest typed reply the interview reads; anything longer is refused unread. */
export const MAX_REPLY_LENGTH = 500;

const retry = (ctx: InterviewContext, state: InterviewState, key: MessageKey): Step => repeat(ctx, state, [{ type: "notice", key }]);

/**
 * Text that is not an answer: help with the current question, a question for the FAQ, or else
 * the friendly re-ask `key`. Each is followed by the current question again; nothing changes.
 */
function notAnAnswer(ctx: InterviewContext, state: InterviewState, text: string, key: MessageKey, strict = false): Step {
  const asked = readQuestion(text, strict);
  if (!asked) return retry(ctx, state, key);
  const out: OutMessage = asked.kind === "help" ? { type: "help", key: state.current! } : { type: "faq", question: asked.question };
  return repeat(ctx, state, [out]);
}

/**
 * Reads what a person typed: a command (returned for the caller to dispatch), or an answer
 * to the current question. Anything unreadable gets help, an FAQ hand-off or a friendly
 * re-ask, and changes nothing.
 */
export function readTypedAnswer(ctx: InterviewContext, state: InterviewState, text: string): Step | { command: InterviewEvent } {
  if (text.length > MAX_REPLY_LENGTH) return retry(ctx, state, "interview.tooLong");
  const command = parseCommand(text);
  if (command) return { command };
  if (state.done || state.current === null) return { state, out: [{ type: "notice", key: "interview.finished" }] };
  if (state.pending !== null) return readConfirmation(ctx, state, text);
  if (isDontKnow(text)) return record(ctx, state, null);
  const { question } = parseKey(ctx.bank, state.current)!;
  const offered = question.options ? currentOptions(ctx, state) : [];
  const labels = offered.map((o) => o.label[state.lang]);
  const values = offered.map((o) => o.value);
  const invalid = (key: MessageKey) => notAnAnswer(ctx, state, text, key);
  switch (question.type) {
    case "yes_no": {
      // No numbers: a yes/no question shows no numbered options, so "2" is not "No".
      const answer = parseYesNo(text);
      return typeof answer === "boolean" ? record(ctx, state, answer) : invalid("interview.invalid.yesNo");
    }
    case "single": {
      const index = parseChoice(text, labels, values);
      return index === null ? invalid("interview.invalid.choice") : record(ctx, state, values[index]!);
    }
    case "multi":
    case "topics":
    case "recognitions": {
      const indexes = parseChoices(text, labels, values);
      return indexes === null ? invalid("interview.invalid.choices") : record(ctx, state, indexes.map((i) => values[i]!));
    }
    case "overlaps": {
      const indexes = parseChoices(text, labels, values);
      const value = indexes === null ? null : validateAnswer(question, indexes.map((i) => values[i]!), values);
      return value === null ? invalid("interview.invalid.overlap") : record(ctx, state, value);
    }
    case "amount":
      return readAmount(ctx, state, text);
    case "count": {
      const parsed = parseCount(text);
      if (!parsed.ok) return invalid(`interview.count.${parsed.error}`);
      const value = validateAnswer(question, parsed.count);
      return value === null ? retry(ctx, state, "interview.count.too_large") : record(ctx, state, value);
    }
    case "text": {
      // Any text can be a name: only help words and a question mark make it a question.
      if (readQuestion(text, true)) return notAnAnswer(ctx, state, text, "interview.invalid.text", true);
      const value = validateText(text);
      return value === null ? retry(ctx, state, "interview.invalid.text") : record(ctx, state, value);
    }
  }
}

/**
 * An amount counts at once when it cannot be misread (0, or digits as the echo shows them);
 * one written with 万, 亿, k, m or Chinese numerals is echoed for confirmation first.
 */
function readAmount(ctx: InterviewContext, state: InterviewState, text: string): Step {
  const parsed = parseAmount(text);
  if (!parsed.ok) return notAnAnswer(ctx, { ...state, pending: null }, text, `interview.amount.${parsed.error}`);
  const out: OutMessage[] = parsed.approximate ? [{ type: "notice", key: "interview.amount.estimate" }] : [];
  if (parsed.fen === 0 || parsed.notation === "digits") return record(ctx, { ...state, pending: null }, parsed.fen, out);
  return repeat(ctx, { ...state, pending: parsed.fen }, out);
}

/** An amount waits for "yes" before it counts; "no" asks again; a new amount replaces it. */
function readConfirmation(ctx: InterviewContext, state: InterviewState, text: string): Step {
  const answer = parseYesNo(text);
  if (answer === true) return record(ctx, { ...state, pending: null }, state.pending);
  if (answer === false) return retry(ctx, { ...state, pending: null }, "interview.reenterAmount");
  const asked = readQuestion(text);
  if (asked) return notAnAnswer(ctx, state, text, "interview.reenterAmount");
  return readAmount(ctx, state, text);
}
