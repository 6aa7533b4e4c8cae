import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import ExcelJS from "exceljs";
import { EMPTY, fromExcel, textCell, type CellValue } from "./cellValue.js";
import { CsvRecords } from "./csvText.js";
import { UploadError } from "./uploadError.js";

export type SheetFormat = "xlsx" | "csv";

/** One row of a sheet as Excel numbers it, with its non-empty cells by column number (A = 1). */
export interface SheetRow {
  row: number;
  cells: Map<number, CellValue>;
}

/** Excel's own limit on a cell's text. */
const MAX_CELL_LENGTH = 32_767;
/** Cells past the template's width cannot be fields: not kept, so a row stays small whatever the file says. */
export const MAX_COLUMNS = 256;

/** The rows of the first sheet of an XLSX file, or of a CSV file (UTF-8, with or without a BOM), as they are read. */
export function sheetRows(file: string, format: SheetFormat): AsyncIterable<SheetRow> {
  return format === "xlsx" ? xlsxRows(file) : csvRows(file);
}

async function* xlsxRows(file: string): AsyncIterable<SheetRow> {
  await expectZip(file);
  const input = createReadStream(file);
  // Styles are needed to tell a date from a number; hyperlinks are not read (a link's text is data).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "ignore" });
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells = new Map<number, CellValue>();
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          if (column > MAX_COLUMNS) return;
          const value = fromExcel(cell.value);
          if (value.type === "text" && value.text.length > MAX_CELL_LENGTH) throw new UploadError("unreadable", `row ${row.number}: a cell longer than ${MAX_CELL_LENGTH} characters`);
          if (value !== EMPTY) cells.set(column, value);
        });
        yield { row: row.number, cells };
      }
      return;
    }
  } catch (error) {
    if (error instanceof UploadError) throw error;
    throw new UploadError("unreadable", `not a readable XLSX file (${(error as Error).message}): save it again from Excel as .xlsx`);
  } finally {
    input.destroy();
  }
}

/** Every XLSX file is a ZIP archive, which starts with "PK\x03\x04". */
async function expectZip(file: string): Promise<void> {
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    if (bytesRead < 4 || head.readUInt32BE(0) !== 0x504b0304) throw new UploadError("unreadable", "not an XLSX file (an .xlsx file is a ZIP archive): save it from Excel as .xlsx, or upload a CSV");
  } finally {
    await handle.close();
  }
}

async function* csvRows(file: string): AsyncIterable<SheetRow> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const records = new CsvRecords(MAX_CELL_LENGTH);
  let row = 0;
  const toRow = (record: string[]): SheetRow => {
    row += 1;
    const cells = new Map<number, CellValue>();
    record.slice(0, MAX_COLUMNS).forEach((text, i) => {
      const value = textCell(text);
      if (value !== EMPTY) cells.set(i + 1, value);
    });
    return { row, cells };
  };
  const read = (work: () => string[][]): string[][] => {
    try {
      return work();
    } catch (error) {
      if (error instanceof TypeError) throw new UploadError("unreadable", `not UTF-8 text (from row ${records.completed + 1} on): in Excel, save as "CSV UTF-8 (Comma delimited)"`);
      if (error instanceof RangeError) throw new UploadError("unreadable", error.message);
      throw error;
    }
  };
  for await (const chunk of createReadStream(file)) {
    for (const record of read(() => records.push(decoder.decode(chunk as Buffer, { stream: true })))) yield toRow(record);
  }
  for (const record of read(() => [...records.push(decoder.decode()), ...records.end()])) yield toRow(record);
}
