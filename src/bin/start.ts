import { config as loadDotenv } from "dotenv";
import { createConversations } from "../app/conversations.js";
import { keepRetention } from "../app/retention.js";
import { runMain } from "../app/runMain.js";
import { runChat } from "../channels/console/runChat.js";
import { runBot, startFailure, stopOnSignals } from "../channels/telegram/runBot.js";
import { readConfig } from "../config.js";
import { createLogger } from "../log.js";
import { openLowdbStore } from "../store/lowdbStore.js";

/** `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, the terminal chat otherwise. */
loadDotenv({ quiet: true });

runMain(async () => {
  const config = readConfig();
  const token = config.TELEGRAM_BOT_TOKEN;
  if (token === undefined) return runChat([], { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
  const logger = createLogger(config.LOG_LEVEL);
  const store = await openLowdbStore({ dir: config.DATA_DIR, logger });
  const conversations = createConversations({ config, store, logger });
  const stopRetention = await keepRetention(store, config.RETENTION_DAYS, () => new Date(), logger);
  let bot;
  try {
    bot = await runBot({ config: { ...config, TELEGRAM_BOT_TOKEN: token }, conversations, logger });
  } catch (error) {
    await store.close();
    throw new Error(startFailure(error));
  }
  const running = bot;
  stopOnSignals(async (reason) => {
    stopRetention();
    await running.stop(reason);
    await store.close();
  }, logger);
  // Polling that ends on its own (a wrong token, another instance polling) ends the process.
  running.stopped.then(
    () => undefined,
    async () => {
      await running.stop("polling failed");
      await store.close();
      process.exit(1);
    },
  );
});
