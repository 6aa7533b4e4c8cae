import ExcelJS from "exceljs";
import { COLUMNS, columnLetter, type Column } from "./columns.js";
import { csvQuote } from "./csvText.js";
import { ENUM_LABELS_ZH, NONE_LABEL } from "./enumLabels.js";

/** Excel row numbers of the template. */
export const PATH_ROW = 1;
export const XLSX_DATA_ROW = 4;
export const CSV_DATA_ROW = 3;
/** Rows offered the drop-down lists; rows below still read the same. */
const VALIDATED_ROWS = 10_000;

const yesNo = ["是", "否"];

/** The drop-down of a column: Chinese labels (codes are read too, so a typed code only warns). */
function choices(column: Column): string[] | null {
  const kind = column.kind;
  if (kind.type === "yesno") return yesNo;
  if (kind.type === "enum") return [...kind.values.map((v) => ENUM_LABELS_ZH[v]!), ...(kind.none ? [NONE_LABEL] : [])];
  return null;
}

/** exceljs 4.4 supports validations over a range, but its typings leave `dataValidations` out. */
type WithValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };

/** The XLSX template: path row, Chinese labels, English labels, data from row 4, with drop-downs. */
export async function xlsxTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("screenings", { views: [{ state: "frozen", ySplit: XLSX_DATA_ROW - 1 }] }) as WithValidations;
  sheet.addRow(COLUMNS.map((c) => c.path));
  sheet.addRow(COLUMNS.map((c) => c.zh));
  sheet.addRow(COLUMNS.map((c) => c.en));
  sheet.getRow(PATH_ROW).font = { color: { argb: "FF808080" } };
  sheet.getRow(2).font = { bold: true };
  COLUMNS.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    sheet.getColumn(i + 1).width = column.kind.type === "overlaps" || column.kind.type === "sectors" ? 30 : 18;
    const list = choices(column);
    if (!list) return;
    sheet.dataValidations.add(`${letter}${XLSX_DATA_ROW}:${letter}${XLSX_DATA_ROW + VALIDATED_ROWS - 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [`"${list.join(",")}"`],
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: column.path,
      error: "请从列表中选择，或填写代码。Choose from the list, or write the code.",
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The CSV template: UTF-8 BOM, path row and Chinese labels; data from row 3. */
export function csvTemplate(): string {
  const line = (cells: string[]) => `${cells.map(csvQuote).join(",")}\r\n`;
  return `\uFEFF${line(COLUMNS.map((c) => c.path))}${line(COLUMNS.map((c) => c.zh))}`;
}
