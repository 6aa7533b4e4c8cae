import { join } from "node:path";
import { createWebApp, startWebServer, webSettings, type RunningWebServer, type WebApp } from "../channels/web/index.js";
import { runBot, startFailure, type RunBotOptions, type RunningBot } from "../channels/telegram/runBot.js";
import type { Config } from "../config.js";
import type { ConversationService } from "../conversation/index.js";
import { Deadline } from "../deadline.js";
import type { Logger } from "../log.js";
import { projectRoot } from "../paths.js";
import { AccountStore, accountsFile, AuditLog, auditFile, readStaffConfig, SessionManager, type StaffConfig } from "../staff/index.js";
import type { ScryptCost } from "../staff/password.js";
import { UserError } from "../userError.js";

/** The most a stop waits for web requests in progress (a batch upload, a report) before ending them. */
const WEB_GRACE_MS = 3_000;

/** Where the web client's build puts the page and its assets. */
export const WEB_DIR = join(projectRoot, "dist", "web");

export interface ServerOptions {
  config: Config;
  conversations: ConversationService;
  logger: Logger;
  staticDir?: string;
  /** Outgoing Telegram limits and retries (tests turn the limits off). */
  bot?: Pick<RunBotOptions, "limits" | "retry" | "maxConcurrentRequests" | "drainTimeoutMs">;
  /** The staff console's settings (STAFF_* from the environment by default), and for tests its clock and a cheaper hash. */
  staff?: { config?: StaffConfig; now?: () => number; cost?: ScryptCost };
}

export interface RunningServer {
  web: RunningWebServer;
  app: WebApp;
  /** The Telegram bot, when TELEGRAM_BOT_TOKEN is set: polling, or its webhook on the web server. */
  bot: RunningBot | null;
  /**
   * Stops taking requests and updates, then finishes the turns in hand, within SHUTDOWN_TIMEOUT_MS
   * as a whole; the store stays open (its owner closes it).
   */
  stop(reason: string): Promise<void>;
}

/** The one server `npm start` runs: the web chat, the API, /healthz, and the Telegram bot when configured. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { config, conversations, logger } = options;
  const app = createWebApp({ conversations, logger, settings: webSettings(config), staticDir: options.staticDir ?? WEB_DIR, staff: staffServices(config, options.staff) });
  let web: RunningWebServer;
  try {
    web = await startWebServer(app, config.HOST, config.PORT);
  } catch (error) {
    app.close();
    throw listenFailure(error, config);
  }
  let bot: RunningBot | null = null;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (token !== undefined) {
    try {
      bot = await runBot({ config: { ...config, TELEGRAM_BOT_TOKEN: token }, conversations, logger, webhookHost: app, ...options.bot });
    } catch (error) {
      await web.close();
      throw new UserError(startFailure(error));
    }
  }
  logger.info("server started", { url: web.url, telegram: bot?.mode ?? "off" });
  let stopped: Promise<void> | undefined;
  const stop = (reason: string) =>
    (stopped ??= (async () => {
      const deadline = new Deadline(config.SHUTDOWN_TIMEOUT_MS);
      await web.close(Math.min(WEB_GRACE_MS, deadline.left() / 4));
      if (bot) await deadline.within(bot.stop(reason, deadline));
      // Replies still being written (an FAQ answer, an explanation from the LLM) that finish by the
      // deadline are kept in the bot's outbox for the next start; the rest are dropped: the turn
      // that asked for them is saved, and asking again costs the user one message.
      const replied = await deadline.within(conversations.drain());
      if (!replied) logger.warn("server stopped before replies still being written were done; they are dropped", { reason, unfinished: conversations.pending });
      logger.info("server stopped", { reason });
    })());
  return { web, app, bot, stop };
}

/** Staff accounts and the audit log under DATA_DIR/staff/, sessions in this process's memory. */
function staffServices(config: Config, options: ServerOptions["staff"] = {}) {
  const staffConfig = options.config ?? readStaffConfig();
  const clock = options.now ?? Date.now;
  const date = () => new Date(clock());
  const accounts = new AccountStore({ file: accountsFile(config.DATA_DIR), now: date, cost: options.cost });
  const audit = new AuditLog(auditFile(config.DATA_DIR), date);
  const sessions = new SessionManager({ accounts, audit, now: clock, sessions: staffConfig.sessions, lockout: staffConfig.lockout, cost: options.cost });
  return { sessions, audit, config: staffConfig };
}

function listenFailure(error: unknown, config: Config): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") return new UserError(`Port ${config.PORT} on ${config.HOST} is in use: stop the program using it, or set PORT to another port.`);
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") return new UserError(`HOST ${config.HOST} is not an address of this machine: use 127.0.0.1, or 0.0.0.0 for every interface.`);
  if (code === "EACCES") return new UserError(`Not allowed to listen on port ${config.PORT}: ports below 1024 need privileges; use 8080 behind a reverse proxy.`);
  return error instanceof Error ? error : new Error(String(error));
}
