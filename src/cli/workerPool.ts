import { once } from "node:events";
import { Worker } from "node:worker_threads";
import type { BatchChunk } from "./batchChunks.js";
import type { ChunkOutput } from "./screenChunk.js";
import type { BatchFormat } from "./screenLines.js";

/** Chunks sent to a worker before it answers: the next one waits in its port, so it never idles for a round trip. */
export const CHUNKS_PER_WORKER = 2;

/**
 * From the bundle the worker is dist/batch-worker.cjs. Run from source (tests, through tsx),
 * the worker thread registers tsx itself before importing the TypeScript file, since loader
 * hooks are not inherited by worker threads.
 */
function startWorker(workerData: { format: BatchFormat; today: string }): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./batch-worker.cjs", import.meta.url), { workerData });
  const source = new URL("../bin/batch-worker.ts", import.meta.url).href;
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** A chunk of batch lines for a worker, and where its answer goes. */
interface Job {
  chunk: BatchChunk;
  resolve: (output: ChunkOutput) => void;
  reject: (error: Error) => void;
}

/** A worker and the jobs it was sent, oldest first: a worker answers in the order it was sent. */
interface Member {
  worker: Worker;
  jobs: Job[];
  exited: boolean;
}

/**
 * Worker threads that screen chunks of a batch, so a batch uses every core. Each worker loads
 * the rules once. A chunk's bytes are transferred, not copied, and so are the output's.
 */
export class WorkerPool {
  private readonly members: Member[] = [];
  private readonly queue: Job[] = [];
  private failure: Error | null = null;

  constructor(size: number, format: BatchFormat, today: string) {
    for (let i = 0; i < size; i++) {
      const member: Member = { worker: startWorker({ format, today }), jobs: [], exited: false };
      member.worker.on("message", (output: ChunkOutput) => this.finished(member, output));
      member.worker.on("exit", () => (member.exited = true));
      member.worker.on("error", (error) => this.fail(error));
      this.members.push(member);
    }
  }

  /** Screens a chunk; its bytes go to the worker, so the caller must not use them after. */
  run(chunk: BatchChunk): Promise<ChunkOutput> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ chunk, resolve, reject });
      this.dispatch();
    });
  }

  /** Ends the workers: after a failure at once, otherwise each when it has finished what it was sent. */
  async close(): Promise<void> {
    await Promise.all(this.members.map((member) => {
      if (this.failure || member.exited) return member.worker.terminate();
      const exited = once(member.worker, "exit");
      member.worker.postMessage(null);
      return exited;
    }));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const member = this.members.reduce((least, other) => (other.jobs.length < least.jobs.length ? other : least));
      if (member.jobs.length >= CHUNKS_PER_WORKER) return;
      const job = this.queue.shift()!;
      member.jobs.push(job);
      member.worker.postMessage(job.chunk, [job.chunk.bytes.buffer as ArrayBuffer]);
    }
  }

  private finished(member: Member, output: ChunkOutput): void {
    member.jobs.shift()?.resolve(output);
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const job of [...this.members.flatMap((member) => member.jobs), ...this.queue]) job.reject(error);
    for (const member of this.members) member.jobs.length = 0;
    this.queue.length = 0;
  }
}
