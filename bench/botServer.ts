/**
 * The bot under test for `bench/bot.ts`, one process per phase: started as `npm start` starts
 * it (lowdb store on DATA_DIR, logs at info), with the outgoing rate limits off. It measures
 * itself while the orchestrator says a window is open: event-loop delay, resident memory, its
 * own handling time per update (from the update taken to its reply queued), and how many updates
 * each long poll brought.
 *
 *   node dist/bench-bot-server.mjs DATA_DIR API_ROOT TOKEN   (built by npm run build)
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createConversations } from "../src/app/conversations.js";
import { runBot } from "../src/channels/telegram/runBot.js";
import { wrapCallApi } from "../src/channels/telegram/wrapCallApi.js";
import { readConfig } from "../src/config.js";
import { pollingEnv } from "./loadRun.js";
import { loadQuestionBank } from "../src/rules/loadQuestions.js";
import { createLogger } from "../src/log.js";
import { loadRules } from "../src/rules/loadRules.js";
import { openLowdbStore } from "../src/store/lowdbStore.js";
import { percentile } from "./timing.js";

export interface ServerFigures {
  type: "figures";
  eventLoopMaxMs: number;
  eventLoopP99Ms: number;
  rssMaxBytes: number;
  handledP50Ms: number;
  handledP99Ms: number;
  /** CPU time of this process (user and system) during the window. */
  cpuMs: number;
  /** Long polls that returned during the window, and the updates each brought. */
  polls: number;
  pollMax: number;
  /** The size of the poll an update came in, at the 99th percentile over updates. */
  pollP99: number;
}

const HANDLED = /"msg":"update".*"ms":([\d.]+)/;
const handledMs: number[] = [];
const [dir, apiRoot, token] = process.argv.slice(2) as [string, string, string];

// Logs are formatted as in production (one JSON line per update) but written nowhere.
const logger = createLogger("info", (line) => {
  const ms = HANDLED.exec(line)?.[1];
  if (ms !== undefined) handledMs.push(Number(ms));
});
const config = readConfig({ ...pollingEnv(), TELEGRAM_BOT_TOKEN: token, TELEGRAM_API_ROOT: apiRoot, DATA_DIR: dir, LOG_LEVEL: "info" });
const store = await openLowdbStore({ dir, logger });
const conversations = createConversations({ config, store, logger, interview: { bank: loadQuestionBank(), rules: loadRules() } });
const bot = await runBot({
  config: { ...config, TELEGRAM_BOT_TOKEN: token },
  conversations,
  logger,
  // The benchmark measures the bot, not Telegram's flood limits.
  limits: { perChat: null, overall: null },
});

// How many updates each long poll brings: polling takes a backlog in batches (src/channels/telegram/pollBatch.ts).
const polled: number[] = [];
wrapCallApi(bot.app.telegraf.telegram, (call) => async (method, payload, options) => {
  const result = await call(method, payload, options);
  if (method === "getUpdates" && Array.isArray(result)) polled.push(result.length);
  return result;
});

const loop = monitorEventLoopDelay({ resolution: 10 });
let rssMax = 0;
let sampler: NodeJS.Timeout | undefined;
let cpuAtStart = process.cpuUsage();

process.on("message", (message: { type: "measure" | "report" | "stop" }) => {
  if (message.type === "measure") {
    handledMs.length = 0;
    polled.length = 0;
    loop.reset();
    loop.enable();
    rssMax = 0;
    cpuAtStart = process.cpuUsage();
    sampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 100);
  } else if (message.type === "report") {
    loop.disable();
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuAtStart);
    const figures: ServerFigures = {
      type: "figures",
      eventLoopMaxMs: loop.max / 1e6,
      eventLoopP99Ms: loop.percentile(99) / 1e6,
      rssMaxBytes: rssMax,
      handledP50Ms: percentile(handledMs, 50),
      handledP99Ms: percentile(handledMs, 99),
      cpuMs: (cpu.user + cpu.system) / 1000,
      polls: polled.length,
      pollMax: Math.max(0, ...polled),
      pollP99: percentile(polled.flatMap((size) => Array<number>(size).fill(size)), 99),
    };
    process.send!(figures);
  } else void bot.stop("benchmark phase over").then(() => store.close()).then(() => process.exit(0));
});
process.on("disconnect", () => void bot.stop("orchestrator gone").then(() => store.close()).then(() => process.exit(0)));
process.send!({ type: "ready" });
