import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { CSV_HEADER } from "../../../src/cli/csvRow.js";
import type { CaseDetail } from "../../../src/conversation/staff/caseDetail.js";
import type { CasePage } from "../../../src/conversation/staff/caseSearch.js";
import { toScreeningRecord } from "../../../src/conversation/screeningRecord.js";
import { evaluate } from "../../../src/engine/evaluate.js";
import type { Screening } from "../../../src/engine/screening.js";
import { CsvRecords } from "../../../src/spreadsheet/csvText.js";
import { auditFile } from "../../../src/staff/index.js";
import { newCaseId } from "../../../src/store/caseId.js";
import type { ScreeningRecord } from "../../../src/store/store.js";
import { screeningRecord } from "../../store/fixtures/records.js";
import { interview, removeStaffDirs, StaffClient, startStaffWeb, type StaffWeb } from "./staffHarness.js";

afterAll(() => removeStaffDirs());

const named = (name: string) => ({ version: 1 as const, applicant: { name, kind: "enterprise" as const, inJurisdiction: true, sme: true }, vouchers: { modelServices: 300000 } });
const needsInfo6 = { id: "6", status: "needs_info" as const, maxSupportFen: null, potentialMaxSupportFen: 50_000_000, project: null, counted: false };

/** A screening as the conversation layer stores it: the engine's own result for the answers. */
function engineRecord(conversationId: string, createdAt: string, screening: Screening): ScreeningRecord {
  const evaluation = evaluate(screening, interview.rules, createdAt.slice(0, 10));
  return toScreeningRecord({ caseId: newCaseId(createdAt), conversationId, createdAt: new Date(createdAt), lang: "zh", screening, evaluation });
}

const jia = screeningRecord("tg:1", "2026-02-20T03:00:00.000Z", { screening: named("甲科技有限公司") });
const formula = screeningRecord("web:AAAAAAAAAAAAAAAAAAAAAA", "2026-02-25T23:30:00.000Z", { screening: named('=HYPERLINK("http://evil.example","点我")'), items: [needsInfo6], totalMaxSupportFen: 0 });
const beta = engineRecord("cli", "2026-02-27T05:00:00.000Z", named("Beta Data Ltd"));
const old = screeningRecord("tg:3", "2025-12-01T05:00:00.000Z", { screening: named("旧公司") });

const auditLines = (web: StaffWeb) => readFileSync(auditFile(web.dir), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

function parseCsv(text: string): string[][] {
  const reader = new CsvRecords(100_000);
  return [...reader.push(text.replace(/^\uFEFF/, "")), ...reader.end()].filter((r) => r.length > 1);
}

describe("staff case search, case view and exports over HTTP", () => {
  let web: StaffWeb;
  let client: StaffClient;
  beforeEach(async () => {
    web = await startStaffWeb();
    await web.addAccount("li");
    for (const record of [jia, formula, beta, old]) await web.store.addScreening(record);
    client = new StaffClient(web.base);
    await client.signIn("li");
  });
  afterEach(async () => {
    await web.stop();
  });

  const ids = (page: CasePage) => page.cases.map((c) => c.caseId);

  it("lists the last 30 days newest first, with name, channel, total and each Article's status", async () => {
    const page = await client.json<CasePage>("/staff/api/cases");
    expect(page).toMatchObject({ total: 3, page: 1, pageSize: 50 });
    expect(ids(page)).toEqual([beta.caseId, formula.caseId, jia.caseId]);
    expect(page.cases[2]).toEqual({ caseId: jia.caseId, name: "甲科技有限公司", createdAt: jia.createdAt, channel: "tg", totalFen: 9_000_000, items: [{ id: "4", status: "not_eligible" }, { id: "6", status: "eligible" }] });
  });

  it("filters by company name (any case), case id (whatever the period), Beijing dates, Article and status", async () => {
    expect(ids(await client.json<CasePage>(`/staff/api/cases?q=${encodeURIComponent("甲科技")}`))).toEqual([jia.caseId]);
    expect(ids(await client.json<CasePage>("/staff/api/cases?q=beta%20DATA"))).toEqual([beta.caseId]);
    expect(ids(await client.json<CasePage>(`/staff/api/cases?q=${old.caseId.toLowerCase()}`))).toEqual([old.caseId]);
    // 23:30 UTC on 25 February is 26 February in Beijing.
    expect(ids(await client.json<CasePage>("/staff/api/cases?from=2026-02-26&to=2026-02-26"))).toEqual([formula.caseId]);
    expect(ids(await client.json<CasePage>("/staff/api/cases?from=2026-02-25&to=2026-02-25"))).toEqual([]);
    // beta, screened by the engine on few answers, needs information for Article 6 (and Article 4).
    expect(ids(await client.json<CasePage>("/staff/api/cases?item=6&status=needs_info"))).toEqual([beta.caseId, formula.caseId]);
    expect(ids(await client.json<CasePage>("/staff/api/cases?item=6&status=eligible"))).toEqual([jia.caseId]);
    // An Article alone: where it is eligible or needs information (jia is not eligible for Article 4; formula was not screened for it).
    expect(ids(await client.json<CasePage>("/staff/api/cases?item=4"))).toEqual([beta.caseId]);
    expect(ids(await client.json<CasePage>("/staff/api/cases?status=eligible"))).toEqual([jia.caseId]);
    expect((await client.json<CasePage>("/staff/api/cases?from=2025-11-01&to=2026-03-01")).total).toBe(4);
    const bad = await client.fetch("/staff/api/cases?status=maybe&item=99");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(["item", "status"]);
  });

  it("pages through many cases", async () => {
    for (let i = 0; i < 55; i++) await web.store.addScreening(screeningRecord(`tg:${100 + i}`, `2026-02-28T0${i % 10}:00:00.000Z`, { screening: named(`批量 ${i}`) }));
    const first = await client.json<CasePage>("/staff/api/cases?q=%E6%89%B9%E9%87%8F");
    const second = await client.json<CasePage>("/staff/api/cases?q=%E6%89%B9%E9%87%8F&page=2");
    expect([first.total, first.cases.length, second.cases.length]).toEqual([55, 50, 5]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(55);
  });

  it("shows one case with its answers, result text and rules version, says whether today's rules differ, and audits the view", async () => {
    const stored = await client.json<CaseDetail>(`/staff/api/cases/${beta.caseId}`);
    expect(stored.record).toEqual(beta);
    expect(stored.rulesVersion).toBe(interview.rules.rulesVersion);
    expect(stored.currentRulesDiffer).toBe(false);
    expect(stored.resultText).toContain("第六条");
    const older = await client.json<CaseDetail>(`/staff/api/cases/${jia.caseId}`);
    expect(older.rulesVersion).toBe("2025-04-29");
    expect(older.currentRulesDiffer).toBe(true);
    expect(auditLines(web).filter((e) => e.action === "view_case")).toEqual([
      expect.objectContaining({ name: "li", caseId: beta.caseId }),
      expect.objectContaining({ name: "li", caseId: jia.caseId }),
    ]);
    expect((await client.fetch("/staff/api/cases/TZ-20260101-AAAAAAAA")).status).toBe(404);
    expect((await client.fetch("/staff/api/cases/not-a-case")).status).toBe(400);
  });

  it("gives the case's HTML report as a download", async () => {
    const response = await client.fetch(`/staff/api/cases/${beta.caseId}/report`, { headers: { "accept-language": "en" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${beta.caseId}.html"`);
    const html = await response.text();
    expect(html).toContain(beta.caseId);
    expect(html).toContain('<html lang="en">');
  });

  it("exports the filtered list as CSV with the CLI's columns and the channel, a formula-looking name defused, and audits it", async () => {
    const response = await client.fetch("/staff/api/export.csv?from=2026-02-01&to=2026-02-28");
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parseCsv(await response.text());
    expect(rows[0]).toEqual([...CSV_HEADER, "channel"]);
    const byCase = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect([...byCase.keys()]).toEqual([jia.caseId, formula.caseId, beta.caseId]);
    const f = byCase.get(formula.caseId)!;
    expect(f[1]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(f[CSV_HEADER.indexOf("6")]).toBe("needs_info");
    expect(f.at(-1)).toBe("web");
    expect(byCase.get(jia.caseId)![CSV_HEADER.indexOf("total")]).toBe("90000");
    const event = auditLines(web).find((e) => e.action === "export");
    expect(event).toMatchObject({ name: "li", format: "csv", rows: 3, filter: { from: "2026-02-01", to: "2026-02-28", q: null, item: null, status: null } });
  });

  it("exports the same rows as XLSX, amounts as numbers and the formula defused", async () => {
    const csv = parseCsv(await (await client.fetch("/staff/api/export.csv?q=HYPERLINK&item=6")).text());
    const response = await client.fetch("/staff/api/export.xlsx?q=HYPERLINK&item=6");
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet("cases")!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows.length).toBe(2);
    expect(rows[0]).toEqual(csv[0]);
    const [cells] = rows.slice(1);
    expect(cells![1]).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(cells![CSV_HEADER.indexOf("total")]).toBe(0);
    expect(Array.from({ length: csv[1]!.length }, (_, i) => (cells![i] === undefined ? "" : String(cells![i])))).toEqual(csv[1]);
    expect(auditLines(web).filter((e) => e.action === "export").map((e) => [e.format, e.rows])).toEqual([["csv", 1], ["xlsx", 1]]);
  });
});
