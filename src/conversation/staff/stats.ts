import { ITEM_IDS, isoDate } from "../../engine/screening.js";
import type { ScreeningRecord } from "../../store/store.js";
import { addDays } from "./dates.js";

/** A period of whole days, both ends included. */
export interface Period {
  from: string;
  to: string;
}

export const DEFAULT_PERIOD_DAYS = 30;

/** `` → the last 30 days up to today; `2026-01-01 2026-03-31` → those days; anything else → null. */
export function parsePeriod(args: string, today: string): Period | null {
  const parts = args.split(/\s+/).filter((part) => part !== "");
  if (parts.length === 0) return { from: addDays(today, -(DEFAULT_PERIOD_DAYS - 1)), to: today };
  if (parts.length !== 2) return null;
  const from = isoDate.safeParse(parts[0]);
  const to = isoDate.safeParse(parts[1]);
  if (!from.success || !to.success || from.data > to.data) return null;
  return { from: from.data, to: to.data };
}

/** The store's half-open range [from, to) of creation times for a period. */
export function storeRange(period: Period): [string, string] {
  return [period.from, addDays(period.to, 1)];
}

export interface ItemStats {
  id: (typeof ITEM_IDS)[number];
  /** Screenings where the item is eligible (an Article 11 case with two projects counts once). */
  eligible: number;
  /** The item's maxima summed over those screenings (every eligible project). */
  sumFen: number;
}

export interface ScreeningStats {
  count: number;
  /** [day, screenings] for each day with any, by the UTC day of creation. */
  byDay: [string, number][];
  byItem: ItemStats[];
  /** Each screening's total after Article 16, summed. */
  totalFen: number;
}

/** Counts screenings as they stream from the store, without holding them all. */
export async function collectStats(records: AsyncIterable<ScreeningRecord>): Promise<ScreeningStats> {
  const days = new Map<string, number>();
  const items = new Map(ITEM_IDS.map((id) => [id as string, { id, eligible: 0, sumFen: 0 }]));
  let count = 0;
  let totalFen = 0;
  for await (const record of records) {
    count += 1;
    totalFen += record.totalMaxSupportFen;
    const day = record.createdAt.slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
    const seen = new Set<string>();
    for (const item of record.items) {
      const stats = items.get(item.id);
      if (!stats || item.status !== "eligible") continue;
      if (!seen.has(item.id)) stats.eligible += 1;
      seen.add(item.id);
      stats.sumFen += item.maxSupportFen ?? 0;
    }
  }
  return { count, byDay: [...days].sort(([a], [b]) => a.localeCompare(b)), byItem: [...items.values()], totalFen };
}
