import type { CompiledRules } from "../../../engine/compiledRules.js";
import { evaluate } from "../../../engine/evaluate.js";
import type { ItemStatus } from "../../../engine/outcome.js";
import type { ScreeningRecord } from "../../../store/store.js";
import { toScreeningRecord } from "../../screeningRecord.js";

/** An item's outcome as a recheck compares it: Article 11 items are named `11#1`, `11#2` … */
export interface ItemState {
  status: ItemStatus;
  maxSupportFen: number | null;
  /** What it counts toward the total after Article 16. */
  countedSupportFen: number;
}

export interface ItemChange {
  item: string;
  /** null when the item was not in that result (an Article 11 project added or left out). */
  before: ItemState | null;
  after: ItemState | null;
}

/** A stored screening whose result the current rules change. */
export interface RecheckChange {
  caseId: string;
  asOf: string;
  rulesVersionBefore: string;
  totalBeforeFen: number;
  totalAfterFen: number;
  items: ItemChange[];
  /** The new result as a screening record would keep it (the original stays as it is). */
  after: ScreeningRecord;
}

export interface RecheckReport {
  rulesVersion: string;
  checked: number;
  changes: RecheckChange[];
}

type StoredItem = ScreeningRecord["items"][number];
const keyOf = (item: StoredItem) => (item.project === null ? item.id : `${item.id}#${item.project}`);
/** Records stored before Article 16 format 1.1 have no countedSupportFen: a counted item then counted in full. */
const stateOf = (item: StoredItem): ItemState => ({
  status: item.status,
  maxSupportFen: item.maxSupportFen,
  countedSupportFen: item.countedSupportFen ?? (item.counted ? (item.maxSupportFen ?? 0) : 0),
});
const sameState = (a: ItemState | null, b: ItemState | null) =>
  a !== null && b !== null && a.status === b.status && a.maxSupportFen === b.maxSupportFen && a.countedSupportFen === b.countedSupportFen;

/**
 * Every stored screening judged again by the current rules on its own date (`asOf`), and those
 * whose items or total change. Pure over the records it is given: the store is read by the caller
 * and nothing is written back.
 */
export async function recheckScreenings(records: AsyncIterable<ScreeningRecord>, rules: CompiledRules): Promise<RecheckReport> {
  const changes: RecheckChange[] = [];
  let checked = 0;
  for await (const record of records) {
    checked += 1;
    const change = recheckOne(record, rules);
    if (change) changes.push(change);
  }
  return { rulesVersion: rules.rulesVersion, checked, changes };
}

export function recheckOne(record: ScreeningRecord, rules: CompiledRules): RecheckChange | null {
  const evaluation = evaluate(record.screening, rules, record.asOf);
  const after = toScreeningRecord({ ...record, createdAt: new Date(record.createdAt), evaluation });
  const before = new Map(record.items.map((item) => [keyOf(item), stateOf(item)]));
  const now = new Map(after.items.map((item) => [keyOf(item), stateOf(item)]));
  const items: ItemChange[] = [];
  for (const key of new Set([...before.keys(), ...now.keys()])) {
    const was = before.get(key) ?? null;
    const is = now.get(key) ?? null;
    if (!sameState(was, is)) items.push({ item: key, before: was, after: is });
  }
  if (items.length === 0 && record.totalMaxSupportFen === after.totalMaxSupportFen) return null;
  return { caseId: record.caseId, asOf: record.asOf, rulesVersionBefore: record.rulesVersion, totalBeforeFen: record.totalMaxSupportFen, totalAfterFen: after.totalMaxSupportFen, items, after };
}
