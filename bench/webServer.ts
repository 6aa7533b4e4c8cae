/**
 * The server under test for `bench/web.ts`: composed as `npm start` composes it (lowdb store on
 * DATA_DIR, logs at info written nowhere), with the per-address rate limit off since every
 * simulated applicant comes from 127.0.0.1. It samples its own memory and event-loop delay while
 * the orchestrator says a window is open.
 *
 *   node dist/bench-web-server.mjs DATA_DIR   (built by npm run build)
 */
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createConversations } from "../src/app/conversations.js";
import { startServer } from "../src/app/server.js";
import { readConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { openLowdbStore } from "../src/store/lowdbStore.js";

export interface WebServerFigures {
  type: "figures";
  rssStartBytes: number;
  rssEndBytes: number;
  rssMaxBytes: number;
  heapEndBytes: number;
  eventLoopMaxMs: number;
  eventLoopP99Ms: number;
  cpuMs: number;
}

const [dir] = process.argv.slice(2) as [string];
const logger = createLogger("info", () => undefined);
const config = readConfig({ DATA_DIR: dir, PORT: "0", LOG_LEVEL: "info", RATE_LIMIT_PER_MINUTE: "0", OPENAI_API_KEY: "" });
const store = await openLowdbStore({ dir, logger });
const conversations = createConversations({ config, store, logger });
const server = await startServer({ config, conversations, logger });

const loop = monitorEventLoopDelay({ resolution: 10 });
let rssStart = 0;
let rssMax = 0;
let sampler: NodeJS.Timeout | undefined;
let cpuAtStart = process.cpuUsage();

const stop = () => void server.stop("benchmark phase over").then(() => store.close()).then(() => process.exit(0));
process.on("message", (message: { type: "measure" | "report" | "stop" }) => {
  if (message.type === "measure") {
    loop.reset();
    loop.enable();
    rssStart = process.memoryUsage().rss;
    rssMax = rssStart;
    cpuAtStart = process.cpuUsage();
    sampler = setInterval(() => (rssMax = Math.max(rssMax, process.memoryUsage().rss)), 250);
  } else if (message.type === "report") {
    loop.disable();
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuAtStart);
    const memory = process.memoryUsage();
    const figures: WebServerFigures = {
      type: "figures",
      rssStartBytes: rssStart,
      rssEndBytes: memory.rss,
      rssMaxBytes: Math.max(rssMax, memory.rss),
      heapEndBytes: memory.heapUsed,
      eventLoopMaxMs: loop.max / 1e6,
      eventLoopP99Ms: loop.percentile(99) / 1e6,
      cpuMs: (cpu.user + cpu.system) / 1000,
    };
    process.send!(figures);
  } else stop();
});
process.on("disconnect", stop);
process.send!({ type: "ready", url: server.web.url });
