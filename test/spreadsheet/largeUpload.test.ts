import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { loadRules } from "../../src/rules/loadRules.js";
import { COLUMNS } from "../../src/spreadsheet/columns.js";
import { screenUpload, type Progress } from "../../src/spreadsheet/screenUpload.js";

const ROWS = 2000;

/** A large upload written the way exceljs streams, one row at a time. */
async function largeXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet("screenings");
  sheet.addRow(COLUMNS.map((c) => c.path)).commit();
  sheet.addRow(COLUMNS.map((c) => c.zh)).commit();
  sheet.addRow(COLUMNS.map((c) => c.en)).commit();
  const at = (path: string) => COLUMNS.findIndex((c) => c.path === path);
  for (let i = 0; i < ROWS; i++) {
    const cells: unknown[] = [];
    cells[at("applicant.name")] = `企业 ${i}`;
    cells[at("applicant.kind")] = "企业";
    cells[at("applicant.inJurisdiction")] = "是";
    cells[at("applicant.sectors")] = "人工智能";
    cells[at("applicant.sme")] = i % 2 === 0 ? "是" : "否";
    cells[at("vouchers.modelServices")] = `${i % 100}万`;
    cells[at("vouchers.significantResults")] = "是";
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  await workbook.commit();
}

describe("a large upload", () => {
  it("is streamed with progress: counted first, then screened with the total known", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sheet-large-"));
    const input = join(dir, "large.xlsx");
    await largeXlsx(input);
    const progress: Progress[] = [];
    const outcome = await screenUpload({
      file: input,
      format: "xlsx",
      output: { file: join(dir, "results.xlsx"), format: "xlsx" },
      rules: loadRules(),
      today: "2026-03-01",
      onProgress: (p) => progress.push(p),
    });
    expect(outcome).toMatchObject({ ok: true, summary: { rows: ROWS, screened: ROWS, rowsWithErrors: 0 } });
    const checking = progress.filter((p) => p.phase === "checking");
    const screening = progress.filter((p) => p.phase === "screening");
    expect(checking.length).toBeGreaterThan(1);
    expect(checking.every((p) => p.rowsTotal === null)).toBe(true);
    expect(screening.every((p) => p.rowsTotal === ROWS)).toBe(true);
    const done = screening.map((p) => p.rowsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(ROWS);
    expect(progress.indexOf(screening[0]!)).toBeGreaterThan(progress.indexOf(checking.at(-1)!));
  });
});
