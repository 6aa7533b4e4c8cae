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
 * threads do not screen twice as fast as one (docs/performance.md): there one thread was the
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
 * Streams a JSON-lines file (or stdin for "-"): one result or CSV row per input line, in input
 * order. With `workers` worker threads, this thread only cuts the input into chunks of whole
 * lines and writes the answers, and the workers decode, parse, check, evaluate and serialise;
 * with none, this thread does it all (no thread to start for a small batch). At most two chunks
 * per worker are in flight and a stdout that does not drain stops the reading, so memory stays
 * flat. Returns the number of invalid lines.
 */
export async function runBatch(
  file: string, format: BatchFormat, rules: CompiledRules, today: string, workers: number, io: BatchIo, chunkBytes = CHUNK_BYTES,
): Promise<number> {
  const input = await openInput(file, io, chunkBytes);
  const pool = workers > 0 ? new WorkerPool(workers, format, today) : null;
  const pending: Promise<ChunkOutput>[] = [];
  let invalid = 0;
  const writeOldest = async () => {
    const output = await pending.shift()!;
    invalid += output.invalid;
    if (output.err) io.stderr.write(output.err);
    await write(io.stdout, output.out);
  };
  try {
    if (format === "csv") await write(io.stdout, `${CSV_HEADER.join(",")}\n`);
    for await (const chunk of batchChunks(input, chunkBytes)) {
      const output = pool ? pool.run(chunk) : Promise.resolve(screenChunk(chunk.bytes, chunk.firstLine, format, rules, today));
      // Awaited in order later; until then a worker failure must not count as unhandled.
      output.catch(() => undefined);
      pending.push(output);
      if (pending.length >= CHUNKS_PER_WORKER * Math.max(1, workers)) await writeOldest();
    }
    while (pending.length > 0) await writeOldest();
  } finally {
    await pool?.close();
  }
  return invalid;
}
