import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { elapsedMs } from "./timing.js";

/*
 * Floors: what the same input costs with no screening at all, measured in the same run as the
 * product's figures so that both see the same machine. A product figure over its floor says
 * how much of the time is the screening's own work.
 */

/**
 * The floors' loop over a batch file's bytes: every line (blank ones skipped, as a batch skips
 * them) whose index is `share` modulo `of` is decoded, JSON.parsed, given a check checked, and,
 * given a result, that result is JSON.stringified once per line. The file is read as bytes and
 * each line decoded by itself: on the 2-core development machine, decoding a 100,000-line file
 * into one string first took 1.1 s of the loop's 1.3–1.7 s, against 0.77–0.87 s for the whole
 * loop this way, and the batch itself never decodes a whole file at once. It refers to nothing
 * outside itself but its arguments, so worker threads run this very code (from its source, with
 * no check) and one thread and many do the same work per line.
 */
function floorLoop(bytes: Buffer, result: unknown, share: number, of: number, check?: (data: unknown) => boolean): number {
  let lines = 0;
  let work = 0;
  let index = 0;
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(10, start);
    if (end === -1) end = bytes.length;
    if (end > start && index++ % of === share) {
      const parsed = JSON.parse(bytes.toString("utf8", start, end)) as object;
      if (check && !check(parsed)) throw new Error(`line ${index} of the floor's file fails the check`);
      work += result === null ? Object.keys(parsed).length : JSON.stringify(result).length + 1;
      lines += 1;
    }
    start = end + 1;
  }
  if (work === 0) throw new Error("the floor did nothing");
  return lines;
}

/** Lines per second of one thread that reads the file and runs the loop over all of it. */
function oneThread(file: string, result: unknown, check?: (data: unknown) => boolean): number {
  const start = process.hrtime.bigint();
  const lines = floorLoop(readFileSync(file), result, 0, 1, check);
  return lines / (elapsedMs(start) / 1000);
}

/** Lines per second of one thread that reads the file and JSON.parses each line (the --csv floor). */
export const parseOnlyFloor = (file: string) => oneThread(file, null);

/**
 * Lines per second of one thread that reads the file, JSON.parses each line and JSON.stringifies
 * a result of a line's size (the --json floor): `result` is one real result object, built once.
 */
export const parseStringifyFloor = (file: string, result: unknown) => oneThread(file, result);

/**
 * The --json floor with every line also checked by `check` (the batch's own check of a line), as
 * the batch must check it: what is left of the floor for screening and building the result.
 */
export const parseCheckStringifyFloor = (file: string, result: unknown, check: (data: unknown) => boolean) => oneThread(file, result, check);

/**
 * The --json floor on `threads` worker threads at once, each reading the file and taking its
 * share of the lines: lines per second of them all, thread start included. Beside the one-thread
 * floor it says what this machine gives a batch for each thread it adds, screening or not.
 */
export async function parallelParseStringifyFloor(file: string, result: unknown, threads: number): Promise<number> {
  const source = `const { parentPort, workerData: w } = require("node:worker_threads");
const floorLoop = ${floorLoop.toString()};
parentPort.postMessage(floorLoop(require("node:fs").readFileSync(w.file), w.result, w.share, w.of));`;
  const start = process.hrtime.bigint();
  const counts = await Promise.all(Array.from({ length: threads }, (_, share) => new Promise<number>((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: { file, result, share, of: threads } });
    worker.once("message", (lines: number) => void worker.terminate().then(() => resolve(lines)));
    worker.once("error", reject);
  })));
  return counts.reduce((sum, lines) => sum + lines, 0) / (elapsedMs(start) / 1000);
}

/** Every field of a parsed screening touched once: numbers and lengths summed, so the walk is not optimised away. */
export function touchFields(value: unknown): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return value.length;
  if (value === null || value === undefined) return 0;
  let sum = 0;
  if (Array.isArray(value)) {
    for (const element of value) sum += touchFields(element);
    return sum;
  }
  for (const key in value) sum += touchFields((value as Record<string, unknown>)[key]);
  return sum;
}
