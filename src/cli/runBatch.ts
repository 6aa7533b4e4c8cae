import { once } from "node:events";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import type { Readable, Writable } from "node:stream";
import { batchChunks, CHUNK_BYTES } from "./batchChunks.js";
import { CSV_HEADER } from "./csvRow.js";
import type { CompiledRules } from "../rules/loadRules.js";
import { screenChunk, type ChunkOutput } from "./screenChunk.js";
import type { BatchFormat } from "./screenLines.js";
import { CHUNKS_PER_WORKER, WorkerPool } from "./workerPool.js";

export interface BatchIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

const MiB = 1024 * 1024;

/**
 * Input bytes each worker thread needs before one more pays for itself. A worker starts, loads
 * the rules and warms up its compiled code by itself, and on the 2-core development machine two
 * threads do not screen twice as fast as one (README, Benchmarks): there one thread was the
 * faster up to about 30,000 lines (23 MB) with `--json` and 70,000 lines (55 MB) with `--csv`.
 */
export const BYTES_PER_JOB: Record<BatchFormat, number> = { json: 12 * MiB, csv: 28 * MiB };

/**
 * How many threads screen a batch of `bytes` (null when the size is unknown, as with stdin): one
 * per BYTES_PER_JOB of input, at least one and at most one per core; one per core when the size
 * is unknown. For the CLI one job is its main thread alone, with no thread to start.
 */
export function defaultJobs(bytes: number | null, format: BatchFormat, cores = availableParallelism()): number {
  if (bytes === null) return cores;
  return Math.max(1, Math.min(cores, Math.floor(bytes / BYTES_PER_JOB[format])));
}

/**
 * A batch input's size in bytes, or null when it has none to tell: stdin, a pipe, or a file that
 * cannot be read, whose error runBatch reports when it opens it.
 */
export async function batchInputBytes(file: string): Promise<number | null> {
  if (file === "-") return null;
  const stats = await stat(file).catch(() => null);
  return stats?.isFile() ? stats.size : null;
}

async function openInput(file: string, io: BatchIo, chunkBytes: number): Promise<AsyncIterable<Uint8Array | string>> {
  if (file === "-") return io.stdin;
  const input = createReadStream(file, { highWaterMark: chunkBytes });
  await new Promise<void>((resolve, reject) => input.once("open", () => resolve()).once("error", reject));
  return input;
}

async function write(stream: Writable, data: Uint8Array | string): Promise<void> {
  if (!stream.write(data)) await once(stream, "drain");
}

/**
 * Whether the screening CLI's own thread screens a share of a batch beside its workers
 * (`cliThreads`). Measured on the 2-core development machine, 3 December 2026, `--jobs 2` over
 * the bench's 100,000 lines, six runs of each, alternating: `--csv` took 1.94–2.15 s with this
 * thread and one worker against 2.10–2.23 s with two workers (and 5.14–5.16 against 5.29–5.34 s
 * over 500,000 lines, two runs each); `--json`, whose main thread also writes five times as many
 * bytes, took 3.82–4.15 s against 3.80–3.92 s (four runs each), so there it only writes.
 */
export const SCREENS_HERE: Record<BatchFormat, boolean> = { json: false, csv: true };

/** Who screens a batch: worker threads, and whether this thread takes chunks too. */
export interface BatchThreads {
  workers: number;
  /** This thread screens a chunk itself whenever every worker has its chunks in flight. */
  alsoHere: boolean;
}

/**
 * The CLI's `jobs` as threads. One job is this thread alone. More are, for `--csv`, this thread
 * and jobs − 1 workers: each worker compiles and warms up the same code by itself, and this
 * thread, which has its own warm-up to pay anyway, screens from the first chunk while a worker
 * is still starting. For `--json`, jobs workers while this thread cuts and writes (SCREENS_HERE).
 */
export function cliThreads(jobs: number, format: BatchFormat): BatchThreads {
  if (jobs <= 1) return { workers: 0, alsoHere: false };
  return SCREENS_HERE[format] ? { workers: jobs - 1, alsoHere: true } : { workers: jobs, alsoHere: false };
}

/** How a batch went: invalid lines, and the chunks this thread screened itself (all of them without workers). */
export interface BatchOutcome {
  invalid: number;
  chunksHere: number;
}

/**
 * Streams a JSON-lines file (or stdin for "-"): one result or CSV row per input line, in input
 * order. With worker threads, this thread cuts the input into chunks of whole lines and writes
 * the answers, and the workers decode, parse, check, evaluate and serialise; with `alsoHere` it
 * screens a chunk itself whenever every worker has its chunks in flight; with no worker, it does
 * it all (no thread to start for a small batch). At most two chunks per thread that screens are
 * in flight and a stdout that does not drain stops the reading, so memory stays flat.
 */
export async function runBatch(
  file: string, format: BatchFormat, rules: CompiledRules, today: string, { workers, alsoHere }: BatchThreads, io: BatchIo, chunkBytes = CHUNK_BYTES,
): Promise<BatchOutcome> {
  const input = await openInput(file, io, chunkBytes);
  const pool = workers > 0 ? new WorkerPool(workers, format, today) : null;
  const screening = pool === null ? 1 : workers + (alsoHere ? 1 : 0);
  const pending: Promise<ChunkOutput>[] = [];
  let invalid = 0;
  let chunksHere = 0;
  const writeOldest = async () => {
    const output = await pending.shift()!;
    invalid += output.invalid;
    if (output.err) io.stderr.write(output.err);
    await write(io.stdout, output.out);
  };
  try {
    if (format === "csv") await write(io.stdout, `${CSV_HEADER.join(",")}\n`);
    for await (const chunk of batchChunks(input, chunkBytes)) {
      let output: Promise<ChunkOutput>;
      if (pool && (!alsoHere || pool.hasRoom())) output = pool.run(chunk);
      else {
        output = Promise.resolve(screenChunk(chunk.bytes, chunk.firstLine, format, rules, today));
        chunksHere += 1;
      }
      // Awaited in order later; until then a worker failure must not count as unhandled.
      output.catch(() => undefined);
      pending.push(output);
      if (pending.length >= CHUNKS_PER_WORKER * screening) await writeOldest();
    }
    while (pending.length > 0) await writeOldest();
  } finally {
    await pool?.close();
  }
  return { invalid, chunksHere };
}
