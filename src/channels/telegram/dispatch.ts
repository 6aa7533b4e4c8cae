import { isCommand, langFromHint, type ConversationInput, type ConversationService, type Outcome, type Turn } from "../../conversation/index.js";
import { t } from "../../i18n/translate.js";
import type { QuestionBank } from "../../interview/index.js";
import type { Logger } from "../../log.js";
import { telegramConversationId } from "../../store/conversationId.js";
import { decodeCallback } from "./callbackData.js";
import { sendsOf, type Origin } from "./deliver.js";
import { readIncoming, type Incoming } from "./incoming.js";
import type { Outbox } from "./outbox.js";
import { privateChatPointer } from "./privateOnly.js";
import { RecentKeys } from "./recentKeys.js";

/** What the Telegram adapter works with. */
export interface TelegramDeps {
  conversations: ConversationService;
  outbox: Outbox;
  logger: Logger;
  bank: QuestionBank;
  /** Telegram user ids allowed to use the staff commands. */
  admins: ReadonlySet<number>;
}

/** Delete confirmations answered, remembered so that a second tap on one changes nothing. */
const SETTLED_CONFIRMATIONS = 10_000;

/**
 * Hands each update to the conversation layer as an input; the turn's replies go to the outbox.
 * Resolves once the turn's state is saved and its replies are stored in the outbox, so the
 * update is acknowledged only then (polling asks for the next updates after this resolves).
 * Every update ends in one log line (chat, kind, latency, outcome; never its text).
 */
export function createDispatcher(deps: TelegramDeps, botUsername: () => string | undefined): (update: unknown) => Promise<void> {
  const settled = new RecentKeys<string>(SETTLED_CONFIRMATIONS);
  return async (update) => {
    const started = performance.now();
    const incoming = readIncoming(update, botUsername());
    if (!incoming) {
      deps.logger.debug("update ignored", { outcome: "ignored" });
      return;
    }
    const kind = { value: kindOf(incoming) };
    let outcome: Outcome;
    if (await deps.outbox.alreadyHandled(incoming.updateId)) {
      kind.value = "duplicate";
      outcome = "ignored";
    } else if (!incoming.private) outcome = await answerOutsidePrivateChat(deps, incoming, botUsername());
    else outcome = await handle(deps, incoming, kind, settled);
    deps.logger.info("update", { chat: incoming.chatId, kind: kind.value, ms: Math.round((performance.now() - started) * 10) / 10, outcome });
  };
}

async function handle(deps: TelegramDeps, incoming: Incoming, kind: { value: string }, settled: RecentKeys<string>): Promise<Outcome> {
  const { chatId, updateId } = incoming;
  const conversationId = telegramConversationId(chatId);
  if (incoming.kind === "membership") {
    if (incoming.active) deps.outbox.unblock(chatId);
    else deps.outbox.markBlocked(chatId);
    await deps.conversations.setReachable(conversationId, incoming.active);
    return "ok";
  }
  // Writing to the bot again means the user unblocked it.
  deps.outbox.unblock(chatId);
  const origin = originOf(deps, incoming);
  const input = inputOf(deps, incoming, kind);
  if (isSettledAgain(input, incoming, settled)) {
    if (origin.kind === "callback") origin.answer(t(langFromHint(incoming.languageCode), "bot.callback.stale"));
    return "stale";
  }
  // Staff commands only where no one else reads along: the admin's own private chat.
  const staff = incoming.userId !== null && incoming.userId === chatId && deps.admins.has(incoming.userId);
  const caller = { languageHint: incoming.languageCode, staff, userId: incoming.userId ?? undefined };
  const stored: Promise<void>[] = [];
  const show = (turn: Turn) => {
    if (turn.standalone && origin.kind === "callback") origin.answer();
    stored.push(deps.outbox.queue(chatId, updateId, sendsOf(deps.bank, turn.replies, turn.standalone ? { kind: "message" } : origin)));
    if (turn.later) {
      void deps.outbox.typing(chatId);
      const later = turn.later.then((replies) => deps.outbox.queue(chatId, null, sendsOf(deps.bank, replies, { kind: "message" })));
      deps.conversations.track(later);
    }
  };
  const turn = await deps.conversations.handle(conversationId, input, caller, show);
  if (origin.kind === "callback") origin.answer();
  // A reply was lost (Telegram down past the retry horizon): the old buttons would only say
  // "stale", so the chat is shown where it stands.
  if (turn.outcome === "stale" && deps.outbox.takeLost(chatId)) {
    const view = await deps.conversations.view(conversationId, caller);
    stored.push(deps.outbox.queue(chatId, updateId, sendsOf(deps.bank, view.replies, { kind: "message" })));
  }
  await Promise.all(stored);
  return turn.outcome;
}

/**
 * A delete confirmation settles once: after "Yes" erased everything, a "No" tapped on the same
 * message must not claim that nothing was erased (nor a second "Yes" erase again).
 */
function isSettledAgain(input: ConversationInput, incoming: Incoming, settled: RecentKeys<string>): boolean {
  if (incoming.kind !== "callback" || input.type !== "action" || input.action.kind !== "delete") return false;
  return settled.seen(`${incoming.chatId}:${incoming.messageId}`);
}

/** In a group or a channel: one line pointing to a private chat, and nothing of anyone's data. */
async function answerOutsidePrivateChat(deps: TelegramDeps, incoming: Incoming, botUsername: string | undefined): Promise<Outcome> {
  const pointer = privateChatPointer(langFromHint("languageCode" in incoming ? incoming.languageCode : undefined), botUsername);
  switch (incoming.kind) {
    case "command":
    case "text":
      await deps.outbox.queue(incoming.chatId, incoming.updateId, [{ op: "text", text: pointer }]);
      return "refused";
    case "callback":
      void deps.outbox.answerCallback(incoming.callbackId, pointer);
      return "refused";
    default:
      return "ignored";
  }
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
