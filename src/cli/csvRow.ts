import { ITEM_IDS } from "../engine/screening.js";
import { fenToYuan } from "../engine/money.js";
import type { ItemStatus } from "../engine/outcome.js";

/** Records stored before Article 16 counted parts of items have `counted` but no `countedSupportFen`. */
interface ItemSummary {
  id: string;
  status: ItemStatus;
  maxSupportFen: number | null;
  counted: boolean;
  countedSupportFen?: number;
}

/** What of an item the total counts: older records counted an item whole or not at all. */
function countedFen(item: ItemSummary): number {
  return item.countedSupportFen ?? (item.counted ? (item.maxSupportFen ?? 0) : 0);
}

/** What a CSV row needs of a result: an engine evaluation and a stored screening record both fit. */
export interface ResultSummary {
  asOf: string;
  inForce: boolean;
  items: readonly ItemSummary[];
  totalMaxSupportFen: number;
}

const COLUMN_OF_ITEM = new Map<string, number>(ITEM_IDS.map((id, column) => [id, column]));

/** The CSV summary of screenings shared by the batch CLI and the bot's staff export. */
export const CSV_HEADER = ["line", "name", "asOf", "inForce", ...ITEM_IDS, "total", "error"];

/** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  // A number or a boolean is written as JavaScript writes it: no quote, comma or line break in it.
  if (typeof value !== "string") return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One applicant: each item's amount counted in the total, in yuan, when eligible (Article 11
 * projects summed; less than its maximum, or 0, where Article 16 leaves part or all of it out),
 * `needs_info` when undecided, empty when not eligible. The cells add up to the total.
 */
export function csvRow(line: number | string, name: string | undefined, evaluation: ResultSummary): string {
  // One pass over the items, as a batch writes a row per line: per column, the eligible amount
  // counted and whether any item is undecided.
  const counted: (number | null)[] = ITEM_IDS.map(() => null);
  const undecided: boolean[] = ITEM_IDS.map(() => false);
  for (const item of evaluation.items) {
    const column = COLUMN_OF_ITEM.get(item.id);
    if (column === undefined) continue;
    if (item.status === "eligible") counted[column] = (counted[column] ?? 0) + countedFen(item);
    else if (item.status === "needs_info") undecided[column] = true;
  }
  let row = `${csvCell(line)},${csvCell(name)},${csvCell(evaluation.asOf)},${csvCell(evaluation.inForce)}`;
  for (let column = 0; column < ITEM_IDS.length; column++) {
    const fen = counted[column] ?? null;
    row += `,${fen !== null ? csvCell(fenToYuan(fen)) : undecided[column] ? "needs_info" : ""}`;
  }
  return `${row},${csvCell(fenToYuan(evaluation.totalMaxSupportFen))},`;
}

export function csvErrorRow(line: number, message: string): string {
  return [line, ...CSV_HEADER.slice(1, -1).map(() => ""), message].map(csvCell).join(",");
}
