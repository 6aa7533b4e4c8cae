/** What a spreadsheet cell holds, whatever the file format: CSV cells are all text. */
export type CellValue =
  | { type: "empty" }
  | { type: "text"; text: string }
  | { type: "number"; value: number }
  | { type: "boolean"; value: boolean }
  | { type: "date"; date: Date };

export const EMPTY: CellValue = { type: "empty" };

export function textCell(raw: string): CellValue {
  const text = raw.trim();
  return text === "" ? EMPTY : { type: "text", text };
}

/**
 * An exceljs cell value as data. A formula is read as its text (`=SUM(A1)`), never as the result
 * Excel cached for it: the upload is data, and a formula's result could come from anywhere.
 */
export function fromExcel(value: unknown): CellValue {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "string") return textCell(value);
  if (typeof value === "number") return Number.isFinite(value) ? { type: "number", value } : EMPTY;
  if (typeof value === "boolean") return { type: "boolean", value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { type: "text", text: "(invalid date)" } : { type: "date", date: value };
  if (typeof value === "object") {
    const v = value as { formula?: unknown; sharedFormula?: unknown; richText?: { text?: unknown }[]; text?: unknown; error?: unknown };
    if (typeof v.formula === "string") return textCell(`=${v.formula}`);
    if (typeof v.sharedFormula === "string") return textCell(`=${v.sharedFormula}`);
    if (Array.isArray(v.richText)) return textCell(v.richText.map((run) => (typeof run.text === "string" ? run.text : "")).join(""));
    if (typeof v.text === "string") return textCell(v.text);
    if (typeof v.error === "string") return textCell(v.error);
  }
  return { type: "text", text: String(value) };
}
