import { statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { defaultJobs } from "../src/cli/runBatch.js";
import { parseBatchLine } from "../src/cli/screenLines.js";
import { evaluate } from "../src/engine/evaluate.js";
import { parseScreening } from "../src/engine/screening.js";
import { projectRoot } from "../src/paths.js";
import { loadRules } from "../src/rules/loadRules.js";
import { resultFileJson } from "../src/result/resultFileJson.js";
import { toResultFile } from "../src/result/resultFile.js";
import { parallelParseStringifyFloor, parseCheckStringifyFloor, parseOnlyFloor, parseStringifyFloor, touchFields } from "./floors.js";
import { seeded } from "./random.js";
import { randomScreening } from "./screenings.js";
import { elapsedMs, percentile, round, timeProcess } from "./timing.js";

const SCREENINGS = 100_000;
const TIMED_RUNS = 5;
const STARTUP_RUNS = 15;
/** Runs of the --csv batch, and of its copy without the engine, taking turns: the median is reported. */
const CSV_RUNS = 3;
const TODAY = "2026-03-01";

/** Per second over `count` items, for each of TIMED_RUNS runs of `run`. */
function perSecondRuns(count: number, run: () => void): number[] {
  const rates: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    const start = process.hrtime.bigint();
    run();
    rates.push(Math.round(count / (elapsedMs(start) / 1000)));
  }
  return rates;
}

const ratio = (product: number, floor: number) => round(product / floor, 2);

/**
 * Engine alone, batch CLI end to end and one-shot CLI start-up, each beside its floor (what
 * the same input costs with no screening, bench/floors.ts) measured in this same run; the
 * `--csv` batch also beside the same CLI with its engine taken out (bench/noEngine.ts), which
 * says what of the batch's time is the engine's and whether a target is within reach of any engine.
 */
export async function benchEngine(workDir: string): Promise<Record<string, number | string>> {
  const rules = loadRules();
  const rng = seeded(2025);
  const screenings = Array.from({ length: SCREENINGS }, () => randomScreening(rng));
  const parsed = screenings.map((s) => {
    const result = parseScreening(JSON.parse(JSON.stringify(s)));
    if (!result.ok) throw new Error(`generated screening is invalid: ${JSON.stringify(result.issues)}`);
    return result.value;
  });
  // Warm the JIT first: the figures are the steady throughput of a long batch.
  let touched = 0;
  for (const s of parsed.slice(0, 20_000)) {
    evaluate(s, rules, TODAY);
    touched += touchFields(s);
  }
  let needsInfo = 0;
  const engine = perSecondRuns(SCREENINGS, () => {
    needsInfo = 0;
    for (const s of parsed) needsInfo += evaluate(s, rules, TODAY).items.filter((i) => i.status === "needs_info").length;
  });
  const fieldsFloor = perSecondRuns(SCREENINGS, () => {
    for (const s of parsed) touched += touchFields(s);
  });
  if (touched === 0) throw new Error("the field walk read nothing");
  const start = process.hrtime.bigint();
  for (const s of parsed) resultFileJson(evaluate(s, rules, TODAY));
  const withResultMs = elapsedMs(start);

  // The --json floor stringifies one real result of the median size, built once.
  const sized = parsed.slice(0, 1001).map((s) => toResultFile(evaluate(s, rules, TODAY)));
  sized.sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length);
  const typicalResult = sized[500]!;

  const file = join(workDir, "screenings.jsonl");
  writeFileSync(file, screenings.map((s) => JSON.stringify(s)).join("\n") + "\n");
  const bin = join(projectRoot, "dist", "screen.cjs");
  const noEngineBin = join(projectRoot, "dist", "bench-no-engine", "screen.cjs");
  const jsonFloor = parseStringifyFloor(file, typicalResult);
  const jsonCheckFloor = parseCheckStringifyFloor(file, typicalResult, (data) => parseBatchLine(data).ok);
  const threads = availableParallelism();
  const jsonFloorAllThreads = await parallelParseStringifyFloor(file, typicalResult, threads);
  const batchJson = SCREENINGS / ((await timeProcess(process.execPath, [bin, "--batch", file, "--json"])) / 1000);
  const csvFloor = parseOnlyFloor(file);
  const fileBytes = statSync(file).size;
  // The CLI and its copy with the engine taken out, taking turns, so both see the machine alike.
  const csvRuns: number[] = [];
  const csvNoEngineRuns: number[] = [];
  for (let i = 0; i < CSV_RUNS; i++) {
    csvRuns.push(SCREENINGS / ((await timeProcess(process.execPath, [bin, "--batch", file, "--csv"])) / 1000));
    csvNoEngineRuns.push(SCREENINGS / ((await timeProcess(process.execPath, [noEngineBin, "--batch", file, "--csv"])) / 1000));
  }
  const batchCsv = percentile(csvRuns, 50);
  const csvNoEngine = percentile(csvNoEngineRuns, 50);
  const example = join(projectRoot, "examples", "spec-example.json");
  const startups: number[] = [];
  const bareStarts: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    startups.push(await timeProcess(process.execPath, [bin, "--json", example]));
    bareStarts.push(await timeProcess(process.execPath, ["--eval", ""]));
  }

  const engineMedian = percentile(engine, 50);
  const fieldsMedian = percentile(fieldsFloor, 50);
  return {
    "engine screenings/s, 5 runs (one core)": engine.join(" "),
    "engine screenings/s, median (target ≥ 150000)": engineMedian,
    "  floor: read every field, 5 runs": fieldsFloor.join(" "),
    "  floor: read every field, median": fieldsMedian,
    "  engine / floor": ratio(engineMedian, fieldsMedian),
    "engine + result JSON text screenings/s": Math.round(SCREENINGS / (withResultMs / 1000)),
    "needs_info items per screening": round(needsInfo / SCREENINGS, 2),
    [`batch CLI --json lines/s (${defaultJobs(fileBytes, "json")} threads)`]: Math.round(batchJson),
    "  floor: parse + stringify a result, one thread": Math.round(jsonFloor),
    "  --json / floor (target ≥ 1.5)": ratio(batchJson, jsonFloor),
    [`  the same floor on ${threads} threads at once`]: Math.round(jsonFloorAllThreads),
    [`  floor on ${threads} threads / on one`]: ratio(jsonFloorAllThreads, jsonFloor),
    "  floor with each line checked by the schema, one thread": Math.round(jsonCheckFloor),
    [`  --json / floor at most, screening free, ${threads} threads scaling as the floor does`]: ratio(jsonCheckFloor * (jsonFloorAllThreads / jsonFloor), jsonFloor),
    [`batch CLI --csv lines/s, median of ${CSV_RUNS} (${defaultJobs(fileBytes, "csv")} threads; target ≥ 80000)`]: Math.round(batchCsv),
    "  floor: parse only, one thread": Math.round(csvFloor),
    "  --csv / floor": ratio(batchCsv, csvFloor),
    [`  floor: the CLI without its engine, median of ${CSV_RUNS}`]: Math.round(csvNoEngine),
    "  --csv / that floor": ratio(batchCsv, csvNoEngine),
    "one-shot screen --json median ms (target ≤ 300)": round(percentile(startups, 50)),
    "one-shot screen --json p90 ms": round(percentile(startups, 90)),
    "  floor: node running nothing, median ms": round(percentile(bareStarts, 50)),
  };
}
