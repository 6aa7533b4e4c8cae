import { ITEM_IDS, isoDate } from "../../engine/screening.js";
import { addDays, beijingDayStart } from "../../store/beijingDay.js";
import type { DaySummary } from "../../store/daySummary.js";

/** A period of whole Beijing days, both ends included. */
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

/** The store's half-open range [from, to) of creation times for a period: from Beijing's midnight to the midnight after its last day. */
export function storeRange(period: Period): [string, string] {
  return [beijingDayStart(period.from), beijingDayStart(addDays(period.to, 1))];
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
  /** [day, screenings] for each Beijing day with any. */
  byDay: [string, number][];
  byItem: ItemStats[];
  /** Each screening's total after Article 16, summed. */
  totalFen: number;
}

/** The bot's /stats figures from the store's day summaries (see Store.daySummaries). */
export function statsOfDays(days: ReadonlyMap<string, DaySummary>): ScreeningStats {
  const items = new Map(ITEM_IDS.map((id) => [id as string, { id, eligible: 0, sumFen: 0 }]));
  const byDay: [string, number][] = [];
  let totalFen = 0;
  for (const [day, summary] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    byDay.push([day, Object.values(summary.finished).reduce((a, b) => a + b, 0)]);
    totalFen += summary.totalFen;
    for (const [id, counts] of Object.entries(summary.items)) {
      const stats = items.get(id);
      if (!stats) continue;
      stats.eligible += counts.eligible;
      stats.sumFen += counts.sumMaxFen;
    }
  }
  return { count: byDay.reduce((sum, [, n]) => sum + n, 0), byDay, byItem: [...items.values()], totalFen };
}
