import { once } from "node:events";
import { createReadStream } from "node:fs";
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

/** The number of worker threads for a batch: every core, unless told otherwise. */
export const defaultJobs = () => availableParallelism();

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
 * order. With jobs > 1 this thread only cuts the input into chunks of whole lines and writes
 * the answers; worker threads decode, parse, check, evaluate and serialise (with one job, this
 * thread does it all: no thread to start for a small batch). At most two chunks per worker
 * are in flight and a stdout that does not drain stops the reading, so memory stays flat.
 * Returns the number of invalid lines.
 */
export async function runBatch(
  file: string, format: BatchFormat, rules: CompiledRules, today: string, jobs: number, io: BatchIo, chunkBytes = CHUNK_BYTES,
): Promise<number> {
  const input = await openInput(file, io, chunkBytes);
  const pool = jobs > 1 ? new WorkerPool(jobs, format, today) : null;
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
      if (pending.length >= CHUNKS_PER_WORKER * jobs) await writeOldest();
    }
    while (pending.length > 0) await writeOldest();
  } finally {
    await pool?.close();
  }
  return invalid;
}
