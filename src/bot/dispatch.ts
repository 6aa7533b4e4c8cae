import { t } from "../i18n/translate.js";
import { parseCallbackData } from "./callbackData.js";
import { ChatQueueFullError } from "./chatQueue.js";
import type { BotDeps, Origin, Outcome } from "./deps.js";
import { readIncoming, type Incoming } from "./incoming.js";
import { onAdminCommand } from "./handlers/admin.js";
import { listArticles, showArticle } from "./handlers/articles.js";
import { onAsk } from "./handlers/ask.js";
import { onCancel } from "./handlers/cancel.js";
import { openInterview, pressInterviewButton, showResult, startInterview } from "./handlers/check.js";
import { askDelete, confirmDelete } from "./handlers/deleteMe.js";
import { onExplain } from "./handlers/explain.js";
import { onHelp } from "./handlers/help.js";
import { onMembership } from "./handlers/membership.js";
import { onReport } from "./handlers/report.js";
import { askLanguage, chooseLanguage } from "./handlers/start.js";
import { onText } from "./handlers/text.js";
import { loadSession, saveSession, type Session } from "./session.js";

type Callback = Extract<Incoming, { kind: "callback" }>;
type Command = Extract<Incoming, { kind: "command" }>;

const KNOWN_COMMANDS = new Set(["start", "check", "result", "report", "articles", "ask", "lang", "help", "cancel", "delete", "stats", "export", "case"]);

/**
 * Takes each update off telegraf at once and runs it in its chat's queue, so polling never
 * waits for a slow chat and one chat's updates never interleave. Every update ends in one log
 * line (chat, kind, latency, outcome; never its text), and no error escapes: the user is told
 * something went wrong, and the next update is handled as usual.
 */
export function createDispatcher(deps: BotDeps, botUsername: () => string | undefined): (update: unknown) => Promise<void> {
  return async (update) => {
    const started = performance.now();
    const incoming = readIncoming(update, botUsername());
    if (!incoming) {
      deps.logger.debug("update ignored", { outcome: "ignored" });
      return;
    }
    const info = { kind: kindOf(incoming) };
    const origin = originOf(deps, incoming);
    let outcome: Outcome;
    try {
      outcome = await deps.queue.run(incoming.chatId, () => handle(deps, incoming, origin, info));
    } catch (error) {
      outcome = error instanceof ChatQueueFullError ? "dropped" : "error";
      if (outcome === "error") {
        deps.logger.error("update failed", { chat: incoming.chatId, kind: info.kind, error: describeError(error) });
        if (incoming.kind !== "membership") void deps.outbox.sendText(incoming.chatId, t(langOf(incoming), "bot.error"));
      }
    }
    if (origin.kind === "callback") origin.answer();
    deps.logger.info("update", { chat: incoming.chatId, kind: info.kind, ms: Math.round((performance.now() - started) * 10) / 10, outcome });
  };
}

async function handle(deps: BotDeps, incoming: Incoming, origin: Origin, info: { kind: string }): Promise<Outcome> {
  if (incoming.kind === "membership") return onMembership(deps, incoming.chatId, incoming.active);
  // Writing to the bot again means the user unblocked it.
  deps.outbox.unblock(incoming.chatId);
  let session = await loadSession(deps.store, incoming.chatId, incoming.languageCode);
  if (session.record && !session.record.active) session = await saveSession(deps.store, session, {}, deps.clock());
  if (session.unreadable) {
    deps.logger.warn("stored interview unreadable; set aside", { chat: incoming.chatId });
    session = await saveSession(deps.store, session, { interview: null }, deps.clock());
    void deps.outbox.sendText(session.chatId, t(session.lang, "bot.check.unreadable"));
  }
  switch (incoming.kind) {
    case "command":
      return onCommand(deps, session, incoming);
    case "text":
      return onText(deps, session, incoming.text, incoming.userId);
    case "callback":
      return onCallback(deps, session, incoming, origin as Extract<Origin, { kind: "callback" }>, info);
    case "other":
      void deps.outbox.sendText(session.chatId, t(session.lang, "bot.notText"));
      return "ignored";
  }
}

function onCommand(deps: BotDeps, session: Session, { command, args, userId }: Command): Promise<Outcome> {
  const message: Origin = { kind: "message" };
  switch (command) {
    case "start":
    case "lang":
      return askLanguage(deps, session);
    case "check":
      return openInterview(deps, session, message);
    case "result":
      return showResult(deps, session);
    case "report":
      return onReport(deps, session, userId, args);
    case "articles":
      return listArticles(deps, session.chatId, session.lang, message);
    case "ask":
      return onAsk(deps, session, args, userId);
    case "cancel":
      return onCancel(deps, session);
    case "delete":
      return askDelete(deps, session);
    case "stats":
    case "export":
    case "case":
      return onAdminCommand(deps, session, userId, command, args);
    default:
      return onHelp(deps, session);
  }
}

function onCallback(deps: BotDeps, session: Session, incoming: Callback, origin: Extract<Origin, { kind: "callback" }>, info: { kind: string }): Promise<Outcome> {
  const action = parseCallbackData(incoming.data);
  info.kind = `button:${action?.kind ?? "unknown"}`;
  if (!action) {
    origin.answer(t(session.lang, "bot.callback.unknown"));
    return Promise.resolve("forged");
  }
  switch (action.kind) {
    case "answer":
    case "toggle":
    case "done":
    case "confirm":
    case "move":
      return pressInterviewButton(deps, session, action, origin);
    case "go":
      return openInterview(deps, session, origin);
    case "new":
      return startInterview(deps, session, origin);
    case "lang":
      return chooseLanguage(deps, session, action.lang, origin);
    case "al":
      return listArticles(deps, session.chatId, session.lang, origin);
    case "article":
      return showArticle(deps, session.chatId, session.lang, action.article, origin);
    case "delete":
      return confirmDelete(deps, session, action.yes, origin);
    case "explain":
      origin.answer();
      return onExplain(deps, session, incoming.userId, action.caseId);
    case "report":
      origin.answer();
      return onReport(deps, session, incoming.userId, action.caseId);
  }
}

/** A button's answer goes out once, at once, outside the chat's message queue. */
function originOf(deps: BotDeps, incoming: Incoming): Origin {
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
  if (incoming.kind === "command") return `/${KNOWN_COMMANDS.has(incoming.command) ? incoming.command : "unknown"}`;
  return incoming.kind;
}

function langOf(incoming: Incoming) {
  return "languageCode" in incoming && incoming.languageCode?.toLowerCase().startsWith("zh") ? "zh" : "en";
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : typeof error;
}
