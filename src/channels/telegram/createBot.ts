import { Telegraf } from "telegraf";
import type { ConversationService } from "../../conversation/index.js";
import type { QuestionBank } from "../../interview/index.js";
import type { Logger } from "../../log.js";
import { telegramConversationId } from "../../store/conversationId.js";
import { createDispatcher, type TelegramDeps } from "./dispatch.js";
import { withCallDeadline } from "./callDeadline.js";
import { sendJsonCallsDirectly } from "./jsonCalls.js";
import { DEFAULT_RETRY, Outbox, type RateLimits, type RetryPolicy } from "./outbox.js";

export interface BotOptions {
  token: string;
  /** A self-hosted Bot API server (or the tests' fake); Telegram's by default. */
  apiRoot?: string;
  conversations: ConversationService;
  bank: QuestionBank;
  logger: Logger;
  admins: readonly number[];
  limits?: RateLimits;
  retry?: RetryPolicy;
  maxConcurrentRequests?: number;
}

export interface BotApp {
  telegraf: Telegraf;
  deps: TelegramDeps;
  /** Handles one update (from polling or the webhook); resolves once its turn is saved and its replies stored, never rejects. */
  accept: (update: unknown) => Promise<void>;
  /** Resolves once no turn is in hand (later replies included) and the outbox is empty, on disk too. */
  idle: () => Promise<void>;
}

/** Wires telegraf to the conversation layer: a thin middleware hands every update to the dispatcher. */
export function createBot(options: BotOptions): BotApp {
  const telegraf = new Telegraf(options.token, {
    // Replies go through the outbox over HTTP, never in a webhook's response body, so each is rate-limited and retried.
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
    handlerTimeout: 10_000,
  });
  const { logger, conversations } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  // Uploads through telegraf's client get their deadline from withCallDeadline; the JSON calls sent directly keep their own.
  const abortUploads = withCallDeadline(telegraf.telegram, retry.callTimeoutMs);
  const abortJsonCalls = sendJsonCallsDirectly(telegraf.telegram, retry.callTimeoutMs);
  const abortCalls = () => {
    abortUploads();
    abortJsonCalls();
  };
  const outbox = new Outbox(telegraf.telegram, {
    store: conversations.deps.store,
    clock: conversations.deps.clock,
    logger,
    limits: options.limits,
    retry,
    abortCalls,
    maxConcurrent: options.maxConcurrentRequests,
    onBlocked: (chatId) => {
      conversations.setReachable(telegramConversationId(chatId), false).catch((error: unknown) => logger.error("could not mark chat inactive", { chat: chatId, error: String(error) }));
    },
  });
  const deps: TelegramDeps = { conversations, outbox, logger, bank: options.bank, admins: new Set(options.admins) };
  void outbox.replay();
  const accept = createDispatcher(deps, () => telegraf.botInfo?.username);
  // Awaited: polling acknowledges a batch of updates (asks for the next) only once their turns are saved and their replies stored.
  telegraf.use((ctx) => accept(ctx.update));
  telegraf.catch((error) => logger.error("telegraf error", { error: error instanceof Error ? error.name : typeof error }));
  const idle = async () => {
    // Later replies (FAQ answers, explanations) are queued in the outbox when their turn's work ends.
    await conversations.drain();
    await outbox.idle();
  };
  return { telegraf, deps, accept, idle };
}
