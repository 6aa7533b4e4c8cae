import { TelegramError } from "telegraf";
import type { Config } from "../../config.js";
import type { ConversationService } from "../../conversation/index.js";
import { Deadline } from "../../deadline.js";
import type { Logger } from "../../log.js";
import { publishMenu } from "./commands.js";
import { createBot, type BotApp } from "./createBot.js";
import { UPDATE_TYPES } from "./incoming.js";
import { DEFAULT_RETRY, type RateLimits, type RetryPolicy } from "./outbox.js";
import { limitPollBatches, pacePolls } from "./pollBatch.js";
import { finishBot } from "./shutdown.js";
import { withStartupRetries } from "./startupRetry.js";
import { createWebhookHandler, type WebhookHost } from "./webhook.js";

export interface RunBotOptions {
  config: Config & { TELEGRAM_BOT_TOKEN: string };
  conversations: ConversationService;
  logger: Logger;
  limits?: RateLimits;
  retry?: RetryPolicy;
  maxConcurrentRequests?: number;
  /** The longest stop() takes (SHUTDOWN_TIMEOUT_MS by default); replies not delivered by then stay in the outbox. */
  drainTimeoutMs?: number;
  /** Webhook mode: the shared HTTP server, listening already, that serves the webhook path. */
  webhookHost?: WebhookHost;
}

export interface RunningBot {
  mode: "polling" | "webhook";
  app: BotApp;
  /**
   * Stops taking updates, finishes the ones in hand, and leaves undelivered replies in the outbox
   * for the next start; by `deadline` (drainTimeoutMs from now by default).
   */
  stop(reason?: string, deadline?: Deadline): Promise<void>;
  /** Settles when polling ends; rejects if it stopped on its own (a wrong token, another instance polling). */
  stopped: Promise<void>;
}

/** Starts the bot: long polling, or, when WEBHOOK_URL is set, a webhook served by the shared HTTP server. */
export async function runBot(options: RunBotOptions): Promise<RunningBot> {
  const { config, conversations, logger } = options;
  const app = createBot({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    conversations,
    bank: conversations.deps.interview.bank,
    logger,
    admins: config.ADMIN_IDS,
    limits: options.limits,
    retry: options.retry ?? { ...DEFAULT_RETRY, callTimeoutMs: config.TELEGRAM_CALL_TIMEOUT_MS, horizonMs: config.TELEGRAM_RETRY_HORIZON_MS },
    maxConcurrentRequests: options.maxConcurrentRequests,
  });
  const telegram = app.telegraf.telegram;
  const byDefault = () => new Deadline(options.drainTimeoutMs ?? config.SHUTDOWN_TIMEOUT_MS);
  const finish = (reason: string, deadline: Deadline) => finishBot(app, conversations, deadline, logger, reason);

  if (config.WEBHOOK_URL) {
    if (!options.webhookHost) throw new Error("WEBHOOK_URL is set but no HTTP server was given to serve the webhook on");
    const path = new URL(config.WEBHOOK_URL).pathname;
    let accepting = true;
    // Answered once the update's turn is saved and its replies stored: Telegram retries anything else.
    const onUpdate = async (update: unknown) => {
      if (!accepting) return false;
      await app.accept(update);
      return true;
    };
    options.webhookHost.mount(path, createWebhookHandler({ secret: config.WEBHOOK_SECRET!, onUpdate, logger }));
    app.telegraf.botInfo = await withStartupRetries("getMe", () => telegram.getMe(), logger);
    const webhook = { secret_token: config.WEBHOOK_SECRET, allowed_updates: [...UPDATE_TYPES] };
    await withStartupRetries("setWebhook", () => telegram.setWebhook(config.WEBHOOK_URL!, webhook), logger);
    void publishMenu(app.deps.outbox);
    logger.info("bot started", { mode: "webhook", path });
    let closed: Promise<void> | undefined;
    const stop = (reason = "stop", deadline = byDefault()) =>
      (closed ??= (async () => {
        // Updates refused from now on (503) are kept by Telegram and delivered to the next instance.
        accepting = false;
        await finish(reason, deadline);
      })());
    return { mode: "webhook", app, stop, stopped: new Promise(() => undefined) };
  }

  // launch() makes these calls too, but once: a Telegram hiccup during a deploy would end the process.
  app.telegraf.botInfo = await withStartupRetries("getMe", () => telegram.getMe(), logger);
  await withStartupRetries("deleteWebhook", () => telegram.deleteWebhook({ drop_pending_updates: false }), logger);
  void publishMenu(app.deps.outbox);
  limitPollBatches(telegram, config.TELEGRAM_POLL_BATCH);
  pacePolls(telegram, config.TELEGRAM_POLL_INTERVAL_MS);
  const polling = app.telegraf.launch({ allowedUpdates: [...UPDATE_TYPES], dropPendingUpdates: false });
  polling.catch((error: unknown) => logger.error("polling stopped", { error: startFailure(error) }));
  logger.info("bot started", { mode: "polling" });
  let closed: Promise<void> | undefined;
  const stop = (reason = "stop", deadline = byDefault()) =>
    (closed ??= (async () => {
      await stopPolling(app, polling, reason);
      await finish(reason, deadline);
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

/** SIGINT/SIGTERM stop the process gracefully (`stop` finishes what is in hand); a second signal exits at once. */
export function stopOnSignals(stop: (reason: string) => Promise<void>, logger: Logger): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info("signal received; stopping", { signal });
    stop(signal).then(
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
