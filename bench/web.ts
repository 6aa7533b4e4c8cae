/**
 * Load benchmark of the web server (`npm run bench:web`: the build, then `tsx bench/web.ts`).
 * Three processes: the server as `npm start` runs it with the lowdb store in a temporary folder
 * (webServer.ts, built into dist/bench-web-server.mjs as the server is built, a fresh process per
 * phase), simulated applicants over HTTP (webUsers.ts), and this one, which directs them.
 * Phase one runs on an empty store; then botFill.ts writes 20,000 screenings through the store,
 * and phase two runs on it. Each phase has an unreported warm-up, then a measured window in
 * which every applicant sends its next turn as soon as the last one is answered.
 *
 *   --users N     conversations at once (default 200)
 *   --seconds S   length of each measured window (default 60)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { fillStore, MB, message, print, sizeOnDisk, spawnBuilt, spawnTs } from "./loadRun.js";
import { round } from "./timing.js";
import type { UsersRequest, UsersResult } from "./webUsers.js";
import type { WebServerFigures } from "./webServer.js";

const STORED_SCREENINGS = 20_000;
const WARM_UP_SECONDS = 10;

const { values } = parseArgs({ options: { users: { type: "string", default: "200" }, seconds: { type: "string", default: "60" } } });
const users = Number(values.users);
const seconds = Number(values.seconds);
if (!Number.isInteger(users) || users < 1 || users > 5000 || !(seconds > 0 && seconds <= 600)) {
  process.stderr.write("usage: tsx bench/web.ts [--users N (1–5000)] [--seconds S (up to 600)]\n");
  process.exit(2);
}

async function phase(dir: string) {
  const server = spawnBuilt("bench-web-server.mjs", [dir]);
  const { url } = await message<{ type: "ready"; url: string }>(server, "ready");
  const client = spawnTs("webUsers.ts", []);
  await message(client, "ready");
  const loadBefore = loadavg()[0]!;
  client.send({ type: "run", url, users, warmUpSeconds: WARM_UP_SECONDS, seconds } satisfies UsersRequest);
  // The server measures the same window as the applicants.
  const opened = setTimeout(() => server.send({ type: "measure" }), WARM_UP_SECONDS * 1000);
  const closed = setTimeout(() => server.send({ type: "report" }), (WARM_UP_SECONDS + seconds) * 1000);
  const [result, own] = await Promise.all([message<UsersResult>(client, "done"), message<WebServerFigures>(server, "figures")]);
  clearTimeout(opened);
  clearTimeout(closed);
  const loadAfter = loadavg()[0]!;
  server.send({ type: "stop" });
  await new Promise((resolve) => server.once("exit", resolve));
  return {
    "conversations at once": users,
    "turns in the window": result.turns,
    "turns per second": round(result.turns / result.seconds),
    "turn latency p50 (ms)": round(result.p50Ms, 2),
    "turn latency p99 (ms)": round(result.p99Ms, 2),
    "turn latency max (ms)": round(result.maxMs),
    "failed turns (not 200)": result.failures,
    "requests without an answer": JSON.stringify(result.networkErrors),
    "screenings finished in the window": result.screeningsFinished,
    "server CPU per turn (ms)": round(own.cpuMs / Math.max(1, result.turns), 3),
    "event-loop delay p99 / max (ms)": `${round(own.eventLoopP99Ms)} / ${round(own.eventLoopMaxMs)}`,
    "resident memory at start / end / max of the window (MB)": `${round(own.rssStartBytes / MB)} / ${round(own.rssEndBytes / MB)} / ${round(own.rssMaxBytes / MB)}`,
    "heap used at the end (MB)": round(own.heapEndBytes / MB),
    "store size on disk (MB)": round(sizeOnDisk(dir) / MB, 2),
    "machine load, 1-min average, before / after": `${round(loadBefore, 2)} / ${round(loadAfter, 2)} (of ${cpus().length} cores)`,
  };
}

const dir = mkdtempSync(join(tmpdir(), "bench-web-"));
try {
  console.log(`Web server under load: ${users} conversations at once over HTTP keep-alive from another process, windows of ${seconds} s after a ${WARM_UP_SECONDS} s warm-up, lowdb store in ${dir}`);
  console.log("The per-address rate limit is off for this benchmark: every simulated applicant comes from 127.0.0.1.");
  const empty = await phase(dir);
  print("Empty store", empty, 56);

  const fillSeconds = fillStore(dir, STORED_SCREENINGS);
  print(`Store filled with ${STORED_SCREENINGS} more screenings`, { "seconds to write them": round(fillSeconds), "store size on disk (MB)": round(sizeOnDisk(dir) / MB, 2) });

  const full = await phase(dir);
  print(`With ${STORED_SCREENINGS} more stored screenings`, full, 56);

  print("Targets", {
    "≥ 1,000 turns/s (empty / full)": `${empty["turns per second"]} / ${full["turns per second"]}`,
    "p99 < 50 ms (empty / full)": `${empty["turn latency p99 (ms)"]} / ${full["turn latency p99 (ms)"]}`,
    "p99 full ≤ 1.5 × empty": `${round(full["turn latency p99 (ms)"] / Math.max(empty["turn latency p99 (ms)"], 0.1), 2)}×`,
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
