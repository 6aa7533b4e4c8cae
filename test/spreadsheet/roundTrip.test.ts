import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runScreen } from "../../src/cli/screen.js";
import type { Screening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { COLUMNS } from "../../src/spreadsheet/columns.js";
import { csvQuote } from "../../src/spreadsheet/csvText.js";
import { resultRow, RESULT_PATHS } from "../../src/spreadsheet/resultRow.js";
import { screenRows, screenUpload, type Progress, type ScreenedRow } from "../../src/spreadsheet/screenUpload.js";
import { csvTemplate, xlsxTemplate } from "../../src/spreadsheet/template.js";
import { partialOfComplete } from "../support/screeningArbitrary.js";
import { ROOT } from "../support/runCli.js";
import { cellsOf, fillTemplate } from "./fill.js";

const TODAY = "2026-03-01";
const rules = loadRules();
const tmp = mkdtempSync(join(tmpdir(), "sheet-round-trip-"));
const example = JSON.parse(readFileSync(join(ROOT, "examples", "spec-example.json"), "utf8")) as Screening;

/** The spec's example, generated applicants with unknown facts, and a row that says "none" everywhere it can. */
function screenings(): Screening[] {
  const generated = fc.sample(partialOfComplete, { numRuns: 60, seed: 15 }).map(({ partial }) => partial);
  const nones: Screening = { asOf: "2026-05-01", applicant: { name: "无基础设施公司", kind: "enterprise", inJurisdiction: true, sectors: ["ai"] }, recognitions: [], infrastructure: [], futureIndustries: { innovationBase: null } };
  return [example, nones, ...generated.map((s, i) => ({ ...s, applicant: { ...s.applicant, name: `企业 ${i}` } }))];
}

/** What `screen --batch --json` prints for these screenings as JSON Lines. */
async function batchResults(list: Screening[]): Promise<unknown[]> {
  const file = join(tmp, `batch-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, list.map((s) => JSON.stringify(s)).join("\n"));
  const stdout = new PassThrough();
  let out = "";
  stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  const code = await runScreen(["--batch", file, "--json", "--jobs", "1"], { stdin: new PassThrough(), stdout, stderr: new PassThrough(), today: TODAY });
  expect(code).toBe(0);
  return out.trimEnd().split("\n").map((line) => JSON.parse(line));
}

async function collect(rows: AsyncIterable<ScreenedRow>): Promise<ScreenedRow[]> {
  const all: ScreenedRow[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

describe("the spreadsheet round trip", () => {
  it("template → rows filled with exceljs → upload gives the results of screen --batch on the same rows", async () => {
    const list = screenings();
    const file = join(tmp, "filled.xlsx");
    await fillTemplate(await xlsxTemplate(), list.map((s, i) => cellsOf(s, i % 2 === 0 ? "labels" : "codes")), file);
    const rows = await collect(screenRows(file, "xlsx", { rules, today: TODAY }));
    expect(rows.filter((r) => "errors" in r)).toEqual([]);
    expect(rows.map((r) => r.row)).toEqual(list.map((_, i) => 4 + i));
    expect(rows.map((r) => ("result" in r ? r.result : null))).toEqual(await batchResults(list));
  });

  it("the CSV template filled as text gives the same results", async () => {
    const list = screenings().slice(0, 25);
    const paths = csvTemplate().split("\r\n")[0]!.replace("\uFEFF", "").split(",");
    const lines = list.map((s, i) => {
      const cells = cellsOf(s, i % 2 === 0 ? "labels" : "codes");
      return paths.map((path) => {
        const value = cells.get(path);
        return csvQuote(value instanceof Date ? value.toISOString().slice(0, 10) : value === undefined ? "" : String(value));
      }).join(",");
    });
    const file = join(tmp, "filled.csv");
    writeFileSync(file, `${csvTemplate()}${lines.join("\r\n")}\r\n`);
    const rows = await collect(screenRows(file, "csv", { rules, today: TODAY }));
    expect(rows.map((r) => r.row)).toEqual(list.map((_, i) => 3 + i));
    expect(rows.map((r) => ("result" in r ? r.result : r.errors))).toEqual(await batchResults(list));
  });

  it("writes the results workbook: one row per applicant in upload order, and the errors sheet", async () => {
    const list = screenings().slice(0, 12);
    const cells = list.map((s) => cellsOf(s, "labels"));
    cells[3]!.set("vouchers.modelServices", -5);
    const input = join(tmp, "upload.xlsx");
    await fillTemplate(await xlsxTemplate(), cells, input);
    const output = join(tmp, "results.xlsx");
    const progress: Progress[] = [];
    const outcome = await screenUpload({ file: input, format: "xlsx", output: { file: output, format: "xlsx" }, rules, today: TODAY, lang: "zh", onProgress: (p) => progress.push(p) });
    expect(outcome).toMatchObject({ ok: true, summary: { rows: 12, screened: 11, rowsWithErrors: 1 } });
    expect(progress.at(-1)).toEqual({ phase: "screening", rowsDone: 12, rowsTotal: 12 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    const [results, errors] = workbook.worksheets;
    expect(results!.name).toBe("results");
    expect((results!.getRow(1).values as unknown[]).slice(1)).toEqual(RESULT_PATHS);
    const expected = (await batchResults(list.filter((_, i) => i !== 3))) as Parameters<typeof resultRow>[2][];
    const kept = list.map((s, i) => ({ s, row: 4 + i })).filter((_, i) => i !== 3);
    kept.forEach(({ s, row }, i) => {
      const cells = RESULT_PATHS.map((_, k) => results!.getRow(3 + i).getCell(k + 1).value ?? "");
      expect(cells).toEqual(resultRow(row, s.applicant?.name, expected[i]!));
    });
    expect(results!.getRow(3).getCell(3).value).toBe(expected[0]!.totalMaxSupport);
    expect(errors!.name).toBe("errors");
    expect((errors!.getRow(3).values as unknown[]).slice(1)).toEqual([7, "N", "vouchers.modelServices", "row 7, column N (vouchers.modelServices): must be >= 0"]);
  });

  it("the template has the path row, both label rows and drop-down lists", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsxTemplate()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.path));
    expect(sheet.getRow(2).getCell(14).value).toBe("第六条：购买模型服务合同金额（元）");
    expect(sheet.getRow(3).getCell(14).value).toBe("Art. 6: model services contract amount (RMB)");
    const kind = COLUMNS.findIndex((c) => c.path === "applicant.kind") + 1;
    expect(sheet.getCell(4, kind).dataValidation).toMatchObject({ type: "list", formulae: ['"企业,创新联合体,社会组织,产业服务机构"'] });
    const yes = COLUMNS.findIndex((c) => c.path === "applicant.sme") + 1;
    expect(sheet.getCell(9000, yes).dataValidation).toMatchObject({ type: "list", formulae: ['"是,否"'] });
    expect(COLUMNS.filter((c) => c.path.startsWith("recognitions.")).map((c) => c.path)).toHaveLength(6);
    expect(COLUMNS.filter((c) => c.path.startsWith("infrastructure.")).map((c) => c.path)).toHaveLength(15);
  });

  it("the CSV template starts with a BOM and holds the path and Chinese label rows", () => {
    const text = csvTemplate();
    expect(text.startsWith("\uFEFFapplicant.name,asOf,applicant.kind,")).toBe(true);
    expect(text.split("\r\n")).toHaveLength(3);
    expect(text.split("\r\n")[1]).toContain("单位名称");
  });
});
