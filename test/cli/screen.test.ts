import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PassThrough } from "node:stream";
import { CSV_HEADER } from "../../src/cli/csvRow.js";
import { runScreen } from "../../src/cli/screen.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { parseCsv } from "../support/parseCsv.js";
import { ROOT, runCli } from "../support/runCli.js";
import { modelCapOn } from "../support/storedScreenings.js";

const example = join(ROOT, "examples", "spec-example.json");
const exampleText = readFileSync(example, "utf8");
const tmp = mkdtempSync(join(tmpdir(), "screen-cli-"));

describe("screening CLI", () => {
  it("prints exactly the result JSON of the spec's example with --json, and nothing else", async () => {
    const run = await runCli("screen", ["--json", example]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout);
    expect(Object.keys(result)).toEqual(["version", "rulesVersion", "asOf", "inForce", "items", "totalMaxSupport", "notes"]);
    expect(result.items.map((item: { id: string }) => item.id)).toEqual(["4", "5", "6", "7", "8.1", "8.2", "9", "10.1", "10.2", "11", "12", "13", "14"]);
    const six = result.items.find((item: { id: string }) => item.id === "6");
    expect(six).toMatchObject({ status: "eligible", maxSupport: 240000, missing: [] });
    // The cap in force on the example's date, the Rules' own or an annual guideline's, read from the rules.
    const cap = modelCapOn(loadRules(), result.asOf).toLocaleString("en", { minimumFractionDigits: 2 });
    expect(six.trace.slice(0, 2)).toEqual(["30% × 800,000.00 = 240,000.00", `cap ${cap} → 240,000.00`]);
    expect(result.asOf).toBe("2026-03-01");
  });

  it("reads the screening from stdin when FILE is -", async () => {
    const run = await runCli("screen", ["--json", "-"], exampleText);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).asOf).toBe("2026-03-01");
  });

  it("prints a readable summary in Chinese with --lang zh", async () => {
    const run = await runCli("screen", ["--lang", "zh", example]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("预筛查结果");
    expect(run.stdout).toContain("第六条");
    expect(run.stdout).toContain("24万元");
  });

  it("exits 2 and names every problem with its path on stderr", async () => {
    const run = await runCli("screen", ["-"], JSON.stringify({ vouchers: { modelServices: -1 }, standards: { national: 1.5 } }));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("vouchers.modelServices: must be >= 0");
    expect(run.stderr).toContain("standards.national: must be a whole number");
  });

  it("exits 2 on a file that is not JSON, and on a missing file", async () => {
    expect((await runCli("screen", ["-"], "{ oops")).stderr).toContain("not valid JSON");
    const missing = await runCli("screen", [join(tmp, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("cannot read");
  });

  it("exits 2 with the usage on a bad option", async () => {
    const run = await runCli("screen", ["--lang", "fr", example]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("usage:");
  });

  it("streams a batch as JSON lines in input order, reporting bad lines by number without stopping", async () => {
    const file = join(tmp, "batch.jsonl");
    const lines = [exampleText.replace(/\n/g, ""), '{"events": {"expenses": -5}}', "", '{"applicant": {"inJurisdiction": false}}'];
    writeFileSync(file, lines.join("\n"));
    const run = await runCli("screen", ["--batch", file, "--json"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("line 2: events.expenses: must be >= 0\n");
    const out = run.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(out).toHaveLength(3);
    expect(out[0].asOf).toBe("2026-03-01");
    expect(out[1]).toEqual({ line: 2, error: ["events.expenses: must be >= 0"] });
    expect(out[2].totalMaxSupport).toBe(0);
  });

  it("writes a CSV summary with one column per item and the total", async () => {
    const file = join(tmp, "batch-csv.jsonl");
    writeFileSync(file, `${exampleText.replace(/\n/g, "")}\n{"applicant": {"name": "=cmd|' /C calc'!A0, Ltd"}}\n`);
    const run = await runCli("screen", ["--batch", file, "--csv"]);
    expect(run.code).toBe(0);
    const [header, first, second] = parseCsv(run.stdout);
    expect(header).toEqual(CSV_HEADER);
    expect(first![CSV_HEADER.indexOf("name")]).toBe("Example Tech Co., Ltd.");
    expect(first![CSV_HEADER.indexOf("6")]).toBe("240000");
    expect(first![CSV_HEADER.indexOf("total")]).toBe("16240000");
    expect(first![CSV_HEADER.indexOf("14")]).toBe("0"); // eligible, but Article 16 counts item 12 for that project
    const cells = CSV_HEADER.slice(CSV_HEADER.indexOf("4"), CSV_HEADER.indexOf("total")).map((id) => Number(first![CSV_HEADER.indexOf(id)] || 0));
    expect(cells.reduce((a, b) => a + b, 0)).toBe(16240000);
    expect(second![CSV_HEADER.indexOf("name")]).toBe("'=cmd|' /C calc'!A0, Ltd");
    expect(second![CSV_HEADER.indexOf("4")]).toBe("needs_info");
  });

  it("gives the same lines in the same order with one thread and with worker threads, across many chunks", async () => {
    const file = join(tmp, "many.jsonl");
    const lines = Array.from({ length: 1_234 }, (_, i) =>
      i % 97 === 5 ? '{"events": {"expenses": "lots"}}' : JSON.stringify({ applicant: { name: `A${i}`, inJurisdiction: true, sectors: ["ai"], kind: "enterprise" }, scenarios: { projects: i % 6 } }),
    );
    writeFileSync(file, lines.join("\n"));
    const serial = await runCli("screen", ["--batch", file, "--csv", "--jobs", "1"]);
    const parallel = await runCli("screen", ["--batch", file, "--csv", "--jobs", "2"]);
    expect(parallel.stdout).toBe(serial.stdout);
    expect(parallel.stderr).toBe(serial.stderr);
    expect(parallel.code).toBe(2);
    const rows = parseCsv(parallel.stdout);
    expect(rows).toHaveLength(1_235);
    expect(rows.slice(1).map((row) => Number(row[0]))).toEqual(lines.map((_, i) => i + 1));
    expect(rows[3]![CSV_HEADER.indexOf("12")]).toBe("1000000"); // line 3: two scenario projects
    expect(rows[6]![CSV_HEADER.indexOf("error")]).toBe("events.expenses: must be an amount in yuan (a number)");
  });

  it("prints a page per applicant, in process: header, table, total with what Article 16 left out, calculations, documents, disclaimer", async () => {
    const out = await screenInProcess(["--lang", "en", example]);
    expect(out.code).toBe(0);
    const lines = out.stdout.split("\n");
    expect(lines[0]).toBe("Pre-screening result: Example Tech Co., Ltd.");
    expect(lines[1]).toMatch(/^Screening date: 2026-03-01 · rules version tongzhou-de-/);
    expect(out.stdout).toMatch(/Item +Result +Up to +Counted/);
    expect(out.stdout).toMatch(/Article 14 Industrial events +eligible +RMB 200,000 +RMB 0/);
    expect(out.stdout).toContain("Total after Article 16: up to RMB 16,240,000");
    expect(out.stdout).toContain("• Article 14 Industrial events: RMB 200,000 of RMB 200,000 left out. Claimed for the same");
    expect(out.stdout).toContain("    2 × RMB 500,000 per scenario project = RMB 1,000,000");
    expect(out.stdout).toContain("• For every item: Business licence showing registration in Tongzhou District;");
    expect(out.stdout).toContain("* This is a pre-screening, not a decision.");
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(92);
  });

  it("prints the page entirely in Chinese with --lang zh, but for the applicant's own names and the rules version", async () => {
    const out = await screenInProcess(["--lang", "zh", example]);
    expect(out.code).toBe(0);
    const own = out.stdout.replace(/tongzhou-de-[\w.+]+/, "").replace(/Example Tech Co\., Ltd\.|East|compute|dispatch/g, "");
    expect(own.match(/[A-Za-z]{2,}/g)).toBeNull();
    expect(out.stdout).toContain("预筛查结果：Example Tech Co., Ltd.");
    expect(out.stdout).toContain("按第十六条（择优不重复）不计入合计的部分：");
    expect(out.stdout).toContain("2 × 每个应用场景项目50万元 = 100万元");
    expect(out.stdout).toContain("需准备的材料");
  });

  it("names an undecided item's questions on the printed page, never a screening path", async () => {
    const out = await screenInProcess(["-"], JSON.stringify({ applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"] }, events: { expenses: 400000 } }));
    expect(out.stdout).toContain("Still open, and what would settle it:");
    expect(out.stdout).toMatch(/Article 14 Industrial events: could reach RMB 200,000\. To settle it: \S/);
    expect(out.stdout).not.toContain("events.significantResults");
  });
});

async function screenInProcess(argv: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  const input = new PassThrough();
  input.end(stdin);
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] };
  stdout.on("data", (chunk: Buffer) => chunks.out.push(chunk));
  stderr.on("data", (chunk: Buffer) => chunks.err.push(chunk));
  const code = await runScreen(argv, { stdin: input, stdout, stderr, today: "2026-03-01" });
  return { code, stdout: Buffer.concat(chunks.out).toString("utf8"), stderr: Buffer.concat(chunks.err).toString("utf8") };
}
