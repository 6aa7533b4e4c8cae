import { randomBytes } from "node:crypto";
import { rename, rm, stat } from "node:fs/promises";
import { evaluate } from "../engine/evaluate.js";
import type { Lang } from "../i18n/lang.js";
import { toResultFile, type ResultFile } from "../result/resultFile.js";
import type { CompiledRules } from "../rules/loadRules.js";
import { readHeader, type PlacedColumn } from "./header.js";
import { openResultSink } from "./resultSinks.js";
import { resultRow } from "./resultRow.js";
import type { RowError } from "./rowErrors.js";
import { rowToScreening } from "./rowToScreening.js";
import { sheetRows, type SheetFormat, type SheetRow } from "./sheetRows.js";
import { CSV_DATA_ROW, PATH_ROW, XLSX_DATA_ROW } from "./template.js";
import { UploadError } from "./uploadError.js";

export interface UploadLimits {
  maxBytes: number;
  maxRows: number;
}
export const UPLOAD_DEFAULTS: UploadLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 20_000 };

export interface Progress {
  /** `checking` reads the file once for its header and size; `screening` screens and writes. */
  phase: "checking" | "screening";
  rowsDone: number;
  /** Data rows in the file, once known (during screening). */
  rowsTotal: number | null;
}

/** One data row's outcome: its screening's result file, or its errors. */
export type ScreenedRow = { row: number; name: string | undefined; result: ResultFile } | { row: number; errors: RowError[] };

export interface ScreenOptions {
  rules: CompiledRules;
  /** The date a row without asOf is screened for (Beijing's today in production). */
  today: string;
  limits?: Partial<UploadLimits>;
  onProgress?: (progress: Progress) => void;
}

const PROGRESS_EVERY = 100;

/**
 * Reads an upload's data rows and screens each with the engine, exactly as `screen --batch`
 * does a JSON line (evaluate, then the result file). The caller has checked the file
 * (checkUpload) first: this reads it as it streams.
 */
export async function* screenRows(file: string, format: SheetFormat, options: ScreenOptions & { rowsTotal?: number | null }): AsyncIterable<ScreenedRow> {
  let columns: readonly PlacedColumn[] = [];
  let done = 0;
  for await (const sheetRow of sheetRows(file, format)) {
    if (sheetRow.row === PATH_ROW) {
      columns = headerColumns(sheetRow);
      continue;
    }
    if (!isDataRow(sheetRow, format)) continue;
    const read = rowToScreening(sheetRow.row, sheetRow.cells, columns);
    if (read.ok) {
      const result = toResultFile(evaluate(read.screening, options.rules, options.today));
      yield { row: sheetRow.row, name: read.screening.applicant?.name, result };
    } else {
      yield { row: sheetRow.row, errors: read.errors };
    }
    done += 1;
    if (done % PROGRESS_EVERY === 0) options.onProgress?.({ phase: "screening", rowsDone: done, rowsTotal: options.rowsTotal ?? null });
  }
}

/** Data rows are those below the label rows with at least one filled cell. */
const isDataRow = (row: SheetRow, format: SheetFormat) => row.row >= (format === "xlsx" ? XLSX_DATA_ROW : CSV_DATA_ROW) && row.cells.size > 0;

function headerColumns(row: SheetRow): PlacedColumn[] {
  const header = readHeader(row.cells);
  if (!header.ok) throw new UploadError("bad_header", "row 1 does not hold the template's field paths", header.errors);
  return header.columns;
}

/**
 * Reads the whole file once before anything is screened: the size, the path row and the number
 * of data rows. A file refused here produces nothing.
 */
export async function checkUpload(file: string, format: SheetFormat, options: Pick<ScreenOptions, "limits" | "onProgress">): Promise<number> {
  const limits = { ...UPLOAD_DEFAULTS, ...options.limits };
  const { size } = await stat(file);
  if (size > limits.maxBytes) throw new UploadError("too_large", `the file has ${megabytes(size)}; at most ${megabytes(limits.maxBytes)} can be uploaded: split it into several files`);
  let rows = 0;
  let sawHeader = false;
  for await (const sheetRow of sheetRows(file, format)) {
    if (sheetRow.row === PATH_ROW) {
      headerColumns(sheetRow);
      sawHeader = true;
      continue;
    }
    if (!sawHeader) break;
    if (!isDataRow(sheetRow, format)) continue;
    rows += 1;
    if (rows > limits.maxRows) throw new UploadError("too_many_rows", `row ${sheetRow.row}: more than ${limits.maxRows} rows of data; split the file into several of at most ${limits.maxRows} rows`);
    if (rows % PROGRESS_EVERY === 0) options.onProgress?.({ phase: "checking", rowsDone: rows, rowsTotal: null });
  }
  if (!sawHeader) throw new UploadError("bad_header", "row 1 must hold the field paths of the template (applicant.name, asOf, …): download the template and copy the rows into it");
  return rows;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export interface UploadSummary {
  rows: number;
  screened: number;
  rowsWithErrors: number;
  /** The first problems, for the page; every one is in the errors sheet (XLSX results). */
  errors: RowError[];
}

export type UploadOutcome = { ok: true; summary: UploadSummary } | { ok: false; error: UploadError };

export interface UploadRequest extends ScreenOptions {
  file: string;
  format: SheetFormat;
  /** Where the results go; written only when the upload is accepted, complete or not at all. */
  output: { file: string; format: SheetFormat };
  lang?: Lang;
}

const SUMMARY_ERRORS = 100;

/** Batch screening of an uploaded spreadsheet into a results file (sheet 1 results, sheet 2 errors). */
export async function screenUpload(request: UploadRequest): Promise<UploadOutcome> {
  const partial = `${request.output.file}.${randomBytes(6).toString("hex")}.partial`;
  try {
    const rowsTotal = await checkUpload(request.file, request.format, request);
    const sink = openResultSink(partial, request.output.format, request.lang ?? "zh");
    const summary: UploadSummary = { rows: 0, screened: 0, rowsWithErrors: 0, errors: [] };
    try {
      for await (const screened of screenRows(request.file, request.format, { ...request, rowsTotal })) {
        summary.rows += 1;
        if ("errors" in screened) {
          summary.rowsWithErrors += 1;
          for (const error of screened.errors) {
            sink.error(error);
            if (summary.errors.length < SUMMARY_ERRORS) summary.errors.push(error);
          }
        } else {
          summary.screened += 1;
          await sink.result(resultRow(screened.row, screened.name, screened.result));
        }
      }
    } finally {
      await sink.close();
    }
    request.onProgress?.({ phase: "screening", rowsDone: summary.rows, rowsTotal });
    await rename(partial, request.output.file);
    return { ok: true, summary };
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof UploadError) return { ok: false, error };
    throw error;
  }
}
