import { PassThrough, Readable, Transform, Writable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { Context } from "hono";
import { defaultJobs, runBatch } from "../../cli/runBatch.js";
import type { CompiledRules } from "../../rules/loadRules.js";
import type { Logger } from "../../log.js";
import { problem } from "./problems.js";
import type { WebEnv } from "./webEnv.js";

/** Batches at once; each may use every core, so more would only queue behind each other. */
const MAX_BATCHES = 2;
/**
 * Below this a batch is screened in-process: starting a worker thread would cost more than the
 * lines. Above it, always on worker threads, as many as the CLI would use (defaultJobs), but at
 * least one: a server's main thread must stay free for the other requests, however long the batch.
 */
const IN_PROCESS_BYTES = 256 * 1024;

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`body larger than ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

export interface BatchOptions {
  rules: CompiledRules;
  today: () => string;
  limitBytes: number;
  logger: Logger;
}

/**
 * POST /api/v1/screen/batch: the CLI's `screen --batch` over HTTP. JSON Lines in; JSON Lines
 * out, or CSV with `Accept: text/csv`; streamed both ways, so neither side holds the batch.
 * Per-line problems are records in the output, exactly as the CLI writes them. A body past the
 * limit is refused with 413 when its length is declared, else the response is cut off there.
 */
export function batchHandler(options: BatchOptions) {
  let running = 0;
  return async (c: Context<WebEnv>) => {
    const declared = Number(c.req.header("content-length") ?? Number.NaN);
    if (declared > options.limitBytes) return problem(c, 413, [{ path: "(body)", message: `must be at most ${options.limitBytes} bytes (BATCH_LIMIT_BYTES); split the batch` }]);
    if (running >= MAX_BATCHES) return problem(c, 503, [{ path: "(server)", message: "other batches are running; try again shortly" }], { "retry-after": "10" });
    const format = /\btext\/csv\b/i.test(c.req.header("accept") ?? "") ? "csv" : "json";
    const body = c.req.raw.body ? Readable.fromWeb(c.req.raw.body as NodeReadableStream<Uint8Array>) : Readable.from([]);
    const stdin = body.pipe(byteLimit(options.limitBytes));
    body.on("error", (error) => stdin.destroy(error));
    const stdout = new PassThrough();
    const known = Number.isFinite(declared) ? declared : null;
    const workers = known !== null && known < IN_PROCESS_BYTES ? 0 : defaultJobs(known, format);
    running += 1;
    runBatch("-", format, options.rules, options.today(), workers, { stdin, stdout, stderr: discard() })
      .then(() => stdout.end())
      .catch((error: unknown) => {
        options.logger.warn("batch stopped", { error: error instanceof Error ? error.name : typeof error });
        stdout.destroy(error instanceof Error ? error : new Error(String(error)));
      })
      .finally(() => (running -= 1));
    return new Response(Readable.toWeb(stdout) as ReadableStream, {
      status: 200,
      headers: { "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8" },
    });
  };
}

function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? new BodyTooLargeError(limit) : null, chunk);
    },
  });
}

/** The CLI's stderr copy of per-line problems: over HTTP they are in the output already. */
function discard(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}
