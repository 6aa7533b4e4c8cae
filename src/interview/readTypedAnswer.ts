import { parseKey } from "./buildScreening.js";
import { record, repeat, type InterviewContext, type Step } from "./flow.js";
import type { InterviewEvent, OutMessage } from "./messages.js";
import { parseAmount, parseCount } from "./parseAmount.js";
import { isDontKnow, parseChoice, parseChoices, parseCommand, parseYesNo } from "./parseReply.js";
import type { InterviewState } from "./state.js";
import { validateAnswer, validateText } from "./validateAnswer.js";
import type { MessageKey } from "../i18n/catalog/index.js";

/** Longest typed reply the interview reads; anything longer is refused unread. */
export const MAX_REPLY_LENGTH = 500;

const retry = (ctx: InterviewContext, state: InterviewState, key: MessageKey): Step => repeat(ctx, state, [{ type: "notice", key }]);

/**
 * Reads what a person typed: a command (returned for the caller to dispatch), or an answer
 * to the current question. Anything unreadable gets a friendly re-ask and changes nothing.
 */
export function readTypedAnswer(ctx: InterviewContext, state: InterviewState, text: string): Step | { command: InterviewEvent } {
  if (text.length > MAX_REPLY_LENGTH) return retry(ctx, state, "interview.tooLong");
  const command = parseCommand(text);
  if (command) return { command };
  if (state.done || state.current === null) return { state, out: [{ type: "notice", key: "interview.finished" }] };
  if (state.pending !== null) return readConfirmation(ctx, state, text);
  if (isDontKnow(text)) return record(ctx, state, null);
  const { question } = parseKey(ctx.bank, state.current)!;
  const labels = question.options?.map((o) => o.label[state.lang]) ?? [];
  const values = question.options?.map((o) => o.value) ?? [];
  switch (question.type) {
    case "yes_no": {
      // No numbers: a yes/no question shows no numbered options, so "2" is not "No".
      const answer = parseYesNo(text);
      return typeof answer === "boolean" ? record(ctx, state, answer) : retry(ctx, state, "interview.invalid.yesNo");
    }
    case "single": {
      const index = parseChoice(text, labels, values);
      return index === null ? retry(ctx, state, "interview.invalid.choice") : record(ctx, state, values[index]!);
    }
    case "multi":
    case "topics":
    case "recognitions": {
      const indexes = parseChoices(text, labels, values);
      return indexes === null ? retry(ctx, state, "interview.invalid.choices") : record(ctx, state, indexes.map((i) => values[i]!));
    }
    case "amount":
      return readAmount(ctx, state, text);
    case "count": {
      const parsed = parseCount(text);
      if (!parsed.ok) return retry(ctx, state, `interview.count.${parsed.error}`);
      const value = validateAnswer(question, parsed.count);
      return value === null ? retry(ctx, state, "interview.count.too_large") : record(ctx, state, value);
    }
    case "text": {
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
  if (!parsed.ok) return retry(ctx, { ...state, pending: null }, `interview.amount.${parsed.error}`);
  const out: OutMessage[] = parsed.approximate ? [{ type: "notice", key: "interview.amount.estimate" }] : [];
  if (parsed.fen === 0 || parsed.notation === "digits") return record(ctx, { ...state, pending: null }, parsed.fen, out);
  return repeat(ctx, { ...state, pending: parsed.fen }, out);
}

/** An amount waits for "yes" before it counts; "no" asks again; a new amount replaces it. */
function readConfirmation(ctx: InterviewContext, state: InterviewState, text: string): Step {
  const answer = parseYesNo(text);
  if (answer === true) return record(ctx, { ...state, pending: null }, state.pending);
  if (answer === false) return retry(ctx, { ...state, pending: null }, "interview.reenterAmount");
  return readAmount(ctx, state, text);
}
