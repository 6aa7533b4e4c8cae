import { parentPort, workerData } from "node:worker_threads";
import { screenLines, type BatchFormat, type NumberedLine } from "../cli/screenLines.js";
import { loadRules } from "../rules/loadRules.js";

/** A worker thread of the batch CLI: screens the chunks of lines it is sent. */
const { format, today } = workerData as { format: BatchFormat; today: string };
const rules = loadRules();
parentPort!.on("message", (lines: NumberedLine[]) => parentPort!.postMessage(screenLines(lines, format, rules, today)));
