import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadRules } from "../../src/rules/loadRules.js";
import { COLUMNS, columnLetter } from "../../src/spreadsheet/columns.js";
import { rowErrorText } from "../../src/spreadsheet/rowErrors.js";
import { screenUpload, type UploadOutcome } from "../../src/spreadsheet/screenUpload.js";
import type { SheetFormat } from "../../src/spreadsheet/sheetRows.js";
import { csvTemplate } from "../../src/spreadsheet/template.js";
import { parseCsv } from "../support/parseCsv.js";
import { fillTemplate, lightTemplate } from "./fill.js";

const rules = loadRules();
const TODAY = "2026-03-01";
const letter = (path: string) => columnLetter(COLUMNS.findIndex((c) => c.path === path) + 1);
const base = { "applicant.name": "甲公司", "applicant.kind": "企业", "applicant.inJurisdiction": "是", "applicant.sectors": "人工智能" };

/** Uploads a file into a fresh folder; returns the outcome and what the folder holds afterwards. */
async function upload(file: string, format: SheetFormat, limits = {}, outputFormat: SheetFormat = "xlsx") {
  const outDir = mkdtempSync(join(tmpdir(), "sheet-out-"));
  const output = join(outDir, `results.${outputFormat}`);
  const outcome = await screenUpload({ file, format, output: { file: output, format: outputFormat }, rules, today: TODAY, limits });
  return { outcome, output, left: readdirSync(outDir) };
}

async function xlsxWith(rows: Record<string, unknown>[]): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), "sheet-in-")), "upload.xlsx");
  await fillTemplate(await lightTemplate(), rows.map((r) => new Map(Object.entries(r))), file);
  return file;
}

function fileWith(name: string, content: string | Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "sheet-in-")), name);
  writeFileSync(file, content);
  return file;
}

function messages(outcome: UploadOutcome): string[] {
  if (!outcome.ok) return [outcome.error.message, ...outcome.error.errors.map(rowErrorText)];
  return outcome.summary.errors.map(rowErrorText);
}

describe("bad uploads", () => {
  it("cells of the wrong type give an error naming the row, the column and the path; the other rows are screened", async () => {
    const file = await xlsxWith([
      base,
      { ...base, "vouchers.modelServices": "lots", "applicant.sme": "maybe", "standards.national": 1.5 },
      { ...base, "applicant.kind": "company", asOf: "2026-02-30", overlaps: "[12, 14" },
      { ...base, "itai.contractAmount": 100, "itai.hardwareAmount": 200, "vouchers.computingServices": "3.001" },
    ]);
    const { outcome } = await upload(file, "xlsx");
    expect(outcome).toMatchObject({ ok: true, summary: { rows: 4, screened: 1, rowsWithErrors: 3 } });
    expect(messages(outcome)).toEqual([
      `row 5, column ${letter("applicant.sme")} (applicant.sme): must be 是 or 否 (yes/no, true/false, 1/0), not "maybe"`,
      `row 5, column ${letter("vouchers.modelServices")} (vouchers.modelServices): must be an amount in yuan, e.g. 123456 or 12.5万, not "lots"`,
      `row 5, column ${letter("standards.national")} (standards.national): must be a whole number`,
      `row 6, column ${letter("asOf")} (asOf): must be a real date written YYYY-MM-DD`,
      `row 6, column ${letter("applicant.kind")} (applicant.kind): must be one of: enterprise (企业), innovation_consortium (创新联合体), social_organization (社会组织), industrial_service_institution (产业服务机构); not "company"`,
      `row 6, column ${letter("overlaps")} (overlaps): must be the JSON of the overlaps array, e.g. [["12","14"]]`,
      `row 7, column ${letter("vouchers.computingServices")} (vouchers.computingServices): must have at most two decimals (whole fen)`,
      `row 7, column ${letter("itai.hardwareAmount")} (itai.hardwareAmount): must be <= itai.contractAmount (hardware is part of the contract)`,
    ]);
  });

  it("a path row with an unknown field, or no path row at all, refuses the file and writes nothing", async () => {
    const renamed = csvTemplate().replace("vouchers.modelServices", "vouchers.modelService");
    const wrong = await upload(fileWith("wrong.csv", `${renamed}甲公司\r\n`), "csv");
    expect(wrong.outcome.ok).toBe(false);
    expect(messages(wrong.outcome)).toEqual(["row 1 does not hold the template's field paths", `row 1, column ${letter("vouchers.modelServices")}: "vouchers.modelService" is not a field path of the template (e.g. applicant.name, vouchers.modelServices)`]);
    expect(wrong.left).toEqual([]);
    const noPaths = await upload(fileWith("data.csv", "\uFEFF甲公司,2026-03-01,enterprise\r\n乙公司,2026-03-01,enterprise\r\n"), "csv");
    expect(noPaths.outcome).toMatchObject({ ok: false, error: { problem: "bad_header" } });
    expect(noPaths.left).toEqual([]);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("list").addRow(["甲公司", "2026-03-01"]);
    const bare = join(mkdtempSync(join(tmpdir(), "sheet-in-")), "bare.xlsx");
    await workbook.xlsx.writeFile(bare);
    expect((await upload(bare, "xlsx")).outcome).toMatchObject({ ok: false, error: { problem: "bad_header" } });
  });

  it("10 MB of junk bytes are refused as XLSX and as CSV, and nothing is written", async () => {
    const junk = randomBytes(10 * 1024 * 1024);
    const asXlsx = await upload(fileWith("junk.xlsx", junk), "xlsx");
    expect(asXlsx.outcome).toMatchObject({ ok: false, error: { problem: "unreadable" } });
    expect(messages(asXlsx.outcome)[0]).toContain("not an XLSX file");
    const zipLike = Buffer.concat([Buffer.from("PK\x03\x04"), junk.subarray(4)]);
    expect((await upload(fileWith("junk2.xlsx", zipLike), "xlsx")).outcome).toMatchObject({ ok: false });
    const asCsv = await upload(fileWith("junk.csv", junk), "csv");
    expect(asCsv.outcome).toMatchObject({ ok: false });
    expect(messages(asCsv.outcome)[0]).toMatch(/not UTF-8 text|field paths/);
    expect([...asXlsx.left, ...asCsv.left]).toEqual([]);
  });

  it("formula-looking cells are read as data and defused in the results", async () => {
    const names = ['=HYPERLINK("http://example.invalid","click")', "+1", "@SUM(A1)", "-cmd", "-5"];
    const rows: Record<string, unknown>[] = names.map((name) => ({ ...base, "applicant.name": name }));
    rows.push({ ...base, "applicant.name": { formula: 'HYPERLINK("http://example.invalid","x")', result: "x" } });
    rows.push({ ...base, "vouchers.modelServices": "=1+2" });
    const file = await xlsxWith(rows);
    const { outcome, output } = await upload(file, "xlsx");
    expect(outcome).toMatchObject({ ok: true, summary: { screened: 6, rowsWithErrors: 1 } });
    expect(messages(outcome)).toEqual([`row 10, column ${letter("vouchers.modelServices")} (vouchers.modelServices): must be an amount in yuan, e.g. 123456 or 12.5万, not "=1+2"`]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const sheet = workbook.worksheets[0]!;
    const written = [3, 4, 5, 6, 7, 8].map((r) => sheet.getRow(r).getCell(2).value);
    expect(written).toEqual([`'${names[0]}`, "'+1", "'@SUM(A1)", "'-cmd", "-5", `'=HYPERLINK("http://example.invalid","x")`]);
    expect(workbook.worksheets[1]!.getRow(3).getCell(4).value).toBe(`row 10, column ${letter("vouchers.modelServices")} (vouchers.modelServices): must be an amount in yuan, e.g. 123456 or 12.5万, not "=1+2"`);
    const csv = await upload(file, "xlsx", {}, "csv");
    const csvRows = parseCsv(readFileSync(csv.output, "utf8").replace("\uFEFF", ""));
    expect(csvRows.slice(2, 4).map((r) => r[1])).toEqual([`'${names[0]}`, "'+1"]);
  });

  it("more rows than the limit, or a file over the size limit, is refused before anything is screened", async () => {
    const file = await xlsxWith([base, base, base, base]);
    const rows = await upload(file, "xlsx", { maxRows: 3 });
    expect(rows.outcome).toMatchObject({ ok: false, error: { problem: "too_many_rows" } });
    expect(messages(rows.outcome)[0]).toBe("row 7: more than 3 rows of data; split the file into several of at most 3 rows");
    expect(rows.left).toEqual([]);
    const size = await upload(file, "xlsx", { maxBytes: 1000 });
    expect(size.outcome).toMatchObject({ ok: false, error: { problem: "too_large" } });
    expect(size.left).toEqual([]);
    expect((await upload(file, "xlsx", { maxRows: 4 })).outcome.ok).toBe(true);
  });

  it("a quote left open in a CSV is refused with its row, not read to the end of memory", async () => {
    const file = fileWith("open.csv", `${csvTemplate()}"甲公司${"x".repeat(40_000)}\r\n`);
    const { outcome, left } = await upload(file, "csv");
    expect(outcome).toMatchObject({ ok: false, error: { problem: "unreadable" } });
    expect(messages(outcome)[0]).toContain("row 3: a cell longer than 32767 characters");
    expect(left).toEqual([]);
  });

  it("list slots must be filled in order, and 无 cannot stand beside a filled slot", async () => {
    const file = await xlsxWith([
      { ...base, "recognitions.1.level": "miit_key_laboratory" },
      { ...base, "infrastructure.0.kind": "无", "infrastructure.1.eligibleInvestment": 1000 },
    ]);
    const { outcome } = await upload(file, "xlsx");
    expect(messages(outcome)).toEqual([
      `row 4, column ${letter("recognitions.1.level")} (recognitions.1): recognitions.1 is filled but recognitions.0 is empty: fill the slots in order`,
      `row 5, column ${letter("infrastructure.0.kind")} (infrastructure.0.kind): says none (无), but column ${letter("infrastructure.1.eligibleInvestment")} (infrastructure.1.eligibleInvestment) is filled`,
    ]);
  });
});
