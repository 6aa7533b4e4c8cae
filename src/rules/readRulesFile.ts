import { readFileSync } from "node:fs";
import { relative } from "node:path";
import type { z } from "zod";
import { projectRoot } from "../paths.js";
import { issueLine, toInputIssues, type InputIssue } from "../validation/issues.js";
import { UserError } from "../userError.js";

/** A data file under rules/ that cannot be used; the message names the file and each bad path in it. */
export class RulesFileError extends UserError {
  constructor(
    readonly file: string,
    readonly issues: InputIssue[],
  ) {
    super(`${file} is not a valid rules file:\n${issues.map((i) => `  ${issueLine(i)}`).join("\n")}`);
    this.name = "RulesFileError";
  }
}

/** Project files are named relative to the root ("rules/faq.json"); others by their full path. */
export function displayName(file: string): string {
  const rel = relative(projectRoot, file);
  return rel.startsWith("..") ? file : rel.split("\\").join("/");
}

/** Reads a JSON data file and parses it with a schema; returns its text too, for digests. */
export function readRulesFileWithText<T>(file: string, schema: z.ZodType<T>, label = displayName(file)): { value: T; raw: string } {
  let raw: string;
  let data: unknown;
  try {
    raw = readFileSync(file, "utf8");
    data = JSON.parse(raw);
  } catch (error) {
    throw new RulesFileError(label, [{ path: "(file)", message: (error as Error).message }]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new RulesFileError(label, toInputIssues(parsed.error));
  return { value: parsed.data, raw };
}

export function readRulesFile<T>(file: string, schema: z.ZodType<T>): T {
  return readRulesFileWithText(file, schema).value;
}
