import { Worker } from "node:worker_threads";
import type { BatchFormat, LinesOutput, NumberedLine } from "./screenLines.js";

/**
 * From the bundle the worker is dist/batch-worker.mjs. Run from source (tests, through tsx),
 * the worker thread registers tsx itself before importing the TypeScript file, since loader
 * hooks are not inherited by worker threads.
 */
function startWorker(workerData: { format: BatchFormat; today: string }): Worker {
  if (!import.meta.url.endsWith(".ts")) return new Worker(new URL("./batch-worker.mjs", import.meta.url), { workerData });
  const source = new URL("../bin/batch-worker.ts", import.meta.url).href;
  const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** A chunk of batch lines for a worker, and where its answer goes. */
interface Job {
  lines: NumberedLine[];
  resolve: (output: LinesOutput) => void;
  reject: (error: Error) => void;
}

/**
 * Worker threads that screen chunks of batch lines, so a batch uses every core. Each worker
 * loads the rules once and takes one chunk at a time; jobs queue in order.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private failure: Error | null = null;

  constructor(size: number, format: BatchFormat, today: string) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker({ format, today });
      worker.on("message", (output: LinesOutput) => this.finished(worker, output));
      worker.on("error", (error) => this.fail(error));
      this.idle.push(worker);
    }
  }

  run(lines: NumberedLine[]): Promise<LinesOutput> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ lines, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all([...this.idle, ...this.busy.keys()].map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const job = this.queue.shift()!;
      this.busy.set(worker, job);
      worker.postMessage(job.lines);
    }
  }

  private finished(worker: Worker, output: LinesOutput): void {
    const job = this.busy.get(worker);
    this.busy.delete(worker);
    this.idle.push(worker);
    job?.resolve(output);
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const job of [...this.busy.values(), ...this.queue]) job.reject(error);
    this.busy.clear();
    this.queue.length = 0;
  }
}
