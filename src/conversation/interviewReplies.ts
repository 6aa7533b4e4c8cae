import type { Screening } from "../engine/screening.js";
import type { Lang } from "../i18n/lang.js";
import { parseKey, renderMessage, type Button, type InterviewContext, type OutMessage } from "../interview/index.js";
import { actionOfEvent } from "./action.js";
import type { AnswerKind, Choice, Reply } from "./reply.js";

/** The interview's messages as replies: questions with their choices, results, notes. */
export function interviewReplies(ctx: InterviewContext, out: readonly OutMessage[], lang: Lang, screening: Screening, inPlace: boolean): Reply[] {
  return out.map((msg) => interviewReply(ctx, msg, lang, screening, inPlace));
}

function interviewReply(ctx: InterviewContext, msg: OutMessage, lang: Lang, screening: Screening, inPlace: boolean): Reply {
  const rendered = renderMessage(msg, { bank: ctx.bank, rules: ctx.rules, lang, screening });
  switch (msg.type) {
    case "notice":
      return { type: "notice", text: rendered.text };
    case "result":
      return { type: "result", text: rendered.text, final: msg.final, evaluation: msg.evaluation };
    case "question":
    case "confirm_amount": {
      const answer: AnswerKind = msg.type === "confirm_amount" ? "confirm" : answerKind(ctx, msg.key);
      // Amount and count questions say in their help how to type the answer; choices say how to use the buttons.
      const text = rendered.buttonHint ? `${rendered.text}\n\n${rendered.buttonHint}` : rendered.text;
      return {
        type: "question",
        text,
        choices: choicesOf(rendered.buttons, msg.turn),
        inPlace,
        question: {
          key: msg.key,
          turn: msg.turn,
          answer,
          options: rendered.options,
          ...(rendered.typingHint ? { typingHint: rendered.typingHint } : {}),
          ...(rendered.buttonHint ? { buttonHint: rendered.buttonHint } : {}),
        },
      };
    }
    default:
      return { type: "message", text: rendered.text };
  }
}

function answerKind(ctx: InterviewContext, key: string): AnswerKind {
  const type = parseKey(ctx.bank, key)?.question.type;
  switch (type) {
    case "yes_no":
    case "single":
    case "amount":
    case "count":
      return type;
    case undefined:
      return "text";
    default:
      return type === "multi" || type === "topics" || type === "recognitions" ? "multi" : "text";
  }
}

/** The interview's buttons as choices; `turn` is the turn of the message they sit under. */
export function choicesOf(rows: readonly Button[][], turn: number): Choice[][] {
  return rows
    .map((row) => row.flatMap((b) => {
      const action = actionOfEvent(b.event, turn);
      return action ? [{ label: b.label, action }] : [];
    }))
    .filter((row) => row.length > 0);
}
