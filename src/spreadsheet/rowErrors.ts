/** One problem with an uploaded sheet, where Excel shows it. */
export interface RowError {
  /** Excel's row number (1 for the path row). */
  row: number;
  /** Excel's column letter, or "" when the problem is the whole row's. */
  column: string;
  /** The field path of that column, or what the problem is about. */
  path: string;
  message: string;
}

export function rowErrorText(error: RowError): string {
  const where = error.column === "" ? `row ${error.row}` : `row ${error.row}, column ${error.column}`;
  return error.path === "" ? `${where}: ${error.message}` : `${where} (${error.path}): ${error.message}`;
}
