import { z } from "zod";
import { channelOf } from "./conversationId.js";
import type { ScreeningRecord } from "./store.js";

/**
 * What the staff dashboard counts of the screenings finished on one Beijing day. Kept as the
 * screenings are stored (see summaryFiles.ts), so a period's figures cost one small file per
 * day instead of reading every screening.
 */
export interface ItemCounts {
  /** Applicants (screenings) for whom the item is eligible; Article 11 counts an applicant once, by its best project. */
  eligible: number;
  needsInfo: number;
  notEligible: number;
  /** The item's maxima over its eligible entries (every eligible project): the budget exposure. */
  sumMaxFen: number;
}

export interface DaySummary {
  /** Screenings finished, by channel (`tg`, `web`, `cli` …). */
  finished: Record<string, number>;
  items: Record<string, ItemCounts>;
  /** Each screening's total after Article 16, summed. */
  totalFen: number;
  /** Fact path → screenings whose undecided items needed it. */
  missing: Record<string, number>;
  /** `item condition` (e.g. `6 not_sme`) → screenings where the item failed on that one condition alone. */
  nearMisses: Record<string, number>;
}

const count = z.number().int().min(0);
const itemCountsSchema = z.strictObject({ eligible: count, needsInfo: count, notEligible: count, sumMaxFen: count });
export const daySummarySchema = z.strictObject({
  finished: z.record(z.string().max(20), count),
  items: z.record(z.string().max(20), itemCountsSchema),
  totalFen: count,
  missing: z.record(z.string().max(200), count),
  nearMisses: z.record(z.string().max(100), count),
}) satisfies z.ZodType<DaySummary>;

export function emptySummary(): DaySummary {
  return { finished: {}, items: {}, totalFen: 0, missing: {}, nearMisses: {} };
}

const bump = (counts: Record<string, number>, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

/** The best status of an item over its entries (Article 11 has one per project). */
function statusOf(entries: readonly ScreeningRecord["items"][number][]): keyof Omit<ItemCounts, "sumMaxFen"> {
  if (entries.some((e) => e.status === "eligible")) return "eligible";
  return entries.some((e) => e.status === "needs_info") ? "needsInfo" : "notEligible";
}

/** Adds one screening to a day's summary (in place). */
export function addToSummary(summary: DaySummary, record: ScreeningRecord): void {
  bump(summary.finished, channelOf(record.conversationId));
  summary.totalFen += record.totalMaxSupportFen;
  const byItem = new Map<string, ScreeningRecord["items"]>();
  for (const item of record.items) byItem.set(item.id, [...(byItem.get(item.id) ?? []), item]);
  for (const [id, entries] of byItem) {
    const counts = (summary.items[id] ??= { eligible: 0, needsInfo: 0, notEligible: 0, sumMaxFen: 0 });
    counts[statusOf(entries)] += 1;
    counts.sumMaxFen += entries.reduce((fen, e) => fen + (e.status === "eligible" ? (e.maxSupportFen ?? 0) : 0), 0);
  }
  // A fact several items need counts once per screening: it is one question to the applicant.
  for (const fact of new Set(record.items.flatMap((item) => item.missing ?? []))) bump(summary.missing, fact);
  for (const near of new Set(record.items.flatMap((item) => (item.nearMiss ? [`${item.id} ${item.nearMiss}`] : [])))) bump(summary.nearMisses, near);
}

/** Adds `from` into `into` (in place). */
export function mergeSummary(into: DaySummary, from: DaySummary): void {
  for (const [channel, n] of Object.entries(from.finished)) bump(into.finished, channel, n);
  for (const [id, c] of Object.entries(from.items)) {
    const counts = (into.items[id] ??= { eligible: 0, needsInfo: 0, notEligible: 0, sumMaxFen: 0 });
    counts.eligible += c.eligible;
    counts.needsInfo += c.needsInfo;
    counts.notEligible += c.notEligible;
    counts.sumMaxFen += c.sumMaxFen;
  }
  into.totalFen += from.totalFen;
  for (const [fact, n] of Object.entries(from.missing)) bump(into.missing, fact, n);
  for (const [near, n] of Object.entries(from.nearMisses)) bump(into.nearMisses, near, n);
}
