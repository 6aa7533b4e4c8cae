import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import ExcelJS from "exceljs";
import type { Lang } from "../i18n/lang.js";
import { csvQuote } from "./csvText.js";
import { defuse } from "./defuse.js";
import { AMOUNT_COLUMNS, RESULT_PATHS, resultLabels, type ResultCell } from "./resultRow.js";
import { rowErrorText, type RowError } from "./rowErrors.js";
import type { SheetFormat } from "./sheetRows.js";

/** Where the rows of a results file go, as they are screened. */
export interface ResultSink {
  result(cells: ResultCell[]): Promise<void>;
  error(error: RowError): void;
  close(): Promise<void>;
}

/** Errors kept for the errors sheet: past this many, one line says how many more there were. */
export const MAX_ERROR_LINES = 10_000;

const ERROR_PATHS = ["row", "column", "path", "message"];
const errorLabels = (lang: Lang) => (lang === "zh" ? ["行号", "列", "字段", "问题"] : ["Row", "Column", "Field", "Problem"]);

export function openResultSink(file: string, format: SheetFormat, lang: Lang): ResultSink {
  return format === "xlsx" ? new XlsxSink(file, lang) : new CsvSink(file, lang);
}

const cellValue = (cell: ResultCell) => (typeof cell === "string" ? defuse(cell) : cell);

/**
 * Sheet 1 streams to disk row by row. Sheet 2 (errors) is written after it: a streamed workbook
 * writes its sheets one after the other, so the errors wait in memory, bounded by MAX_ERROR_LINES.
 */
class XlsxSink implements ResultSink {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private readonly results: ExcelJS.Worksheet;
  private readonly errors: RowError[] = [];
  private dropped = 0;

  constructor(file: string, private readonly lang: Lang) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
    this.results = this.workbook.addWorksheet("results", { views: [{ state: "frozen", ySplit: 2 }] });
    this.results.addRow([...RESULT_PATHS]).commit();
    this.results.addRow(resultLabels(lang)).commit();
  }

  async result(cells: ResultCell[]): Promise<void> {
    const row = this.results.addRow(cells.map(cellValue));
    cells.forEach((_, i) => {
      if (AMOUNT_COLUMNS.has(RESULT_PATHS[i]!)) row.getCell(i + 1).numFmt = "0.00";
    });
    row.commit();
  }

  error(error: RowError): void {
    if (this.errors.length < MAX_ERROR_LINES) this.errors.push(error);
    else this.dropped += 1;
  }

  async close(): Promise<void> {
    this.results.commit();
    const sheet = this.workbook.addWorksheet("errors", { views: [{ state: "frozen", ySplit: 2 }] });
    sheet.addRow(ERROR_PATHS).commit();
    sheet.addRow(errorLabels(this.lang)).commit();
    for (const e of this.errors) sheet.addRow([e.row, e.column, defuse(e.path), defuse(rowErrorText(e))]).commit();
    if (this.dropped > 0) sheet.addRow(["", "", "", `… and ${this.dropped} more`]).commit();
    sheet.commit();
    await this.workbook.commit();
  }
}

/** Sheet 1 only, with a UTF-8 BOM so that Excel opens the Chinese labels correctly. */
class CsvSink implements ResultSink {
  private readonly out: WriteStream;

  constructor(file: string, lang: Lang) {
    this.out = createWriteStream(file, { encoding: "utf8" });
    this.out.write(`\uFEFF${line(RESULT_PATHS)}${line(resultLabels(lang))}`);
  }

  async result(cells: ResultCell[]): Promise<void> {
    const text = line(cells.map((cell, i) => (typeof cell === "number" && AMOUNT_COLUMNS.has(RESULT_PATHS[i]!) ? cell.toFixed(2) : cellValue(cell))));
    if (!this.out.write(text)) await once(this.out, "drain");
  }

  /** A CSV has no second sheet: the errors reach staff through the upload's summary. */
  error(): void {}

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, "finish");
  }
}

const line = (cells: readonly (string | number)[]) => `${cells.map((c) => csvQuote(String(c))).join(",")}\r\n`;
