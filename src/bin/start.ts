import { config as loadDotenv } from "dotenv";
import { todayInBeijing } from "../clock.js";
import { runBot, startFailure, stopOnSignals } from "../bot/runBot.js";
import { ConfigError, readConfig, type Config } from "../config.js";
import { runConsoleChat } from "../console/chat.js";
import { loadQuestionBank } from "../interview/questionBank.js";
import { createLogger } from "../log.js";
import { createAssistant } from "../assistant/llmAssistant.js";
import { RulesFileError, loadRules } from "../rules/loadRules.js";
import { StoreLockedError } from "../store/dataLock.js";
import { openLowdbStore } from "../store/lowdbStore.js";

/** `npm start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, the terminal chat otherwise. */
loadDotenv({ quiet: true });

let config: Config;
try {
  config = readConfig();
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
  process.exit(2);
}

try {
  const token = config.TELEGRAM_BOT_TOKEN;
  if (token === undefined) {
    const rules = loadRules();
    const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
    await runConsoleChat({
      input: process.stdin,
      output: process.stdout,
      ctx: { bank: loadQuestionBank(), rules },
      today: todayInBeijing(),
      assistant: (describe) => createAssistant({ config, rules, describe, logger }),
    });
  } else {
    const logger = createLogger(config.LOG_LEVEL);
    const interview = { bank: loadQuestionBank(), rules: loadRules() };
    const store = await openLowdbStore({ dir: config.DATA_DIR, logger });
    const bot = await runBot({ config: { ...config, TELEGRAM_BOT_TOKEN: token }, store, logger, interview });
    stopOnSignals(bot, logger);
    // Polling that ends on its own (a wrong token, another instance polling) ends the process.
    bot.stopped.then(
      () => undefined,
      async () => {
        await bot.stop("polling failed");
        process.exit(1);
      },
    );
  }
} catch (error) {
  process.stderr.write(`${error instanceof RulesFileError || error instanceof StoreLockedError ? error.message : startFailure(error)}\n`);
  process.exit(1);
}
