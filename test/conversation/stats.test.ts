import { describe, expect, it } from "vitest";
import { parsePeriod, statsOfDays, storeRange } from "../../src/conversation/staff/stats.js";
import { MemoryStore } from "../../src/store/memoryStore.js";
import { SCREENING_RECORD_VERSION, type ScreeningRecord } from "../../src/store/store.js";

let serial = 0;
function record(createdAt: string, items: ScreeningRecord["items"], totalMaxSupportFen: number): ScreeningRecord {
  serial += 1;
  return { schema: SCREENING_RECORD_VERSION, caseId: `TZ-${createdAt.slice(0, 10).replaceAll("-", "")}-7KQ3M2X${"ABCDEFGH"[serial % 8]}`, conversationId: "tg:1", createdAt, lang: "en", asOf: createdAt.slice(0, 10), inForce: true, rulesVersion: "v", screening: {}, items, totalMaxSupportFen };
}

const eligible = (id: string, fen: number, project: number | null = null) => ({ id, status: "eligible" as const, maxSupportFen: fen, potentialMaxSupportFen: null, project, counted: true });

async function statsOf(records: ScreeningRecord[], from: string, to: string) {
  const store = new MemoryStore();
  for (const r of records) await store.addScreening(r);
  return statsOfDays(await store.daySummaries(from, to));
}

describe("staff statistics", () => {
  it("/stats alone is the last 30 days, today included", () => {
    expect(parsePeriod("", "2026-03-01")).toEqual({ from: "2026-01-31", to: "2026-03-01" });
  });

  it("/stats FROM TO includes both days; the store is asked from Beijing's midnight to the midnight after the last day", () => {
    const period = parsePeriod(" 2026-01-01   2026-03-31 ", "2026-04-02");
    expect(period).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(storeRange(period!)).toEqual(["2025-12-31T16:00:00.000Z", "2026-03-31T16:00:00.000Z"]);
  });

  it.each(["2026-01-01", "2026-03-31 2026-01-01", "2026-02-30 2026-03-01", "yesterday today", "2026-01-01 2026-02-01 2026-03-01"])("refuses the period %j", (args) => {
    expect(parsePeriod(args, "2026-03-01")).toBeNull();
  });

  it("counts screenings by Beijing day and by item, each eligible screening once, every project's maximum summed", async () => {
    const stats = await statsOf([
      record("2026-03-01T01:00:00.000Z", [eligible("4", 200_000_00), eligible("11", 1_000_000_00, 1), eligible("11", 500_000_00, 2)], 1_700_000_00),
      record("2026-03-01T05:00:00.000Z", [eligible("4", 200_000_00), { ...eligible("5", 0), status: "needs_info", maxSupportFen: null }], 200_000_00),
      record("2026-03-02T05:00:00.000Z", [{ ...eligible("4", 0), status: "not_eligible", maxSupportFen: null }], 0),
    ], "2026-03-01", "2026-03-02");
    expect(stats.count).toBe(3);
    expect(stats.byDay).toEqual([["2026-03-01", 2], ["2026-03-02", 1]]);
    expect(stats.byItem.find((i) => i.id === "4")).toEqual({ id: "4", eligible: 2, sumFen: 400_000_00 });
    expect(stats.byItem.find((i) => i.id === "11")).toEqual({ id: "11", eligible: 1, sumFen: 1_500_000_00 });
    expect(stats.byItem.find((i) => i.id === "5")).toEqual({ id: "5", eligible: 0, sumFen: 0 });
    expect(stats.totalFen).toBe(1_900_000_00);
  });

  it("a screening at 23:30 UTC counts on the next Beijing day, and one at 15:59 UTC on the same day", async () => {
    const stats = await statsOf([
      record("2026-03-01T15:59:00.000Z", [eligible("4", 200_000_00)], 200_000_00),
      record("2026-03-01T23:30:00.000Z", [eligible("4", 200_000_00)], 200_000_00),
    ], "2026-03-01", "2026-03-02");
    expect(stats.byDay).toEqual([["2026-03-01", 1], ["2026-03-02", 1]]);
  });
});
