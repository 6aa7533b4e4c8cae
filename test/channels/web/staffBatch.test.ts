import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { runScreen } from "../../../src/cli/screen.js";
import type { Screening } from "../../../src/engine/screening.js";
import { resultRow } from "../../../src/spreadsheet/resultRow.js";
import { csvTemplate } from "../../../src/spreadsheet/template.js";
import { auditFile } from "../../../src/staff/index.js";
import type { ResultFile } from "../../../src/result/resultFile.js";
import { cellsOf, fillTemplate } from "../../spreadsheet/fill.js";
import { ROOT } from "../../support/runCli.js";
import { removeStaffDirs, StaffClient, startStaffWeb, type StaffWeb } from "./staffHarness.js";

afterAll(() => removeStaffDirs());

const TODAY = "2026-03-01";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const tmp = mkdtempSync(join(tmpdir(), "staff-batch-test-"));
const example = JSON.parse(readFileSync(join(ROOT, "examples", "spec-example.json"), "utf8")) as Screening;
const applicants: Screening[] = [
  example,
  { applicant: { name: "=cmd|' /C calc'!A0", kind: "enterprise", inJurisdiction: true, sme: true, sectors: ["ai"] }, vouchers: { modelServices: 800000, computingServices: 3000000 } },
  { asOf: "2026-02-01", applicant: { name: "乙公司", kind: "enterprise", inJurisdiction: false } },
];

/** What `screen --batch --json` prints for these screenings. */
async function batchResults(list: Screening[]): Promise<ResultFile[]> {
  const file = join(tmp, `batch-${randomBytes(4).toString("hex")}.jsonl`);
  writeFileSync(file, list.map((s) => JSON.stringify(s)).join("\n"));
  const stdout = new PassThrough();
  let out = "";
  stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  expect(await runScreen(["--batch", file, "--json", "--jobs", "1"], { stdin: new PassThrough(), stdout, stderr: new PassThrough(), today: TODAY })).toBe(0);
  return out.trimEnd().split("\n").map((line) => JSON.parse(line) as ResultFile);
}

interface JobView {
  state: string;
  done: number;
  total: number;
  errors: { row?: number; column?: string; path: string; message: string }[];
}

/** Polls the job until it has finished (each poll is a real request; nothing is timed). */
async function finished(client: StaffClient, jobId: string): Promise<JobView> {
  for (let i = 0; i < 500; i++) {
    const view = await client.json<JobView>(`/staff/api/batch/${jobId}`);
    if (view.state === "done" || view.state === "failed") return view;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the job did not finish");
}

async function sheetRows(body: ArrayBuffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

const screeningFiles = (web: StaffWeb) => readdirSync(join(web.dir, "screenings"), { recursive: true }).length;

describe("batch screening over HTTP", () => {
  let web: StaffWeb;
  let client: StaffClient;
  beforeEach(async () => {
    web = await startStaffWeb();
    await web.addAccount("li");
    await web.addAccount("wang");
    client = new StaffClient(web.base);
    await client.signIn("li");
  });
  afterEach(async () => {
    await web.stop();
  });

  it("template downloaded → filled → uploaded gives the results of screen --batch on the same rows, and audits the upload", async () => {
    const template = await client.fetch("/staff/api/template.xlsx");
    expect(template.headers.get("content-type")).toBe(XLSX);
    const filled = join(tmp, "filled.xlsx");
    await fillTemplate(Buffer.from(await template.arrayBuffer()), applicants.map((s) => cellsOf(s, "labels")), filled);
    const before = screeningFiles(web);

    const started = await client.fetch("/staff/api/batch", { method: "POST", body: readFileSync(filled), headers: { "content-type": XLSX, "x-file-name": encodeURIComponent("企业名单.xlsx") } });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    expect(await finished(client, jobId)).toEqual({ state: "done", done: 3, total: 3, errors: [], rows: 3, screened: 3, rowsWithErrors: 0 });

    const result = await client.fetch(`/staff/api/batch/${jobId}/result.xlsx`);
    expect(result.status).toBe(200);
    expect(result.headers.get("content-disposition")).toBe(`attachment; filename*=UTF-8''${encodeURIComponent("企业名单-results.xlsx")}`);
    const rows = await sheetRows(await result.arrayBuffer(), "results");
    const expected = (await batchResults(applicants)).map((r, i) => resultRow(4 + i, applicants[i]!.applicant?.name, r));
    // Excel keeps no empty cells at the end of a row.
    const asText = (cells: unknown[]) => Array.from(cells, (c) => (c === undefined || c === null ? "" : String(c))).join("\t").replace(/\t+$/, "");
    expect(rows.slice(2).map(asText)).toEqual(expected.map((cells) => asText(cells.map((c) => (typeof c === "string" && c.startsWith("=") ? `'${c}` : c)))));
    expect(rows[3]![1]).toBe("'=cmd|' /C calc'!A0");

    const csv = await client.fetch(`/staff/api/batch/${jobId}/result.csv`);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect((await csv.text()).split("\r\n").filter((l) => l !== "")).toHaveLength(2 + applicants.length);

    expect(screeningFiles(web)).toBe(before);
    const audit = readFileSync(auditFile(web.dir), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(audit.find((e) => e.action === "batch_upload")).toMatchObject({ name: "li", fileName: "企业名单.xlsx", format: "xlsx", rows: 3, screened: 3, rowsWithErrors: 0 });
  });

  it("takes the CSV template as a multipart form, and keeps the job from other accounts", async () => {
    const template = Buffer.from(await (await client.fetch("/staff/api/template.csv")).arrayBuffer()).toString("utf8");
    expect(template).toBe(csvTemplate());
    const header = template.replace("\uFEFF", "").split("\r\n")[0]!.split(",");
    const row = header.map((path) => ({ "applicant.name": "丙公司", "applicant.kind": "企业", "applicant.inJurisdiction": "是" })[path] ?? "").join(",");
    const form = new FormData();
    form.set("file", new File([`${template}${row}\r\nnot-a-yes-no,,,maybe\r\n`], "list.csv", { type: "text/csv" }));
    const started = await client.fetch("/staff/api/batch", { method: "POST", body: form });
    expect(started.status).toBe(202);
    const { jobId } = (await started.json()) as { jobId: string };
    const view = await finished(client, jobId);
    expect(view).toMatchObject({ state: "done", rows: 2, screened: 1, rowsWithErrors: 1 });
    expect(view.errors[0]).toMatchObject({ row: 4, column: "D" });

    const other = new StaffClient(web.base);
    await other.signIn("wang");
    expect((await other.fetch(`/staff/api/batch/${jobId}`)).status).toBe(404);
    expect((await other.fetch(`/staff/api/batch/${jobId}/result.xlsx`)).status).toBe(404);
  });

  it("refuses an upload with wrong columns: row 1 errors naming the columns, no results, nothing stored", async () => {
    const before = screeningFiles(web);
    const started = await client.fetch("/staff/api/batch", { method: "POST", body: "\uFEFFcompany,revenue\r\nAcme,100\r\n", headers: { "content-type": "text/csv" } });
    const { jobId } = (await started.json()) as { jobId: string };
    const view = await finished(client, jobId);
    expect(view.state).toBe("failed");
    expect(view.errors).toEqual([
      { path: "(file)", message: "row 1 does not hold the template's field paths" },
      expect.objectContaining({ row: 1, column: "A" }),
      expect.objectContaining({ row: 1, column: "B" }),
    ]);
    expect((await client.fetch(`/staff/api/batch/${jobId}/result.xlsx`)).status).toBe(409);
    expect(screeningFiles(web)).toBe(before);
  });

  it("refuses 10 MB of junk with a message saying what is wrong, and nothing stored", async () => {
    const before = screeningFiles(web);
    const junk = randomBytes(10 * 1024 * 1024);
    const started = await client.fetch("/staff/api/batch", { method: "POST", body: junk, headers: { "content-type": "application/octet-stream" } });
    expect(started.status).toBe(202);
    const view = await finished(client, ((await started.json()) as { jobId: string }).jobId);
    expect(view.state).toBe("failed");
    expect(view.errors[0]!.message).toMatch(/UTF-8|row 1/);
    const asXlsx = await client.fetch("/staff/api/batch", { method: "POST", body: junk.subarray(0, 1024 * 1024), headers: { "content-type": XLSX } });
    const xlsxView = await finished(client, ((await asXlsx.json()) as { jobId: string }).jobId);
    expect(xlsxView.errors[0]!.message).toMatch(/not an XLSX file/);
    expect(screeningFiles(web)).toBe(before);
  });

  it("refuses a file over STAFF_UPLOAD_MAX_BYTES with 413 before screening anything", async () => {
    const small = await startStaffWeb({ STAFF_UPLOAD_MAX_BYTES: "1024" });
    try {
      await small.addAccount("li");
      const c = new StaffClient(small.base);
      await c.signIn("li");
      const response = await c.fetch("/staff/api/batch", { method: "POST", body: "x".repeat(2048), headers: { "content-type": "text/csv" } });
      expect(response.status).toBe(413);
    } finally {
      await small.stop();
    }
  });
});
