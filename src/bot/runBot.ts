import type { Server } from "node:http";
import { TelegramError } from "telegraf";
import type { AddressInfo } from "node:net";
import type { Assistant } from "../assistant/assistant.js";
import { createAssistant } from "../assistant/llmAssistant.js";
import { todayInBeijing } from "../clock.js";
import type { Config } from "../config.js";
import { loadArticles } from "../faq/articles.js";
import { buildScreening } from "../interview/buildScreening.js";
import type { InterviewContext } from "../interview/interview.js";
import { loadQuestionBank } from "../interview/questionBank.js";
import { describeFact } from "../interview/render.js";
import type { Logger } from "../log.js";
import { loadRules } from "../rules/loadRules.js";
import type { Store } from "../store/store.js";
import { publishMenu } from "./commands.js";
import { createBot, type BotApp } from "./createBot.js";
import { addDays } from "./dates.js";
import { UPDATE_TYPES } from "./incoming.js";
import type { RateLimits, RetryPolicy } from "./outbox.js";
import { createWebhookServer } from "./webhook.js";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RunBotOptions {
  config: Config & { TELEGRAM_BOT_TOKEN: string };
  store: Store;
  logger: Logger;
  /** The assistant for /ask and Explain; by default the LLM one the configuration describes (templates without a key). */
  assistant?: Assistant;
  interview?: InterviewContext;
  clock?: () => Date;
  limits?: RateLimits;
  retry?: RetryPolicy;
  maxConcurrentRequests?: number;
  /** How long stop() waits for queued replies before dropping them. */
  drainTimeoutMs?: number;
}

export interface RunningBot {
  mode: "polling" | "webhook";
  app: BotApp;
  /** The webhook server's port (PORT, or the one the system chose for PORT=0 in tests). */
  port?: number;
  /** Stops taking updates, finishes the ones in hand and their replies, then flushes the store. */
  stop(reason?: string): Promise<void>;
  /** Settles when polling ends; rejects if it stopped on its own (a wrong token, another instance polling). */
  stopped: Promise<void>;
}

/** Removes what is older than RETENTION_DAYS: screenings by creation, chats by last activity. */
export async function purgeExpired(store: Store, retentionDays: number, now: Date, logger: Logger): Promise<void> {
  const cutoff = addDays(todayInBeijing(now), -retentionDays);
  const removed = await store.purgeBefore(cutoff);
  logger.info("retention purge", { cutoff, removed });
}

/** Starts the bot: long polling, or a webhook when WEBHOOK_URL is set. */
export async function runBot(options: RunBotOptions): Promise<RunningBot> {
  const { config, store, logger } = options;
  const clock = options.clock ?? (() => new Date());
  const interview = options.interview ?? { bank: loadQuestionBank(), rules: loadRules() };
  const app = createBot({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    store,
    logger,
    assistant: options.assistant ?? defaultAssistant(config, interview, logger, clock),
    interview,
    articles: loadArticles(),
    admins: config.ADMIN_IDS,
    retentionDays: config.RETENTION_DAYS,
    clock,
    limits: options.limits,
    retry: options.retry,
    maxConcurrentRequests: options.maxConcurrentRequests,
  });
  const purge = () => purgeExpired(store, config.RETENTION_DAYS, clock(), logger).catch((error: unknown) => logger.error("retention purge failed", { error: String(error) }));
  await purge();
  const daily = setInterval(() => void purge(), DAY_MS);
  daily.unref();
  void publishMenu(app.deps.outbox);

  const finish = async (reason: string) => {
    clearInterval(daily);
    await app.deps.queue.drain();
    const emptied = await app.deps.outbox.drain(options.drainTimeoutMs ?? 10_000);
    app.deps.outbox.close();
    await store.close();
    logger.info("bot stopped", { reason, repliesDelivered: emptied });
  };

  if (config.WEBHOOK_URL) {
    const server = createWebhookServer({ path: new URL(config.WEBHOOK_URL).pathname, secret: config.WEBHOOK_SECRET!, onUpdate: (update) => void app.accept(update), logger });
    const port = await listen(server, config.PORT);
    app.telegraf.botInfo = await app.telegraf.telegram.getMe();
    await app.telegraf.telegram.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [...UPDATE_TYPES] });
    logger.info("bot started", { mode: "webhook", port });
    let closed: Promise<void> | undefined;
    const stop = (reason = "stop") =>
      (closed ??= (async () => {
        // Telegram keeps updates while the webhook does not answer, and delivers them to the next instance.
        await closeServer(server);
        await finish(reason);
      })());
    return { mode: "webhook", app, port, stop, stopped: new Promise(() => undefined) };
  }

  const polling = app.telegraf.launch({ allowedUpdates: [...UPDATE_TYPES], dropPendingUpdates: false });
  polling.catch((error: unknown) => logger.error("polling stopped", { error: startFailure(error) }));
  logger.info("bot started", { mode: "polling" });
  let closed: Promise<void> | undefined;
  const stop = (reason = "stop") =>
    (closed ??= (async () => {
      await stopPolling(app, polling, reason);
      await finish(reason);
    })());
  return { mode: "polling", app, stop, stopped: polling };
}

/**
 * telegraf's stop() throws until polling has begun (launch first calls getMe and deleteWebhook):
 * a stop that early tries again until polling has begun or launch has failed.
 */
async function stopPolling(app: BotApp, polling: Promise<void>, reason: string): Promise<void> {
  let settled = false;
  void polling.then(
    () => (settled = true),
    () => (settled = true),
  );
  while (!settled) {
    try {
      app.telegraf.stop(reason);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  await polling.catch(() => undefined);
}

/** What went wrong talking to Telegram at start-up, with what to do about it. */
export function startFailure(error: unknown): string {
  if (error instanceof TelegramError && error.code === 401) return "Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized): check the token @BotFather gave you.";
  if (error instanceof TelegramError && error.code === 409) return "Another instance is polling with this token, or a webhook is set (409 Conflict): stop the other one.";
  return error instanceof Error ? error.message : String(error);
}

function defaultAssistant(config: Config, interview: InterviewContext, logger: Logger, clock: () => Date): Assistant {
  // Explanations name the question behind each unknown fact; no screening is needed for that.
  const screening = buildScreening(interview.bank, [], todayInBeijing(clock()));
  const describe = describeFact({ bank: interview.bank, rules: interview.rules, screening });
  return createAssistant({ config, rules: interview.rules, describe, logger, now: clock });
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}

/** SIGINT/SIGTERM stop the bot gracefully; a second signal exits at once. */
export function stopOnSignals(bot: RunningBot, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info("signal received; stopping", { signal });
    bot.stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("stop failed", { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
}
