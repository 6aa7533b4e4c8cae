import { TelegramError } from "telegraf";
import type { Config } from "../../config.js";
import type { ConversationService } from "../../conversation/index.js";
import type { Logger } from "../../log.js";
import { publishMenu } from "./commands.js";
import { createBot, type BotApp } from "./createBot.js";
import { UPDATE_TYPES } from "./incoming.js";
import type { RateLimits, RetryPolicy } from "./outbox.js";
import { createWebhookHandler, type WebhookHost } from "./webhook.js";

export interface RunBotOptions {
  config: Config & { TELEGRAM_BOT_TOKEN: string };
  conversations: ConversationService;
  logger: Logger;
  limits?: RateLimits;
  retry?: RetryPolicy;
  maxConcurrentRequests?: number;
  /** How long stop() waits for queued replies before dropping them. */
  drainTimeoutMs?: number;
  /** Webhook mode: the shared HTTP server, listening already, that serves the webhook path. */
  webhookHost?: WebhookHost;
}

export interface RunningBot {
  mode: "polling" | "webhook";
  app: BotApp;
  /** Stops taking updates, then finishes the ones in hand and delivers their replies. */
  stop(reason?: string): Promise<void>;
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
    retry: options.retry,
    maxConcurrentRequests: options.maxConcurrentRequests,
  });
  void publishMenu(app.deps.outbox);

  const finish = async (reason: string) => {
    await conversations.drain();
    const emptied = await app.deps.outbox.drain(options.drainTimeoutMs ?? 10_000);
    app.deps.outbox.close();
    logger.info("bot stopped", { reason, repliesDelivered: emptied });
  };

  if (config.WEBHOOK_URL) {
    if (!options.webhookHost) throw new Error("WEBHOOK_URL is set but no HTTP server was given to serve the webhook on");
    const path = new URL(config.WEBHOOK_URL).pathname;
    let accepting = true;
    const onUpdate = (update: unknown) => {
      if (accepting) void app.accept(update);
      return accepting;
    };
    options.webhookHost.mount(path, createWebhookHandler({ secret: config.WEBHOOK_SECRET!, onUpdate, logger }));
    app.telegraf.botInfo = await app.telegraf.telegram.getMe();
    await app.telegraf.telegram.setWebhook(config.WEBHOOK_URL, { secret_token: config.WEBHOOK_SECRET, allowed_updates: [...UPDATE_TYPES] });
    logger.info("bot started", { mode: "webhook", path });
    let closed: Promise<void> | undefined;
    const stop = (reason = "stop") =>
      (closed ??= (async () => {
        // Updates refused from now on (503) are kept by Telegram and delivered to the next instance.
        accepting = false;
        await finish(reason);
      })());
    return { mode: "webhook", app, stop, stopped: new Promise(() => undefined) };
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
