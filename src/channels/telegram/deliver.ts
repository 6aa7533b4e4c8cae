import type { Reply } from "../../conversation/index.js";
import type { QuestionBank } from "../../interview/index.js";
import { keyboardOf, type Keyboard } from "./keyboards.js";
import type { Send } from "./sends.js";

/** Where a reply goes: a new message, or (for a button) the message the button is on. */
export type Origin =
  | { kind: "message" }
  /** `answer` stops the button's spinner, with a short note; only the first call counts. */
  | { kind: "callback"; messageId: number; answer: (note?: string) => void };

/** One Telegram message to show: notes may become a button's toast; some replace the pressed message. */
interface Piece {
  text: string;
  keyboard?: Keyboard;
  kind: "notice" | "inPlace" | "plain";
  document?: Extract<Reply, { type: "document" }>;
}

/** Telegram shows at most 200 characters in a button's toast. */
const MAX_TOAST = 200;

function pieceOf(bank: QuestionBank, reply: Reply): Piece {
  switch (reply.type) {
    case "notice":
      return { text: reply.text, kind: "notice" };
    case "document":
      return { text: reply.caption, kind: "plain", document: reply };
    case "question":
    case "message":
      return { text: reply.text, keyboard: keyboardOf(bank, reply.choices), kind: reply.inPlace ? "inPlace" : "plain" };
    case "result":
      return { text: reply.text, keyboard: keyboardOf(bank, reply.choices), kind: "plain" };
  }
}

/**
 * What a turn's replies become in a chat. After a button press, the notes that lead go into the
 * button's toast and a reply meant to replace the pressed message edits it, so answering by
 * buttons edits one message in place instead of adding one per question. Anything else is a
 * new message.
 */
export function sendsOf(bank: QuestionBank, replies: readonly Reply[], origin: Origin): Send[] {
  const pieces = replies.map((reply) => pieceOf(bank, reply));
  if (origin.kind === "message") return withNoticesMerged(pieces).map(sendOf);
  let first = 0;
  while (pieces[first]?.kind === "notice") first += 1;
  const toast = pieces.slice(0, first).map((p) => p.text).join("\n");
  if (toast.length > MAX_TOAST) first = 0;
  origin.answer(first > 0 ? toast : undefined);
  const rest = withNoticesMerged(pieces.slice(first));
  const head = rest[0];
  const sends: Send[] = [];
  if (head?.kind === "inPlace") {
    sends.push({ op: "edit", messageId: origin.messageId, text: head.text, ...(head.keyboard ? { keyboard: head.keyboard } : {}) });
    rest.shift();
  } else if (rest.length > 0) sends.push({ op: "unbutton", messageId: origin.messageId });
  return [...sends, ...rest.map(sendOf)];
}

function sendOf(piece: Piece): Send {
  if (piece.document) return { op: "document", filename: piece.document.filename, content: piece.document.content, caption: piece.text };
  return { op: "text", text: piece.text, ...(piece.keyboard ? { keyboard: piece.keyboard } : {}) };
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
    else if (piece.document) {
      if (pending.length > 0) out.push({ text: pending.join("\n\n"), kind: "notice" });
      out.push(piece);
      pending = [];
    } else {
      out.push(pending.length > 0 ? { ...piece, text: [...pending, piece.text].join("\n\n") } : piece);
      pending = [];
    }
  }
  if (pending.length > 0) out.push({ text: pending.join("\n\n"), kind: "notice" });
  return out;
}
