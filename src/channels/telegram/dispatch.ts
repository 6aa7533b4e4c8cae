import { isCommand, type ConversationInput, type ConversationService, type Outcome, type Turn } from "../../conversation/index.js";
import type { QuestionBank } from "../../interview/index.js";
import type { Logger } from "../../log.js";
import { telegramConversationId } from "../../store/conversationId.js";
import { decodeCallback } from "./callbackData.js";
import { deliver, type Origin } from "./deliver.js";
import { readIncoming, type Incoming } from "./incoming.js";
import type { Outbox } from "./outbox.js";

/** What the Telegram adapter works with. */
export interface TelegramDeps {
  conversations: ConversationService;
  outbox: Outbox;
  logger: Logger;
  bank: QuestionBank;
  /** Telegram user ids allowed to use the staff commands. */
  admins: ReadonlySet<number>;
}

/**
 * Takes each update off telegraf at once and hands it to the conversation layer as an input, so
 * polling never waits for a slow chat; the turn's replies go out through the outbox. Every
 * update ends in one log line (chat, kind, latency, outcome; never its text).
 */
export function createDispatcher(deps: TelegramDeps, botUsername: () => string | undefined): (update: unknown) => Promise<void> {
  return async (update) => {
    const started = performance.now();
    const incoming = readIncoming(update, botUsername());
    if (!incoming) {
      deps.logger.debug("update ignored", { outcome: "ignored" });
      return;
    }
    const kind = { value: kindOf(incoming) };
    const outcome = await handle(deps, incoming, kind);
    deps.logger.info("update", { chat: incoming.chatId, kind: kind.value, ms: Math.round((performance.now() - started) * 10) / 10, outcome });
  };
}

async function handle(deps: TelegramDeps, incoming: Incoming, kind: { value: string }): Promise<Outcome> {
  const conversationId = telegramConversationId(incoming.chatId);
  if (incoming.kind === "membership") {
    if (incoming.active) deps.outbox.unblock(incoming.chatId);
    else deps.outbox.markBlocked(incoming.chatId);
    await deps.conversations.setReachable(conversationId, incoming.active);
    return "ok";
  }
  // Writing to the bot again means the user unblocked it.
  deps.outbox.unblock(incoming.chatId);
  const origin = originOf(deps, incoming);
  const input = inputOf(deps, incoming, kind);
  const caller = { languageHint: incoming.languageCode, staff: incoming.userId !== null && deps.admins.has(incoming.userId), userId: incoming.userId ?? undefined };
  const show = (turn: Turn) => {
    if (turn.standalone && origin.kind === "callback") origin.answer();
    deliver(deps.outbox, deps.bank, incoming.chatId, turn.replies, turn.standalone ? { kind: "message" } : origin);
    if (turn.later) {
      void deps.outbox.typing(incoming.chatId);
      const later = turn.later.then((replies) => deliver(deps.outbox, deps.bank, incoming.chatId, replies, { kind: "message" }));
      deps.conversations.track(later);
    }
  };
  const turn = await deps.conversations.handle(conversationId, input, caller, show);
  if (origin.kind === "callback") origin.answer();
  return turn.outcome;
}

/** Forged button data becomes a press of nothing: the conversation answers it as invalid. */
function inputOf(deps: TelegramDeps, incoming: Exclude<Incoming, { kind: "membership" }>, kind: { value: string }): ConversationInput {
  switch (incoming.kind) {
    case "command":
      return { type: "command", command: incoming.command, args: incoming.args };
    case "text":
      return { type: "text", text: incoming.text };
    case "other":
      return { type: "unsupported" };
    case "callback": {
      const action = decodeCallback(deps.bank, incoming.data);
      kind.value = `button:${action?.kind ?? "unknown"}`;
      return action ? { type: "action", action } : { type: "forged" };
    }
  }
}

/** A button's answer goes out once, at once, outside the chat's message queue. */
function originOf(deps: TelegramDeps, incoming: Incoming): Origin {
  if (incoming.kind !== "callback") return { kind: "message" };
  let answered = false;
  return {
    kind: "callback",
    messageId: incoming.messageId,
    answer: (note) => {
      if (answered) return;
      answered = true;
      void deps.outbox.answerCallback(incoming.callbackId, note);
    },
  };
}

function kindOf(incoming: Incoming): string {
  if (incoming.kind === "command") return `/${isCommand(incoming.command) ? incoming.command : "unknown"}`;
  return incoming.kind;
}
