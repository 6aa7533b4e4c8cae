import { createReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { CompiledRules } from "../rules/loadRules.js";
import { BufferedWriter } from "./bufferedWriter.js";
import { CSV_HEADER } from "./csvRow.js";
import { screenLines, type BatchFormat, type LinesOutput, type NumberedLine } from "./screenLines.js";
import { WorkerPool } from "./workerPool.js";

const CHUNK_LINES = 500;

export interface BatchIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** The number of worker threads for a batch: every core, unless told otherwise. */
export const defaultJobs = () => availableParallelism();

/**
 * Streams a JSON-lines file: one result (or CSV row) per input line, in input order, without
 * holding the results. Chunks of lines go to worker threads (with jobs > 1); at most two
 * chunks per worker are in flight, so memory stays flat. Returns the number of invalid lines.
 */
export async function runBatch(file: string, format: BatchFormat, rules: CompiledRules, today: string, jobs: number, io: BatchIo): Promise<number> {
  const input = file === "-" ? io.stdin : createReadStream(file, { encoding: "utf8" });
  if (file !== "-") await new Promise<void>((resolve, reject) => input.once("open", () => resolve()).once("error", reject));
  const out = new BufferedWriter(io.stdout);
  const pool = jobs > 1 ? new WorkerPool(jobs, format, today) : null;
  const screen = (lines: NumberedLine[]): Promise<LinesOutput> => {
    const output = pool ? pool.run(lines) : Promise.resolve(screenLines(lines, format, rules, today));
    // Awaited in order later; until then a worker failure must not count as unhandled.
    output.catch(() => undefined);
    return output;
  };
  const pending: Promise<LinesOutput>[] = [];
  let invalid = 0;
  const writeOldest = async () => {
    const output = await pending.shift()!;
    invalid += output.invalid;
    if (output.err) io.stderr.write(output.err);
    await out.write(output.out);
  };
  try {
    if (format === "csv") await out.write(`${CSV_HEADER.join(",")}\n`);
    let chunk: NumberedLine[] = [];
    let line = 0;
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      line += 1;
      if (text.trim() === "") continue;
      chunk.push({ line, text });
      if (chunk.length < CHUNK_LINES) continue;
      pending.push(screen(chunk));
      chunk = [];
      if (pending.length >= 2 * Math.max(1, jobs)) await writeOldest();
    }
    if (chunk.length > 0) pending.push(screen(chunk));
    while (pending.length > 0) await writeOldest();
    await out.flush();
  } finally {
    await pool?.close();
  }
  return invalid;
}
