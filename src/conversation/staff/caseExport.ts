import { CSV_HEADER, csvRow } from "../../cli/csvRow.js";
import { ITEM_IDS } from "../../engine/screening.js";
import { CsvRecords } from "../../spreadsheet/csvText.js";
import { channelOf } from "../../store/conversationId.js";
import type { Store } from "../../store/store.js";
import { applicantName, findCases, type CaseFilter } from "./caseSearch.js";

/**
 * The case list as staff export it: the screening CLI's CSV columns (src/cli/csvRow.ts), where
 * `line` holds the case id, and `channel` after them. Cells starting with = + - @ are defused by
 * the CLI's own csvCell, so the XLSX shows the same text as the CSV.
 */
export const EXPORT_HEADER: readonly string[] = [...CSV_HEADER, "channel"];

/** Columns holding amounts in yuan: numbers in the XLSX (`needs_info` and empty cells stay text). */
const AMOUNT_COLUMNS = new Set([...ITEM_IDS, "total"].map((name) => EXPORT_HEADER.indexOf(name)));
const AMOUNT = /^\d+(?:\.\d+)?$/;

export interface ExportRow {
  /** The row as the CSV writes it (no line break). */
  csv: string;
  /** The same cells for a spreadsheet: amounts as numbers of yuan. */
  cells: (string | number)[];
}

/** The cases a filter selects, oldest first, as export rows; also counts them in `counted.rows`. */
export async function* exportRows(store: Store, filter: CaseFilter, counted: { rows: number }): AsyncIterable<ExportRow> {
  for await (const record of findCases(store, filter)) {
    const csv = `${csvRow(record.caseId, applicantName(record) ?? undefined, record)},${channelOf(record.conversationId)}`;
    counted.rows += 1;
    yield { csv, cells: cellsOf(csv) };
  }
}

/** Reads the CSV line back into cells with the upload's own CSV reader, so both formats hold the same text. */
function cellsOf(csv: string): (string | number)[] {
  const reader = new CsvRecords(Number.MAX_SAFE_INTEGER);
  const [cells = []] = [...reader.push(csv), ...reader.end()];
  return cells.map((cell, i) => (AMOUNT_COLUMNS.has(i) && AMOUNT.test(cell) ? Number(cell) : cell));
}
