/**
 * `npm run bench:staff`: the staff dashboard's response time over HTTP with 20,000 and then
 * 200,000 stored screenings, all created in the 30 Beijing days the dashboard asks for (the
 * hardest case for a 30-day period), and a case search.
 *
 * The screenings are written straight into the store's layout (one JSON file per screening in its
 * UTC day folder, as LowdbStore writes them) from 2,000 distinct results of the engine, so that
 * 200,000 take a minute rather than the store's atomic writes' many. The first dashboard request
 * then finds no day summaries and builds them from the folders (what happens once after an
 * upgrade); the figure that matters is the next ones: the summaries in memory, or read from
 * their files after a restart.
 *
 *   npm run bench:staff
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConversations } from "../src/app/conversations.js";
import { startServer } from "../src/app/server.js";
import { todayInBeijing } from "../src/clock.js";
import { readConfig } from "../src/config.js";
import { toScreeningRecord } from "../src/conversation/screeningRecord.js";
import { evaluate } from "../src/engine/evaluate.js";
import { createLogger } from "../src/log.js";
import { loadRules } from "../src/rules/loadRules.js";
import { AccountStore, accountsFile, readStaffConfig } from "../src/staff/index.js";
import { addDays, beijingDayStart } from "../src/store/beijingDay.js";
import { newCaseId } from "../src/store/caseId.js";
import { openLowdbStore } from "../src/store/lowdbStore.js";
import type { ScreeningRecord } from "../src/store/store.js";
import { seeded } from "./random.js";
import { randomScreening } from "./screenings.js";
import { percentile, round } from "./timing.js";

const DAYS = 30;
const DISTINCT = 2_000;
const CHANNELS = ["tg:9000001", "web:BENCHBENCHBENCHBENCH01", "cli"];
const CHEAP = { N: 1024, r: 8, p: 1, keyLength: 32 };
const PASSWORD = "benchmark password";

const rules = loadRules();
const today = todayInBeijing(new Date());
const from = addDays(today, -(DAYS - 1));
const periodStart = Date.parse(beijingDayStart(from));
const periodMs = Date.parse(beijingDayStart(addDays(today, 1))) - periodStart - 60_000;

function templates(): ScreeningRecord[] {
  const rng = seeded(15);
  return Array.from({ length: DISTINCT }, (_, i) => {
    const createdAt = new Date(periodStart);
    const screening = { ...randomScreening(rng), asOf: today };
    return toScreeningRecord({ caseId: newCaseId(createdAt.toISOString()), conversationId: CHANNELS[i % 3]!, createdAt, lang: "zh", screening, evaluation: evaluate(screening, rules, today) });
  });
}

/** Writes screenings n = start … end − 1, spread evenly over the period, 200 files at a time. */
async function fill(dir: string, base: ScreeningRecord[], start: number, end: number, total: number): Promise<void> {
  const made = new Map<string, Promise<unknown>>();
  for (let batch = start; batch < end; batch += 200) {
    await Promise.all(Array.from({ length: Math.min(200, end - batch) }, async (_, i) => {
      const n = batch + i;
      const createdAt = new Date(periodStart + Math.floor((n / total) * periodMs)).toISOString();
      const record = { ...base[n % DISTINCT]!, caseId: newCaseId(createdAt), createdAt, conversationId: CHANNELS[n % 3]! };
      const folder = join(dir, "screenings", createdAt.slice(0, 10));
      if (!made.has(folder)) made.set(folder, mkdir(folder, { recursive: true }));
      await made.get(folder);
      await writeFile(join(folder, `${record.caseId}.json`), JSON.stringify(record));
    }));
  }
}

interface Server {
  fetch(path: string): Promise<Response>;
  stop(): Promise<void>;
}

async function serve(dir: string): Promise<Server> {
  const logger = createLogger("silent");
  const config = readConfig({ DATA_DIR: dir, PORT: "0", LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "0", OPENAI_API_KEY: "" });
  const store = await openLowdbStore({ dir, logger });
  const server = await startServer({ config, conversations: createConversations({ config, store, logger }), logger, staff: { config: readStaffConfig({}), cost: CHEAP } });
  const base = server.web.url.replace(/\/$/, "");
  const signIn = await fetch(`${base}/staff/api/session`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "bench", password: PASSWORD }) });
  const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
  return {
    fetch: (path) => fetch(`${base}${path}`, { headers: { cookie } }),
    stop: async () => {
      await server.stop("benchmark over");
      await store.close();
    },
  };
}

async function timed(server: Server, path: string): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await server.fetch(path);
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.slice(0, 200)}`);
  return { ms: performance.now() - started, body };
}

async function measure(dir: string, count: number): Promise<void> {
  const dashboard = `/staff/api/dashboard?from=${from}&to=${today}`;
  let server = await serve(dir);
  const cold = await timed(server, dashboard);
  const finished = (JSON.parse(cold.body) as { byDay: { finished: number }[] }).byDay.reduce((sum, d) => sum + d.finished, 0);
  if (finished !== count) throw new Error(`the dashboard counted ${finished} screenings, not ${count}`);
  const warm: number[] = [];
  for (let i = 0; i < 30; i++) warm.push((await timed(server, dashboard)).ms);
  await server.stop();
  server = await serve(dir);
  const restarted = await timed(server, dashboard);
  const oneDay = await timed(server, `/staff/api/cases?from=${today}&to=${today}&q=%E5%85%AC%E5%8F%B8`);
  const month = count <= 20_000 ? await timed(server, `/staff/api/cases?from=${from}&to=${today}&q=%E5%85%AC%E5%8F%B8`) : null;
  await server.stop();
  process.stdout.write(
    `${count.toLocaleString("en")} screenings: dashboard (30 days) first request, building the day summaries ${round(cold.ms / 1000, 2)} s; ` +
      `after a restart (summaries read from their files) ${round(restarted.ms)} ms; warm median ${round(percentile(warm, 50))} ms, p90 ${round(percentile(warm, 90))} ms, max ${round(Math.max(...warm))} ms; ` +
      `case search by name, one day ${round(oneDay.ms)} ms${month ? `, 30 days ${round(month.ms / 1000, 2)} s` : ""}\n`,
  );
}

const dir = await mkdtemp(join(tmpdir(), "bench-staff-"));
try {
  await new AccountStore({ file: accountsFile(dir), cost: CHEAP }).add("bench", "staff", PASSWORD);
  const base = templates();
  let started = performance.now();
  await fill(dir, base, 0, 20_000, 20_000);
  process.stdout.write(`wrote 20,000 screenings in ${round((performance.now() - started) / 1000)} s\n`);
  await measure(dir, 20_000);
  // 200,000: the same 20,000 again at other times, and 180,000 more.
  await rm(join(dir, "screenings"), { recursive: true });
  await rm(join(dir, "stats"), { recursive: true, force: true });
  started = performance.now();
  await fill(dir, base, 0, 200_000, 200_000);
  process.stdout.write(`wrote 200,000 screenings in ${round((performance.now() - started) / 1000)} s\n`);
  await measure(dir, 200_000);
} finally {
  await rm(dir, { recursive: true, force: true });
}
