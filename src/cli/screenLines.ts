import { evaluate } from "../engine/evaluate.js";
import type { Evaluation } from "../engine/outcome.js";
import { parseScreening, type Screening } from "../engine/screening.js";
import { toResultFile } from "../result/resultFile.js";
import type { CompiledRules } from "../rules/loadRules.js";
import { issueLine, type InputIssue } from "../validation/issues.js";
import { csvErrorRow, csvRow } from "./csvRow.js";

export type Checked = { ok: true; value: Evaluation; screening: Screening } | { ok: false; issues: InputIssue[] };

/** A screening file's text, parsed, checked and evaluated; or every problem with its path. */
export function checkScreening(text: string, rules: CompiledRules, today: string): Checked {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: "(document)", message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = parseScreening(data);
  if (!parsed.ok) return parsed;
  return { ok: true, value: evaluate(parsed.value, rules, today), screening: parsed.value };
}

export type BatchFormat = "json" | "csv";
export interface NumberedLine {
  line: number;
  text: string;
}
/** What a run of lines produced: output text, problems for stderr, and how many lines were invalid. */
export interface LinesOutput {
  out: string;
  err: string;
  invalid: number;
}

/** Screens consecutive lines of a batch: one JSON result or CSV row per line, in order. */
export function screenLines(lines: readonly NumberedLine[], format: BatchFormat, rules: CompiledRules, today: string): LinesOutput {
  let out = "";
  let err = "";
  let invalid = 0;
  for (const { line, text } of lines) {
    const result = checkScreening(text, rules, today);
    if (!result.ok) {
      invalid += 1;
      const issues = result.issues.map(issueLine);
      err += issues.map((issue) => `line ${line}: ${issue}\n`).join("");
      out += format === "csv" ? `${csvErrorRow(line, issues.join("; "))}\n` : `${JSON.stringify({ line, error: issues })}\n`;
    } else {
      out += format === "csv" ? `${csvRow(line, result.screening.applicant?.name, result.value)}\n` : `${JSON.stringify(toResultFile(result.value))}\n`;
    }
  }
  return { out, err, invalid };
}
