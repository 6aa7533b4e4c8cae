import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { evaluate } from "../src/engine/evaluate.js";
import { parseScreening } from "../src/engine/screening.js";
import { projectRoot } from "../src/paths.js";
import { loadRules } from "../src/rules/loadRules.js";
import { toResultFile } from "../src/result/resultFile.js";
import { seeded } from "./random.js";
import { randomScreening } from "./screenings.js";
import { elapsedMs, percentile, round, timeProcess } from "./timing.js";

const SCREENINGS = 100_000;
const STARTUP_RUNS = 15;

/** Engine alone, batch CLI end to end, and one-shot CLI start-up. */
export async function benchEngine(workDir: string): Promise<Record<string, number>> {
  const rules = loadRules();
  const rng = seeded(2025);
  const screenings = Array.from({ length: SCREENINGS }, () => randomScreening(rng));
  const parsed = screenings.map((s) => {
    const result = parseScreening(JSON.parse(JSON.stringify(s)));
    if (!result.ok) throw new Error(`generated screening is invalid: ${JSON.stringify(result.issues)}`);
    return result.value;
  });
  // Warm the JIT first: the figure is the steady throughput of a long batch.
  for (const s of parsed.slice(0, 20_000)) evaluate(s, rules, "2026-03-01");
  let start = process.hrtime.bigint();
  let needsInfo = 0;
  for (const s of parsed) needsInfo += evaluate(s, rules, "2026-03-01").items.filter((i) => i.status === "needs_info").length;
  const engineMs = elapsedMs(start);
  start = process.hrtime.bigint();
  for (const s of parsed) toResultFile(evaluate(s, rules, "2026-03-01"));
  const withRenderMs = elapsedMs(start);

  const file = join(workDir, "screenings.jsonl");
  writeFileSync(file, screenings.map((s) => JSON.stringify(s)).join("\n") + "\n");
  const bin = join(projectRoot, "dist", "screen.mjs");
  const batchJsonMs = await timeProcess(process.execPath, [bin, "--batch", file, "--json"]);
  const batchCsvMs = await timeProcess(process.execPath, [bin, "--batch", file, "--csv"]);
  const example = join(projectRoot, "examples", "spec-example.json");
  const startups: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) startups.push(await timeProcess(process.execPath, [bin, "--json", example]));

  return {
    "engine screenings/s (one core)": Math.round(SCREENINGS / (engineMs / 1000)),
    "engine + result JSON screenings/s": Math.round(SCREENINGS / (withRenderMs / 1000)),
    "needs_info items per screening": round(needsInfo / SCREENINGS, 2),
    "batch CLI --json lines/s": Math.round(SCREENINGS / (batchJsonMs / 1000)),
    "batch CLI --csv lines/s": Math.round(SCREENINGS / (batchCsvMs / 1000)),
    "one-shot screen median ms": round(percentile(startups, 50)),
    "one-shot screen p90 ms": round(percentile(startups, 90)),
  };
}
