import { config as loadDotenv } from "dotenv";
import { createConversations } from "../app/conversations.js";
import { keepRetention } from "../app/retention.js";
import { runMain } from "../app/runMain.js";
import { startServer } from "../app/server.js";
import { stopOnSignals } from "../channels/telegram/runBot.js";
import { readConfig } from "../config.js";
import { createLogger } from "../log.js";
import { openLowdbStore } from "../store/lowdbStore.js";

/** `npm start`: one server for the web chat, the API and, when TELEGRAM_BOT_TOKEN is set, the Telegram bot. */
loadDotenv({ quiet: true });

runMain(async () => {
  const config = readConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openLowdbStore({ dir: config.DATA_DIR, logger });
  const conversations = createConversations({ config, store, logger });
  const stopRetention = await keepRetention(store, config.RETENTION_DAYS, () => new Date(), logger);
  let server;
  try {
    server = await startServer({ config, conversations, logger });
  } catch (error) {
    stopRetention();
    await store.close();
    throw error;
  }
  const running = server;
  process.stdout.write(`Open ${running.web.url}\n`);
  const stop = async (reason: string) => {
    stopRetention();
    await running.stop(reason);
    await store.close();
  };
  stopOnSignals(stop, logger);
  // Polling that ends on its own (a wrong token, another instance polling) ends the process.
  running.bot?.stopped.then(
    () => undefined,
    async () => {
      await stop("polling failed");
      process.exit(1);
    },
  );
});
