import { Telegraf } from "telegraf";
import type { ConversationService } from "../../conversation/index.js";
import type { QuestionBank } from "../../interview/index.js";
import type { Logger } from "../../log.js";
import { telegramConversationId } from "../../store/conversationId.js";
import { createDispatcher, type TelegramDeps } from "./dispatch.js";
import { Outbox, type RateLimits, type RetryPolicy } from "./outbox.js";

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
  /** Handles one update (from polling or the webhook); resolves when its turn is done, never rejects. */
  accept: (update: unknown) => Promise<void>;
}

/** Wires telegraf to the conversation layer: a thin middleware hands every update to the dispatcher. */
export function createBot(options: BotOptions): BotApp {
  const telegraf = new Telegraf(options.token, {
    // Replies go through the outbox over HTTP, never in a webhook's response body, so each is rate-limited and retried.
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
    handlerTimeout: 10_000,
  });
  const { logger, conversations } = options;
  const outbox = new Outbox(telegraf.telegram, {
    logger,
    limits: options.limits,
    retry: options.retry,
    maxConcurrent: options.maxConcurrentRequests,
    onBlocked: (chatId) => {
      conversations.setReachable(telegramConversationId(chatId), false).catch((error: unknown) => logger.error("could not mark chat inactive", { chat: chatId, error: String(error) }));
    },
  });
  const deps: TelegramDeps = { conversations, outbox, logger, bank: options.bank, admins: new Set(options.admins) };
  const accept = createDispatcher(deps, () => telegraf.botInfo?.username);
  telegraf.use(async (ctx) => {
    void accept(ctx.update);
  });
  telegraf.catch((error) => logger.error("telegraf error", { error: error instanceof Error ? error.name : typeof error }));
  return { telegraf, deps, accept };
}
