import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { todayInBeijing } from "../src/clock.js";

describe("today in Beijing", () => {
  it("turns at 16:00 UTC, Beijing's midnight", () => {
    expect(todayInBeijing(new Date("2026-02-28T15:59:59.999Z"))).toBe("2026-02-28");
    expect(todayInBeijing(new Date("2026-02-28T16:00:00.000Z"))).toBe("2026-03-01");
    expect(todayInBeijing(new Date("2026-12-31T16:00:00.000Z"))).toBe("2027-01-01");
  });

  it("is the date the time-zone database gives for Asia/Shanghai, at any instant since 1992", () => {
    const shanghai = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });
    const instants = fc.date({ min: new Date("1992-01-01T00:00:00Z"), max: new Date("2100-12-31T23:59:59Z"), noInvalidDate: true });
    fc.assert(fc.property(instants, (now) => todayInBeijing(now) === shanghai.format(now)), { numRuns: 5000 });
  });
});
