import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Dashboard } from "../../../src/conversation/staff/dashboard.js";
import type { ScreeningRecord } from "../../../src/store/store.js";
import { screeningRecord } from "../../store/fixtures/records.js";
import { removeStaffDirs, StaffClient, startStaffWeb, type StaffWeb } from "./staffHarness.js";

afterAll(() => removeStaffDirs());

const item = (id: string, status: ScreeningRecord["items"][number]["status"], fen: number | null, extra: Partial<ScreeningRecord["items"][number]> = {}) => ({
  id,
  status,
  maxSupportFen: status === "eligible" ? fen : null,
  potentialMaxSupportFen: status === "needs_info" ? fen : null,
  project: null,
  counted: status === "eligible",
  ...extra,
});

/** Three screenings over two Beijing days; the second was made at 23:30 UTC, which is the next morning in Beijing. */
const seeds: ScreeningRecord[] = [
  screeningRecord("tg:1", "2026-02-27T10:00:00.000Z", { items: [item("6", "eligible", 9_000_000), item("4", "not_eligible", null)], totalMaxSupportFen: 9_000_000 }),
  screeningRecord("web:AAAAAAAAAAAAAAAAAAAAAA", "2026-02-27T23:30:00.000Z", {
    items: [item("6", "needs_info", 50_000_000, { missing: ["applicant.sme"] }), item("4", "not_eligible", null, { nearMiss: "no_fast_growth" })],
    totalMaxSupportFen: 0,
  }),
  screeningRecord("cli", "2026-02-28T03:00:00.000Z", {
    items: [item("6", "eligible", 20_000_000), item("11", "eligible", 100_000_000, { project: 1 }), item("11", "eligible", 50_000_000, { project: 2 }), item("4", "needs_info", 20_000_000, { missing: ["applicant.sme", "growth.fastGrowth"] })],
    totalMaxSupportFen: 170_000_000,
  }),
  // Outside the period asked for: 16:00 UTC on 28 February is already 1 March in Beijing.
  screeningRecord("tg:2", "2026-02-28T16:00:00.000Z", { totalMaxSupportFen: 9_000_000 }),
];

describe("the staff dashboard over HTTP", () => {
  let web: StaffWeb;
  let client: StaffClient;
  beforeEach(async () => {
    web = await startStaffWeb();
    await web.addAccount("li");
    for (const record of seeds) await web.store.addScreening(record);
    await web.store.recordActivity({ kind: "started", channel: "tg", at: new Date("2026-02-27T01:00:00.000Z") });
    await web.store.recordActivity({ kind: "started", channel: "tg", at: new Date("2026-02-27T09:00:00.000Z") });
    await web.store.recordActivity({ kind: "started", channel: "web", at: new Date("2026-02-27T23:00:00.000Z") });
    for (let i = 0; i < 2; i++) await web.store.recordActivity({ kind: "faq_gap", question: "怎么办理车牌？", outcome: "refused", at: new Date("2026-02-28T02:00:00.000Z") });
    await web.store.recordActivity({ kind: "faq_gap", question: "what about robots", outcome: "weak", at: new Date("2026-02-27T02:00:00.000Z") });
    client = new StaffClient(web.base);
    await client.signIn("li");
  });
  afterEach(async () => {
    await web.stop();
  });

  it("counts screenings started and finished per Beijing day and channel, the Articles, the total, missing facts, near misses and FAQ gaps", async () => {
    const data = await client.json<Dashboard>("/staff/api/dashboard?from=2026-02-27&to=2026-02-28");
    expect(data.period).toEqual({ from: "2026-02-27", to: "2026-02-28" });
    expect(data.byDay).toEqual([
      { day: "2026-02-27", started: 2, finished: 1, byChannel: { tg: 1, web: 0, cli: 0 } },
      { day: "2026-02-28", started: 1, finished: 2, byChannel: { tg: 0, web: 1, cli: 1 } },
    ]);
    const byId = new Map(data.byItem.map((i) => [i.id, i]));
    expect(byId.get("6")).toMatchObject({ eligible: 2, needsInfo: 1, notEligible: 0, sumMaxFen: 29_000_000 });
    expect(byId.get("4")).toMatchObject({ eligible: 0, needsInfo: 1, notEligible: 2, sumMaxFen: 0 });
    expect(byId.get("11")).toMatchObject({ eligible: 1, needsInfo: 0, notEligible: 0, sumMaxFen: 150_000_000 });
    expect(byId.get("5")).toMatchObject({ eligible: 0, needsInfo: 0, notEligible: 0, sumMaxFen: 0 });
    expect(byId.get("6")!.title).toMatch(/^第六条 /);
    expect(data.totalFen).toBe(179_000_000);
    expect(data.missingFacts.map(({ fact, count }) => [fact, count])).toEqual([["applicant.sme", 2], ["growth.fastGrowth", 1]]);
    expect(data.missingFacts[0]!.label).not.toBe("applicant.sme");
    expect(data.nearMisses).toEqual([{ item: "4", condition: "no_fast_growth", label: expect.stringMatching(/^第四条: /), count: 1 }]);
    expect(data.faqGaps).toEqual([{ question: "怎么办理车牌？", outcome: "refused", count: 2 }, { question: "what about robots", outcome: "weak", count: 1 }]);
  });

  it("labels in English when the browser prefers it, and takes the last 30 Beijing days by default", async () => {
    const response = await client.fetch("/staff/api/dashboard", { headers: { "accept-language": "en-GB,en;q=0.9" } });
    const data = (await response.json()) as Dashboard;
    expect(data.period).toEqual({ from: "2026-01-31", to: "2026-03-01" });
    expect(data.byDay).toHaveLength(30);
    expect(data.byDay.at(-1)).toEqual({ day: "2026-03-01", started: 0, finished: 1, byChannel: { tg: 1, web: 0, cli: 0 } });
    expect(data.byItem.find((i) => i.id === "6")!.title).toMatch(/^Article 6 /);
  });

  it("refuses a period that ends before it begins, or a date that is not one, with 400 and the path", async () => {
    const backwards = await client.fetch("/staff/api/dashboard?from=2026-03-01&to=2026-02-01");
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toEqual({ errors: [expect.objectContaining({ path: "from" })] });
    const bad = await client.fetch("/staff/api/dashboard?from=2026-02-30");
    expect(bad.status).toBe(400);
  });

  it("counts a screening stored after the first request (the day summary is kept up to date)", async () => {
    await client.json<Dashboard>("/staff/api/dashboard?from=2026-02-28&to=2026-02-28");
    await web.store.addScreening(screeningRecord("web:BBBBBBBBBBBBBBBBBBBBBB", "2026-02-28T05:00:00.000Z"));
    const data = await client.json<Dashboard>("/staff/api/dashboard?from=2026-02-28&to=2026-02-28");
    expect(data.byDay[0]).toMatchObject({ finished: 3, byChannel: { tg: 0, web: 2, cli: 1 } });
  });
});
