import { COLUMN_BY_PATH, columnLetter, type Column } from "./columns.js";
import type { CellValue } from "./cellValue.js";
import type { RowError } from "./rowErrors.js";

/** A column of the upload: where it is and which field it fills. */
export interface PlacedColumn {
  index: number;
  letter: string;
  column: Column;
}

export type Header = { ok: true; columns: PlacedColumn[] } | { ok: false; errors: RowError[] };

/**
 * Row 1 names each column's field path. Columns may be in any order and any may be left out
 * (its field is then unknown in every row); an unknown or repeated path is an error, since
 * its data would otherwise be dropped without a word.
 */
export function readHeader(cells: ReadonlyMap<number, CellValue>): Header {
  const columns: PlacedColumn[] = [];
  const errors: RowError[] = [];
  for (const [index, cell] of [...cells].sort(([a], [b]) => a - b)) {
    if (cell.type === "empty") continue;
    const letter = columnLetter(index);
    const path = cell.type === "text" ? cell.text : "";
    const column = COLUMN_BY_PATH.get(path);
    if (!column) {
      errors.push({ row: 1, column: letter, path: "", message: `${JSON.stringify(cell.type === "text" ? cell.text : cell.type)} is not a field path of the template (e.g. applicant.name, vouchers.modelServices)` });
    } else if (columns.some((c) => c.column === column)) {
      errors.push({ row: 1, column: letter, path, message: "this field path is in another column already" });
    } else {
      columns.push({ index, letter, column });
    }
  }
  if (columns.length === 0 && errors.length === 0) {
    errors.push({ row: 1, column: "", path: "", message: "row 1 must hold the field paths of the template (applicant.name, asOf, …): download the template and copy the rows into it" });
  }
  return errors.length > 0 ? { ok: false, errors: errors.slice(0, 20) } : { ok: true, columns };
}
