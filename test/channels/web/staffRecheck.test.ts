import { readFileSync, rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { RECHECK_CSV_HEADER } from "../../../src/conversation/staff/recheck/index.js";
import { loadRules } from "../../../src/rules/loadRules.js";
import { auditFile } from "../../../src/staff/index.js";
import { passesCap, rulesWithModelCapChanged, storedScreening } from "../../support/storedScreenings.js";
import { interview, removeStaffDirs, StaffClient, startStaffWeb } from "./staffHarness.js";

/** The screenings were stored under an older guideline whose caps were lower than the rules the server runs. */
const olderDir = rulesWithModelCapChanged(-100_000);
const older = loadRules(olderDir);
afterAll(() => {
  removeStaffDirs();
  rmSync(olderDir, { recursive: true, force: true });
});

describe("the staff console's re-check of stored screenings", () => {
  it("downloads as CSV the stored screenings the current rules change, leaves them as they were, and audits the run", async () => {
    const web = await startStaffWeb();
    try {
      await web.addAccount("li");
      const records = Array.from({ length: 20 }, (_, n) => storedScreening(n, older));
      for (const record of records) await web.store.addScreening(record);
      const client = new StaffClient(web.base);
      await client.signIn("li");
      const response = await client.fetch("/staff/api/recheck.csv");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
      expect(response.headers.get("content-disposition")).toContain(`recheck-${interview.rules.rulesVersion}.csv`);
      const lines = (await response.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
      expect(lines[0]).toBe(RECHECK_CSV_HEADER.join(","));
      const affected = records.filter((_, n) => passesCap(n, older)).map((record) => record.caseId);
      expect(lines.slice(1).map((line) => line.split(",")[0]).sort()).toEqual(affected.sort());
      for (const record of records) expect(await web.store.getScreening(record.caseId)).toEqual(record);
      const events = readFileSync(auditFile(web.dir), "utf8").trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(events.find((event) => event.action === "recheck")).toMatchObject({ name: "li", rulesVersion: interview.rules.rulesVersion, checked: 20, changed: affected.length });
    } finally {
      await web.stop();
    }
  });

  it("is for signed-in staff only", async () => {
    const web = await startStaffWeb();
    try {
      expect((await fetch(`${web.base}/staff/api/recheck.csv`)).status).toBe(401);
    } finally {
      await web.stop();
    }
  });
});
