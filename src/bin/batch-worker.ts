import "../cli/parseOnce.js";
import { parentPort, workerData } from "node:worker_threads";
import type { BatchChunk } from "../cli/batchChunks.js";
import { screenChunk } from "../cli/screenChunk.js";
import type { BatchFormat } from "../cli/screenLines.js";
import { loadRules } from "../rules/loadRules.js";

/** A worker thread of the batch CLI: screens the chunks of lines it is sent, in the order they come, until it is sent null. */
const { format, today } = workerData as { format: BatchFormat; today: string };
const rules = loadRules();
parentPort!.on("message", (chunk: BatchChunk | null) => {
  // The batch is over: with its port closed the thread ends by itself, and its exit keeps the code cache.
  if (chunk === null) return parentPort!.close();
  const { bytes, firstLine } = chunk;
  const output = screenChunk(bytes, firstLine, format, rules, today);
  parentPort!.postMessage(output, [output.out.buffer as ArrayBuffer]);
});
