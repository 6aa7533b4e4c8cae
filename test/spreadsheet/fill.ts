import ExcelJS from "exceljs";
import type { Screening } from "../../src/engine/screening.js";
import { COLUMNS } from "../../src/spreadsheet/columns.js";
import { ENUM_LABELS_ZH } from "../../src/spreadsheet/enumLabels.js";

export type Style = "labels" | "codes";

/**
 * A screening as spreadsheet cells, the way staff would type them: in the `labels` style
 * 是/否, Chinese labels, amounts as numbers and asOf as an Excel date; in the `codes` style
 * Excel booleans, codes, amounts like 30万 where they are whole 万, and asOf as text.
 */
export function cellsOf(s: Screening, style: Style): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  const put = (path: string, value: unknown) => {
    if (value !== undefined) cells.set(path, value);
  };
  for (const column of COLUMNS) {
    const value = valueAt(s, column.path);
    if (value === undefined) continue;
    const kind = column.kind.type;
    if (kind === "yesno") put(column.path, style === "labels" ? (value ? "是" : "否") : value);
    else if (kind === "enum") put(column.path, value === null ? "无" : style === "labels" ? ENUM_LABELS_ZH[value as string] : value);
    else if (kind === "sectors") put(column.path, (value as string[]).length === 0 ? "无" : (value as string[]).map((v) => (style === "labels" ? ENUM_LABELS_ZH[v] : v)).join(style === "labels" ? "、" : ", "));
    else if (kind === "amount") put(column.path, style === "codes" && (value as number) % 10000 === 0 && value !== 0 ? `${(value as number) / 10000}万` : value);
    else if (kind === "date") put(column.path, style === "labels" ? new Date(`${value as string}T00:00:00Z`) : value);
    else if (kind === "overlaps") put(column.path, JSON.stringify(value));
    else put(column.path, value);
  }
  if (s.recognitions?.length === 0) cells.set("recognitions.0.level", "无");
  if (s.infrastructure?.length === 0) cells.set("infrastructure.0.kind", "无");
  if (s.futureIndustries?.innovationBase === null) cells.set("futureIndustries.innovationBase.level", "无");
  return cells;
}

function valueAt(s: Screening, path: string): unknown {
  let node: unknown = s;
  for (const part of path.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Fills data rows of the template (from the given first row) and saves the workbook. */
export async function fillTemplate(template: Buffer, rows: Map<string, unknown>[], file: string, firstRow = 4): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const paths = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  rows.forEach((cells, i) => {
    const row = sheet.getRow(firstRow + i);
    for (const [path, value] of cells) {
      const index = paths.indexOf(path);
      if (index < 0) throw new Error(`no column ${path}`);
      const cell = row.getCell(index + 1);
      cell.value = value as ExcelJS.CellValue;
      if (value instanceof Date) cell.numFmt = "yyyy-mm-dd";
    }
    row.commit();
  });
  await workbook.xlsx.writeFile(file);
}

/**
 * The template's three header rows without its drop-downs: exceljs expands each drop-down range
 * into one entry per cell when it loads a file, which makes every load take seconds. The round
 * trip test uses the real template.
 */
export async function lightTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("screenings");
  sheet.addRow(COLUMNS.map((c) => c.path));
  sheet.addRow(COLUMNS.map((c) => c.zh));
  sheet.addRow(COLUMNS.map((c) => c.en));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
