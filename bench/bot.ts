/**
 * Load benchmark of the Telegram bot (`npm run bench:bot`: the build, then `tsx bench/bot.ts`). Three
 * processes: simulated users and a fake Bot API (botUsers.ts), the bot as `npm start` runs it with
 * the lowdb store in a temporary folder (botServer.ts, built into dist/bench-bot-server.mjs as the
 * server is built, a fresh process per phase), and this one, which
 * directs them. Phase one runs on an empty store; then botFill.ts writes 20,000 screenings
 * through the store, and phase two runs on it. Each phase starts with an unreported warm-up and
 * then opens a window of S seconds during which every user answers, pausing between answers as
 * people do; then the users finish their interviews unmeasured. Every figure is measured in this
 * run, on this machine.
 *
 *   --users N       simulated users at once (default 1000)
 *   --think A-B     each user's pause between answers, in ms (default 2000-4000)
 *   --seconds S     length of each measured window (default 60)
 *   --warm-up S     length of each unreported warm-up (default 20)
 *   --profile DIR   writes a CPU profile of the bot's process for each phase into DIR
 *                   (open it in Chrome DevTools; profiling slows the bot, so its figures are not the bot's)
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readConfig } from "../src/config.js";
import { fillStore, MB, message, pollingEnv, print, sizeOnDisk, spawnBuilt, spawnTs } from "./loadRun.js";
import type { RunRequest, RunResult } from "./botUsers.js";
import type { ServerFigures } from "./botServer.js";
import { percentile, round } from "./timing.js";

const STORED_SCREENINGS = 20_000;
const { values } = parseArgs({ options: { users: { type: "string", default: "1000" }, think: { type: "string", default: "2000-4000" }, seconds: { type: "string", default: "60" }, "warm-up": { type: "string", default: "20" }, profile: { type: "string" } } });
const users = Number(values.users);
const seconds = Number(values.seconds);
const warmUpSeconds = Number(values["warm-up"]);
const thinkMs = values.think.split("-").map(Number) as [number, number];
if (!Number.isInteger(users) || users < 1 || !(seconds > 0) || !(warmUpSeconds > 0) || thinkMs.length !== 2 || thinkMs.some((n) => !Number.isFinite(n) || n < 0)) {
  process.stderr.write("usage: tsx bench/bot.ts [--users N] [--think MIN-MAX] [--seconds S] [--warm-up S] [--profile DIR]\n");
  process.exit(2);
}

/** One phase: a fresh bot process, a warm-up, then the measured window. */
async function phase(usersChild: ChildProcess, fake: { url: string; token: string }, dir: string, firstChatId: number, seed: number) {
  const server = spawnBuilt("bench-bot-server.mjs", [dir, fake.url, fake.token], values.profile ? ["--cpu-prof", `--cpu-prof-dir=${values.profile}`] : []);
  await message(server, "ready");
  const run = (request: Omit<RunRequest, "type" | "thinkMs">, onWindowClosed: () => void) => {
    const closed = message(usersChild, "window closed").then(onWindowClosed);
    usersChild.send({ type: "run", thinkMs, ...request } satisfies RunRequest);
    return Promise.all([message<RunResult>(usersChild, "done"), closed]).then(([result]) => result);
  };
  // Warm-up, not reported: a server that has run a while has compiled its hot paths.
  await run({ users, seconds: warmUpSeconds, firstChatId: firstChatId + 500_000_000, seed: seed + 100 }, () => undefined);
  const loadBefore = loadavg()[0]!;
  server.send({ type: "measure" });
  const figures = message<ServerFigures>(server, "figures");
  const result = await run({ users, seconds, firstChatId, seed }, () => server.send({ type: "report" }));
  const own = await figures;
  const loadAfter = loadavg()[0]!;
  server.send({ type: "stop" });
  await new Promise((resolve) => server.once("exit", resolve));
  return {
    "simulated users": result.users,
    "interviews completed": result.completed,
    "updates sent in the window": result.updates,
    "updates per second": round(result.updates / result.seconds),
    "update-to-reply latency p50 (ms)": round(percentile(result.latenciesMs, 50)),
    "update-to-reply latency p99 (ms)": round(percentile(result.latenciesMs, 99)),
    "update-to-reply latency max (ms)": round(Math.max(...result.latenciesMs)),
    "bot's own handling p50 / p99 (ms)": `${round(own.handledP50Ms)} / ${round(own.handledP99Ms)}`,
    "bot CPU per update (ms)": round(own.cpuMs / result.updates, 2),
    "long polls per second": round(own.polls / result.seconds),
    "updates per poll: largest / p99 over updates": `${own.pollMax} / ${own.pollP99}`,
    "event-loop delay max (ms)": round(own.eventLoopMaxMs),
    "event-loop delay p99 (ms)": round(own.eventLoopP99Ms),
    "resident memory max (MB)": round(own.rssMaxBytes / MB),
    "interviews with a reply lost": result.lost,
    "replies duplicated": result.duplicated,
    "questions shown out of step": result.mismatched,
    "store size on disk (MB)": round(sizeOnDisk(dir) / MB, 2),
    // Both cores are shared with the simulated users; anything else running skews every figure above.
    "machine load, 1-min average, before / after": `${round(loadBefore, 2)} / ${round(loadAfter, 2)} (of ${cpus().length} cores)`,
  };
}

const dir = mkdtempSync(join(tmpdir(), "bench-bot-"));
const usersChild = spawnTs("botUsers.ts", []);
try {
  const fake = await message<{ type: "ready"; url: string; token: string }>(usersChild, "ready");
  console.log(`Telegram bot under load: ${users} simulated users at once, windows of ${seconds} s after a ${warmUpSeconds} s warm-up, ${thinkMs[0]}–${thinkMs[1]} ms between answers, lowdb store in ${dir}`);
  const polling = readConfig(pollingEnv());
  console.log(`Long polls take at most ${polling.TELEGRAM_POLL_BATCH} updates each and start at least ${polling.TELEGRAM_POLL_INTERVAL_MS} ms apart (TELEGRAM_POLL_BATCH, TELEGRAM_POLL_INTERVAL_MS).`);
  console.log("Outgoing rate limits are disabled for this benchmark (per chat and overall): it measures the bot, not Telegram's flood limits.");
  const empty = await phase(usersChild, fake, dir, 1_000_000_000, 1);
  print("Empty store", empty);

  const fillSeconds = fillStore(dir, STORED_SCREENINGS);
  print(`Store filled with ${STORED_SCREENINGS} screenings`, { "seconds to write them": round(fillSeconds), "store size on disk (MB)": round(sizeOnDisk(dir) / MB, 2) });

  const full = await phase(usersChild, fake, dir, 2_000_000_000, 2);
  print(`With ${STORED_SCREENINGS} stored screenings`, full);

  const p99Ratio = full["update-to-reply latency p99 (ms)"] / Math.max(empty["update-to-reply latency p99 (ms)"], 0.1);
  print("Targets", {
    "≥ 300 updates/s (empty / full)": `${empty["updates per second"]} / ${full["updates per second"]}`,
    "p99 < 100 ms (empty / full)": `${empty["update-to-reply latency p99 (ms)"]} / ${full["update-to-reply latency p99 (ms)"]}`,
    "p99 full ≤ 1.5 × empty": `${round(p99Ratio, 2)}×`,
    "memory < 250 MB (max of both)": `${Math.max(empty["resident memory max (MB)"], full["resident memory max (MB)"])} MB`,
    "event-loop stall < 50 ms (max of both)": `${Math.max(empty["event-loop delay max (ms)"], full["event-loop delay max (ms)"])} ms`,
    "lost / duplicated replies": `${empty["interviews with a reply lost"] + full["interviews with a reply lost"]} / ${empty["replies duplicated"] + full["replies duplicated"]}`,
  });
} finally {
  usersChild.send({ type: "exit" });
  rmSync(dir, { recursive: true, force: true });
}
