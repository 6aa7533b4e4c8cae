import { describe, expect, it } from "vitest";
import { itemStatuses } from "../../src/conversation/staff/caseSearch.js";
import { statsOfDays } from "../../src/conversation/staff/stats.js";
import type { DaySummary } from "../../src/store/daySummary.js";
import { storedScreening } from "../support/storedScreenings.js";
import { loadRules } from "../../src/rules/loadRules.js";

const day = (finished: Record<string, number>, totalFen: number, items: DaySummary["items"] = {}): DaySummary => ({ finished, items, totalFen, missing: {}, nearMisses: {} });

describe("the staff's figures", () => {
  it("counts screenings by day in date order, whatever order the days come in, and sums items and totals", () => {
    const days = new Map([
      ["2026-03-02", day({ tg: 1, web: 2 }, 500, { "6": { eligible: 2, needsInfo: 0, notEligible: 1, sumMaxFen: 400 } })],
      ["2026-02-28", day({ cli: 1 }, 100, { "6": { eligible: 1, needsInfo: 0, notEligible: 0, sumMaxFen: 100 }, "99": { eligible: 5, needsInfo: 0, notEligible: 0, sumMaxFen: 9 } })],
    ]);
    const stats = statsOfDays(days);
    expect(stats.byDay).toEqual([
      ["2026-02-28", 1],
      ["2026-03-02", 3],
    ]);
    expect(stats).toMatchObject({ count: 4, totalFen: 600 });
    expect(stats.byItem.find((item) => item.id === "6")).toEqual({ id: "6", eligible: 3, sumFen: 500 });
    expect(stats.byItem.map((item) => item.id)).not.toContain("99");
  });

  it("folds Article 11's projects into the best status of any of them, whatever their order", () => {
    const record = storedScreening(9, loadRules());
    const eleven = record.items.find((item) => item.id === "11")!;
    const withProjects = (statuses: ("eligible" | "needs_info" | "not_eligible")[]) => ({
      ...record,
      items: [...record.items.filter((item) => item.id !== "11"), ...statuses.map((status, i) => ({ ...eleven, status, project: i + 1 }))],
    });
    const elevenOf = (statuses: ("eligible" | "needs_info" | "not_eligible")[]) => itemStatuses(withProjects(statuses)).filter((item) => item.id === "11");
    expect(elevenOf(["eligible", "needs_info", "not_eligible"])).toEqual([{ id: "11", status: "eligible" }]);
    expect(elevenOf(["not_eligible", "needs_info"])).toEqual([{ id: "11", status: "needs_info" }]);
    expect(elevenOf(["needs_info", "eligible"])).toEqual([{ id: "11", status: "eligible" }]);
  });
});
