import { appendFile, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { AuditLog, readAuditAs } from "../../src/staff/auditLog.js";
import { manualClock, staffFolder } from "./fixtures.js";

const MINUTE = 60_000;

describe("the audit log", () => {
  it("appends one JSON line per event, stamped with the time", async () => {
    const { audit, clock } = await staffFolder();
    await audit.append({ action: "sign_in", name: "li.na", ip: "10.0.0.1" });
    clock.advance(MINUTE);
    await audit.append({ action: "view_case", name: "li.na", caseId: "20260301-ABCD" });
    await audit.append({ action: "export", name: "li.na", format: "xlsx", filter: { from: "2026-01-01", article: "6", status: null }, rows: 12 });
    const lines = (await readFile(audit.file, "utf8")).trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([
      { at: "2026-03-01T08:00:00.000Z", action: "sign_in", name: "li.na", ip: "10.0.0.1" },
      { at: "2026-03-01T08:01:00.000Z", action: "view_case", name: "li.na", caseId: "20260301-ABCD" },
      { at: "2026-03-01T08:01:00.000Z", action: "export", name: "li.na", format: "xlsx", filter: { from: "2026-01-01", article: "6", status: null }, rows: 12 },
    ]);
  });

  it("refuses an event that does not fit its action", async () => {
    const { audit } = await staffFolder();
    // @ts-expect-error: a view without the case is what the schema is there to refuse
    await expect(audit.append({ action: "view_case", name: "li.na" })).rejects.toThrow(/caseId/);
  });

  it("reads newest first, filtered by name, action and period, up to the limit", async () => {
    const { audit, clock } = await staffFolder();
    for (let i = 0; i < 30; i++) {
      await audit.append({ action: "view_case", name: i % 2 === 0 ? "li.na" : "wang", caseId: `case-${i}` });
      if (i % 3 === 0) await audit.append({ action: "sign_in", name: "wang" });
      clock.advance(MINUTE);
    }
    const latest = await audit.read({ limit: 3 });
    expect(latest.events.map((e) => (e.action === "view_case" ? e.caseId : e.action))).toEqual(["case-29", "case-28", "sign_in"]);
    const hers = await audit.read({ name: "li.na", actions: ["view_case"], limit: 4 });
    expect(hers.events.map((e) => (e.action === "view_case" ? e.caseId : ""))).toEqual(["case-28", "case-26", "case-24", "case-22"]);
    const period = await audit.read({ from: "2026-03-01T08:10:00.000Z", to: "2026-03-01T08:13:00.000Z", actions: ["view_case"] });
    expect(period.events.map((e) => (e.action === "view_case" ? e.caseId : ""))).toEqual(["case-12", "case-11", "case-10"]);
    expect((await audit.read({ limit: 100_000 })).events).toHaveLength(40);
  });

  it("reads lines longer than its chunk and Chinese text split across chunks", async () => {
    const { audit } = await staffFolder();
    const fileName = "名单".repeat(120);
    for (let i = 0; i < 400; i++) await audit.append({ action: "batch_upload", name: "li.na", fileName, format: "xlsx", rows: i, screened: i, rowsWithErrors: 0 });
    const page = await audit.read({ limit: 1000 });
    expect(page.events).toHaveLength(400);
    expect(page.skipped).toBe(0);
    expect(page.events.every((e) => e.action === "batch_upload" && e.fileName === fileName)).toBe(true);
  });

  it("skips a line cut short by a crash and starts the next event on a line of its own", async () => {
    const clock = manualClock();
    const { audit } = await staffFolder(clock);
    await audit.append({ action: "sign_in", name: "li.na" });
    await appendFile(audit.file, '{"at":"2026-03-01T08:00:00.000Z","action":"sig');
    const reopened = new AuditLog(audit.file, clock.date);
    await reopened.append({ action: "sign_out", name: "li.na" });
    const page = await reopened.read();
    expect(page.events.map((e) => e.action)).toEqual(["sign_out", "sign_in"]);
    expect(page.skipped).toBe(1);
  });

  it("an absent log reads as empty", async () => {
    const { audit } = await staffFolder();
    expect(await audit.read()).toEqual({ events: [], skipped: 0 });
  });

  it("only admins may read it", async () => {
    const { audit } = await staffFolder();
    await audit.append({ action: "sign_in", name: "wang" });
    expect(await readAuditAs({ role: "staff" }, audit, {})).toEqual({ ok: false, reason: "forbidden" });
    expect(await readAuditAs({ role: "admin" }, audit, {})).toMatchObject({ ok: true, page: { events: [{ action: "sign_in", name: "wang" }] } });
  });
});
