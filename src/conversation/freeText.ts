import { parseCommand, type InterviewState } from "../interview/index.js";

/** Words that ask for an explanation of the result so far, in every channel. */
const EXPLAIN = new Set(["explain", "解释", "说明"]);
/** `ask …` / `问 …`: a question for the FAQ, even in the middle of an interview. */
const ASK = /^(?:ask|问|提问)\s+(.+)$/isu;

export type TextRoute = { to: "interview" } | { to: "explain" } | { to: "faq"; question: string };

/**
 * Where typed text goes, the same in every channel: `ask …` to the FAQ and `explain` to the
 * explanation at any time; otherwise to the interview while one is open (answers, `back`,
 * `summary`), or after it when the text is one of its command words (`restart`, `edit 3`);
 * anything else is a question for the FAQ.
 */
export function routeText(text: string, interview: InterviewState | null): TextRoute {
  const trimmed = text.trim();
  const question = ASK.exec(trimmed)?.[1];
  if (question !== undefined) return { to: "faq", question: question.trim() };
  if (EXPLAIN.has(trimmed.toLowerCase())) return { to: "explain" };
  if (interview && (!interview.done || parseCommand(trimmed) !== null)) return { to: "interview" };
  return { to: "faq", question: trimmed };
}
