import { csvCell } from "../../../cli/csvRow.js";
import { fenToYuan } from "../../../engine/money.js";
import { formatYuanPlain } from "../../../i18n/formatMoney.js";
import type { ItemState, RecheckReport } from "./recheck.js";

/** One row per changed item, so that a spreadsheet can filter by item; amounts in yuan. */
export const RECHECK_CSV_HEADER = ["caseId", "asOf", "item", "statusBefore", "statusAfter", "maxBefore", "maxAfter", "countedBefore", "countedAfter", "totalBefore", "totalAfter", "rulesVersionBefore", "rulesVersionAfter"];

/** Amounts in yuan as the screening CLI's CSV writes them (a number a spreadsheet reads). */
const yuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? "" : fenToYuan(fen));
/** Amounts in the table, with separators and two decimals, as engine traces show them. */
const shown = (fen: number) => formatYuanPlain(fen);

/** The changed screenings as CSV lines (header first, no line breaks). */
export function* recheckCsvLines(report: RecheckReport): Iterable<string> {
  yield RECHECK_CSV_HEADER.join(",");
  for (const change of report.changes) {
    const totals = [yuan(change.totalBeforeFen), yuan(change.totalAfterFen), change.rulesVersionBefore, report.rulesVersion];
    // A total that changed with no item changing (never expected, but not hidden) gets a row of its own.
    const items = change.items.length > 0 ? change.items : [{ item: "", before: null, after: null }];
    for (const { item, before, after } of items) {
      const cells = [change.caseId, change.asOf, item, before?.status ?? "", after?.status ?? "", yuan(before?.maxSupportFen), yuan(after?.maxSupportFen), yuan(before?.countedSupportFen), yuan(after?.countedSupportFen), ...totals];
      yield cells.map((cell) => csvCell(cell)).join(",");
    }
  }
}

function describe(state: ItemState | null): string {
  if (state === null) return "—";
  return state.status === "eligible" ? shown(state.countedSupportFen) : state.status;
}

/** The changed screenings as a plain-text table for a terminal: case, date, items and total before → after. */
export function recheckTable(report: RecheckReport): string {
  const rows = report.changes.map((change) => [
    change.caseId,
    change.asOf,
    change.items.map((item) => `${item.item}: ${describe(item.before)} → ${describe(item.after)}`).join("; "),
    `${shown(change.totalBeforeFen)} → ${shown(change.totalAfterFen)}`,
  ]);
  const header = ["case", "asOf", "items (counted, before → after)", "total before → after"];
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i]!))).join("  ");
  const summary = `${report.changes.length} of ${report.checked} stored screenings change under rules ${report.rulesVersion}.`;
  if (rows.length === 0) return `${summary}\n`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line), "", summary].join("\n") + "\n";
}
