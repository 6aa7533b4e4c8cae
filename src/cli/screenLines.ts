import { z } from "zod";
import { evaluate, type EvaluateOptions } from "../engine/evaluate.js";
import type { Evaluation } from "../engine/outcome.js";
import { parseScreening, screeningSchema, type Screening } from "../engine/screening.js";
import { resultFileJson } from "../result/resultFileJson.js";
import type { CompiledRules } from "../rules/loadRules.js";
import { issueLine, parseWith, type InputIssue, type Parsed } from "../validation/issues.js";
import { csvErrorRow, csvRow } from "./csvRow.js";

export type Checked = { ok: true; value: Evaluation; screening: Screening } | { ok: false; issues: InputIssue[] };

/** A screening file's text, parsed, checked and evaluated; or every problem with its path. */
export function checkScreening(text: string, rules: CompiledRules, today: string, options?: EvaluateOptions, parse = parseScreening): Checked {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: "(document)", message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = parse(data);
  if (!parsed.ok) return parsed;
  return { ok: true, value: evaluate(parsed.value, rules, today, options), screening: parsed.value };
}

export type BatchFormat = "json" | "csv";

/** Where a run of lines writes its output, a line at a time. */
export interface LinesSink {
  write(text: string): void;
}

/** What a run of lines produced besides its output: problems for stderr, and how many lines were invalid. */
export interface LinesOutcome {
  err: string;
  invalid: number;
}

/**
 * A batch checks many screenings against one schema: zod's ahead-of-time compiled parser of it
 * (the same values and, since a failing line goes through the ordinary parser, the same
 * issues), built when the first line comes. `npm run bench` checks its floor's lines with it too.
 */
let batchSchema: typeof screeningSchema | null = null;
export function parseBatchLine(data: unknown): Parsed<Screening> {
  batchSchema ??= z.compile(screeningSchema);
  return parseWith(batchSchema, data);
}

function screenLine(text: string, format: BatchFormat, rules: CompiledRules, today: string): Checked {
  // The CSV shows no missing facts: the engine need not sort out which matter.
  return checkScreening(text, rules, today, format === "csv" ? { relevantMissing: false } : undefined, parseBatchLine);
}

/**
 * Screens consecutive lines of a batch, the first numbered `firstLine`: one JSON result or
 * CSV row per line that is not blank, in order.
 */
export function screenLines(lines: Iterable<string>, firstLine: number, format: BatchFormat, rules: CompiledRules, today: string, out: LinesSink): LinesOutcome {
  let err = "";
  let invalid = 0;
  let line = firstLine - 1;
  for (const text of lines) {
    line += 1;
    if (text.trim() === "") continue;
    const result = screenLine(text, format, rules, today);
    if (!result.ok) {
      invalid += 1;
      const issues = result.issues.map(issueLine);
      err += issues.map((issue) => `line ${line}: ${issue}\n`).join("");
      out.write(format === "csv" ? `${csvErrorRow(line, issues.join("; "))}\n` : `${JSON.stringify({ line, error: issues })}\n`);
    } else {
      out.write(format === "csv" ? `${csvRow(line, result.screening.applicant?.name, result.value)}\n` : `${resultFileJson(result.value)}\n`);
    }
  }
  return { err, invalid };
}
