import { readFileSync } from "node:fs";
import { elapsedMs } from "./timing.js";

/*
 * Floors: what the same input costs with no screening at all, measured in the same run as the
 * product's figures so that both see the same machine. A product figure over its floor says
 * how much of the time is the screening's own work.
 */

/** The batch file's lines, as a batch reads them (blank lines skipped). */
function lines(file: string): string[] {
  return readFileSync(file, "utf8").split("\n").filter((line) => line !== "");
}

/** Lines per second of one thread that reads the file and JSON.parses each line (the --csv floor). */
export function parseOnlyFloor(file: string): number {
  const start = process.hrtime.bigint();
  let fields = 0;
  const all = lines(file);
  for (const line of all) fields += Object.keys(JSON.parse(line) as object).length;
  if (fields === 0) throw new Error("the floor read nothing");
  return all.length / (elapsedMs(start) / 1000);
}

/**
 * Lines per second of one thread that reads the file, JSON.parses each line and JSON.stringifies
 * a result of a line's size (the --json floor): `result` is one real result object, built once.
 */
export function parseStringifyFloor(file: string, result: unknown): number {
  const start = process.hrtime.bigint();
  let bytes = 0;
  const all = lines(file);
  for (const line of all) {
    JSON.parse(line);
    bytes += JSON.stringify(result).length + 1;
  }
  if (bytes === 0) throw new Error("the floor wrote nothing");
  return all.length / (elapsedMs(start) / 1000);
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
