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

/** The CSV summary of screenings shared by the batch CLI and the bot's staff export. */
export const CSV_HEADER = ["line", "name", "asOf", "inForce", ...ITEM_IDS, "total", "error"];

/** RFC 4180 quoting; a leading = + - @ is defused so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One applicant: each item's amount counted in the total, in yuan, when eligible (Article 11
 * projects summed; less than its maximum, or 0, where Article 16 leaves part or all of it out),
 * `needs_info` when undecided, empty when not eligible. The cells add up to the total.
 */
export function csvRow(line: number | string, name: string | undefined, evaluation: ResultSummary): string {
  const cells = ITEM_IDS.map((id) => {
    const items = evaluation.items.filter((item) => item.id === id);
    const eligible = items.filter((item) => item.status === "eligible");
    if (eligible.length > 0) return fenToYuan(eligible.reduce((sum, item) => sum + countedFen(item), 0));
    return items.some((item) => item.status === "needs_info") ? "needs_info" : "";
  });
  return [line, name, evaluation.asOf, evaluation.inForce, ...cells, fenToYuan(evaluation.totalMaxSupportFen), ""].map(csvCell).join(",");
}

export function csvErrorRow(line: number, message: string): string {
  return [line, ...CSV_HEADER.slice(1, -1).map(() => ""), message].map(csvCell).join(",");
}
