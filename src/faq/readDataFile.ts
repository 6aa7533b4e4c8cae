import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { z } from "zod";
import { projectRoot } from "../paths.js";
import { issueLine, toInputIssues, type InputIssue } from "../validation/issues.js";

/** A data file of the FAQ that cannot be used; the message names the file and each bad path in it. */
export class FaqDataError extends Error {
  constructor(
    readonly file: string,
    readonly issues: InputIssue[],
  ) {
    super(`${file} is not a valid FAQ data file:\n${issues.map((i) => `  ${issueLine(i)}`).join("\n")}`);
    this.name = "FaqDataError";
  }
}

/** Reads and parses a JSON file with a zod schema, or throws a FaqDataError. */
export function readDataFile<T>(file: string, schema: z.ZodType<T>): T {
  const label = displayName(file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new FaqDataError(label, [{ path: "(file)", message: (error as Error).message }]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new FaqDataError(label, toInputIssues(parsed.error));
  return parsed.data;
}

/** Project files are named relative to the root ("rules/faq.json"); others by their full path. */
function displayName(file: string): string {
  const rel = relative(projectRoot, file);
  return rel.startsWith("..") ? file : rel.split("\\").join("/");
}
