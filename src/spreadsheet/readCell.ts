import { parseAmount, parseCount, type AmountError, type CountError } from "../interview/parseAmount.js";
import type { CellValue } from "./cellValue.js";
import type { ColumnKind } from "./columns.js";
import { ENUM_LABELS_ZH, ENUMS, NONE_WORDS } from "./enumLabels.js";

/** A cell that says "none": an empty list, or no innovation base. */
export const NONE = Symbol("none");

export type CellRead = { ok: true; value: unknown } | { ok: false; message: string };

const YES = new Set(["是", "yes", "true", "1"]);
const NO = new Set(["否", "no", "false", "0"]);

const ok = (value: unknown): CellRead => ({ ok: true, value });
const bad = (message: string): CellRead => ({ ok: false, message });
const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** A non-empty cell read as its column's kind; the screening schema checks the value after. */
export function readCell(cell: Exclude<CellValue, { type: "empty" }>, kind: ColumnKind): CellRead {
  switch (kind.type) {
    case "text":
      return ok(cell.type === "date" ? isoDay(cell.date) : cell.type === "text" ? cell.text : String(cell.value));
    case "yesno":
      return readYesNo(cell);
    case "amount":
      return cell.type === "number" ? ok(cell.value) : cell.type === "text" ? readAmount(cell.text) : bad(AMOUNT_PROBLEMS.invalid);
    case "count":
      return cell.type === "number" ? ok(cell.value) : cell.type === "text" ? readCount(cell.text) : bad("must be a whole number");
    case "date":
      if (cell.type === "date") return ok(isoDay(cell.date));
      return cell.type === "text" ? ok(cell.text) : bad("must be a date: YYYY-MM-DD text, or a cell formatted as a date");
    case "enum":
      return readEnum(cellText(cell), kind.values, kind.none !== undefined);
    case "sectors":
      return readSectors(cellText(cell));
    case "overlaps":
      return readJson(cellText(cell));
  }
}

const cellText = (cell: Exclude<CellValue, { type: "empty" }>) =>
  cell.type === "text" ? cell.text : cell.type === "date" ? isoDay(cell.date) : String(cell.value);

/** Excel stores a date as a day count; exceljs gives it as midnight UTC of that day. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function readYesNo(cell: Exclude<CellValue, { type: "empty" }>): CellRead {
  if (cell.type === "boolean") return ok(cell.value);
  const word = cellText(cell).toLowerCase();
  if (YES.has(word)) return ok(true);
  if (NO.has(word)) return ok(false);
  return bad(`must be 是 or 否 (yes/no, true/false, 1/0), not ${quote(cellText(cell))}`);
}

const AMOUNT_PROBLEMS: Record<AmountError, string> = {
  empty: "must be an amount in yuan",
  invalid: "must be an amount in yuan, e.g. 123456 or 12.5万",
  ambiguous: "mixes a Chinese and an English multiplier: write e.g. 123456 or 12.5万",
  negative: "must be >= 0",
  too_many_decimals: "must have at most two decimals (whole fen)",
  too_large: "must be <= 1000000000000 (1e12 yuan)",
};

function readAmount(text: string): CellRead {
  const parsed = parseAmount(text);
  if (parsed.ok) return ok(parsed.fen / 100);
  return bad(parsed.error === "invalid" ? `${AMOUNT_PROBLEMS.invalid}, not ${quote(text)}` : AMOUNT_PROBLEMS[parsed.error]);
}

const COUNT_PROBLEMS: Record<CountError, string> = {
  empty: "must be a whole number",
  invalid: "must be a whole number",
  negative: "must be >= 0",
  fractional: "must be a whole number",
  too_large: "must be <= 1000",
};

function readCount(text: string): CellRead {
  const parsed = parseCount(text);
  if (parsed.ok) return ok(parsed.count);
  return bad(parsed.error === "invalid" ? `${COUNT_PROBLEMS.invalid}, not ${quote(text)}` : COUNT_PROBLEMS[parsed.error]);
}

function enumValue(text: string, values: readonly string[]): string | null {
  const code = text.toLowerCase();
  if (values.includes(code)) return code;
  return values.find((value) => ENUM_LABELS_ZH[value] === text) ?? null;
}

function readEnum(text: string, values: readonly string[], noneAllowed: boolean): CellRead {
  if (noneAllowed && NONE_WORDS.has(text.toLowerCase())) return ok(NONE);
  const value = enumValue(text, values);
  if (value !== null) return ok(value);
  const choices = values.map((v) => `${v} (${ENUM_LABELS_ZH[v]})`).join(", ");
  return bad(`must be one of: ${choices}${noneAllowed ? ", 无 (none)" : ""}; not ${quote(text)}`);
}

function readSectors(text: string): CellRead {
  if (NONE_WORDS.has(text.toLowerCase())) return ok([]);
  const parts = text.split(/\s*[,，、;；]\s*/).filter((part) => part !== "");
  const codes: string[] = [];
  for (const part of parts) {
    const code = enumValue(part, ENUMS.sector);
    if (code === null) return bad(`${quote(part)} is not a sector: write codes or labels separated by , or 、 from: ${ENUMS.sector.map((v) => `${v} (${ENUM_LABELS_ZH[v]})`).join(", ")}`);
    if (!codes.includes(code)) codes.push(code);
  }
  return ok(codes);
}

function readJson(text: string): CellRead {
  try {
    return ok(JSON.parse(text));
  } catch {
    return bad('must be the JSON of the overlaps array, e.g. [["12","14"]]');
  }
}
