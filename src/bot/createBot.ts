import { Telegraf } from "telegraf";
import type { Assistant } from "../assistant/assistant.js";
import type { ArticlesFile } from "../faq/articles.js";
import type { InterviewContext } from "../interview/interview.js";
import type { Logger } from "../log.js";
import type { Store } from "../store/store.js";
import { ChatQueue } from "./chatQueue.js";
import type { BotDeps } from "./deps.js";
import { createDispatcher } from "./dispatch.js";
import { setActive } from "./handlers/membership.js";
import { Outbox, type RateLimits, type RetryPolicy } from "./outbox.js";

export interface BotOptions {
  token: string;
  /** A self-hosted Bot API server (or the tests' fake); Telegram's by default. */
  apiRoot?: string;
  store: Store;
  logger: Logger;
  assistant: Assistant;
  interview: InterviewContext;
  articles: ArticlesFile;
  admins: readonly number[];
  retentionDays: number;
  clock?: () => Date;
  limits?: RateLimits;
  retry?: RetryPolicy;
  maxConcurrentRequests?: number;
}

export interface BotApp {
  telegraf: Telegraf;
  deps: BotDeps;
  /** Handles one update (from polling or the webhook); resolves when its chat task is done, never rejects. */
  accept: (update: unknown) => Promise<void>;
}

/** Wires telegraf to the interview core: a thin middleware hands every update to the dispatcher. */
export function createBot(options: BotOptions): BotApp {
  const telegraf = new Telegraf(options.token, {
    // Replies go through the outbox over HTTP, never in a webhook's response body, so each is rate-limited and retried.
    telegram: { apiRoot: options.apiRoot, webhookReply: false },
    handlerTimeout: 10_000,
  });
  const queue = new ChatQueue();
  const { logger } = options;
  const outbox = new Outbox(telegraf.telegram, {
    logger,
    limits: options.limits,
    retry: options.retry,
    maxConcurrent: options.maxConcurrentRequests,
    onBlocked: (chatId) => {
      // Through the chat's queue, so it cannot race a handler saving the same record.
      queue.run(chatId, () => setActive(deps, chatId, false)).catch((error: unknown) => logger.error("could not mark chat inactive", { chat: chatId, error: String(error) }));
    },
  });
  const deps: BotDeps = {
    store: options.store,
    outbox,
    logger,
    interview: options.interview,
    assistant: options.assistant,
    articles: options.articles,
    admins: new Set(options.admins),
    clock: options.clock ?? (() => new Date()),
    queue,
    lastCase: new Map(),
    retentionDays: options.retentionDays,
  };
  const accept = createDispatcher(deps, () => telegraf.botInfo?.username);
  telegraf.use(async (ctx) => {
    void accept(ctx.update);
  });
  telegraf.catch((error) => logger.error("telegraf error", { error: error instanceof Error ? error.name : typeof error }));
  return { telegraf, deps, accept };
}
