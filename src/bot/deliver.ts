import type { InlineKeyboardMarkup } from "telegraf/types";
import type { Screening } from "../engine/screening.js";
import type { Lang } from "../i18n/lang.js";
import type { OutMessage } from "../interview/messages.js";
import { renderMessage } from "../interview/render.js";
import type { BotDeps, Origin } from "./deps.js";
import { interviewKeyboard } from "./keyboards.js";

/** One message to show: notes may become a button's toast; a question may replace the pressed message. */
export interface Piece {
  text: string;
  keyboard?: InlineKeyboardMarkup;
  kind: "notice" | "interactive" | "plain";
}

/** Telegram shows at most 200 characters in a button's toast. */
const MAX_TOAST = 200;

export function pieceOf(deps: BotDeps, msg: OutMessage, lang: Lang, screening: Screening): Piece {
  const { bank, rules } = deps.interview;
  const rendered = renderMessage(msg, { bank, rules, lang, screening });
  switch (msg.type) {
    case "notice":
      return { text: rendered.text, kind: "notice" };
    case "confirm_amount":
      return { text: rendered.text, keyboard: interviewKeyboard(bank, rendered.buttons, msg.turn), kind: "interactive" };
    case "question": {
      // Amount and count questions say in their help how to type the answer; choices say how to use the buttons.
      const text = rendered.buttonHint ? `${rendered.text}\n\n${rendered.buttonHint}` : rendered.text;
      return { text, keyboard: interviewKeyboard(bank, rendered.buttons, msg.turn), kind: "interactive" };
    }
    default:
      return { text: rendered.text, kind: "plain" };
  }
}

/**
 * Shows pieces in a chat. After a button press, the notes that lead go into the button's toast
 * and a question that follows replaces the pressed message, so answering by buttons edits one
 * message in place instead of adding one per question. Anything else is a new message.
 */
export function deliver(deps: BotDeps, chatId: number, pieces: Piece[], origin: Origin): void {
  const { outbox } = deps;
  if (origin.kind === "message") {
    for (const piece of withNoticesMerged(pieces)) void outbox.sendText(chatId, piece.text, piece.keyboard);
    return;
  }
  let first = 0;
  while (pieces[first]?.kind === "notice") first += 1;
  const toast = pieces.slice(0, first).map((p) => p.text).join("\n");
  if (toast.length > MAX_TOAST) first = 0;
  origin.answer(first > 0 ? toast : undefined);
  const rest = withNoticesMerged(pieces.slice(first));
  const head = rest[0];
  if (head?.kind === "interactive") {
    void outbox.editText(chatId, origin.messageId, head.text, head.keyboard);
    rest.shift();
  } else if (rest.length > 0) void outbox.removeKeyboard(chatId, origin.messageId);
  for (const piece of rest) void outbox.sendText(chatId, piece.text, piece.keyboard);
}

/**
 * A note goes at the top of the message after it ("I couldn't read that amount" above the
 * question again): one message instead of two, which also keeps within a chat's rate limit.
 */
function withNoticesMerged(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let pending: string[] = [];
  for (const piece of pieces) {
    if (piece.kind === "notice") pending.push(piece.text);
    else {
      out.push(pending.length > 0 ? { ...piece, text: [...pending, piece.text].join("\n\n") } : piece);
      pending = [];
    }
  }
  if (pending.length > 0) out.push({ text: pending.join("\n\n"), kind: "notice" });
  return out;
}

export const notice = (text: string): Piece => ({ text, kind: "notice" });
export const plain = (text: string, keyboard?: InlineKeyboardMarkup): Piece => ({ text, keyboard, kind: "plain" });
