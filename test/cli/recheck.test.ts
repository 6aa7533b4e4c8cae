import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRecheck } from "../../src/cli/recheck.js";
import { memoryLogger } from "../../src/log.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { openLowdbStore } from "../../src/store/lowdbStore.js";
import { passesCap, rulesWithModelCapChanged, storedScreening } from "../support/storedScreenings.js";

const COUNT = 30;
const rules = loadRules();
const data = mkdtempSync(join(tmpdir(), "recheck-data-"));
const out = mkdtempSync(join(tmpdir(), "recheck-out-"));
const RAISE = 100_000;
const changedRules = rulesWithModelCapChanged(RAISE);

/** Every stored file's text, to show the re-check leaves them as they were. */
function storedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const day of readdirSync(join(data, "screenings"))) {
    for (const name of readdirSync(join(data, "screenings", day))) files.set(`${day}/${name}`, readFileSync(join(data, "screenings", day, name), "utf8"));
  }
  return files;
}

async function run(args: string[]): Promise<{ code: number; stdout: string }> {
  const stdout = new PassThrough();
  let text = "";
  stdout.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
  const code = await runRecheck(args, { stdout, stderr: new PassThrough(), env: {} });
  return { code, stdout: text };
}

beforeAll(async () => {
  const store = await openLowdbStore({ dir: data, logger: memoryLogger() });
  for (let n = 0; n < COUNT; n++) await store.addScreening(storedScreening(n, rules));
  await store.close();
});
afterAll(() => [data, out, changedRules].forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe("npm run recheck", () => {
  it("reports no change under the rules the screenings were made with", async () => {
    const { code, stdout } = await run(["--data", data]);
    expect(code).toBe(0);
    expect(stdout).toBe(`0 of ${COUNT} stored screenings change under rules ${rules.rulesVersion}.\n`);
  });

  it("lists the screenings a raised cap changes as a table and as CSV, leaving the stored files as they were", async () => {
    const before = storedFiles();
    const csv = join(out, "changes.csv");
    const { code, stdout } = await run(["--data", data, "--rules", changedRules, "--csv", csv]);
    expect(code).toBe(0);
    const affected = Array.from({ length: COUNT }, (_, n) => n).filter((n) => passesCap(n, rules)).map((n) => storedScreening(n, rules).caseId);
    expect(stdout).toContain(`${affected.length} of ${COUNT} stored screenings change under rules ${loadRules(changedRules).rulesVersion}.`);
    for (const caseId of affected) expect(stdout).toContain(caseId);
    const rows = readFileSync(csv, "utf8").trimEnd().split("\r\n");
    expect(rows.slice(1).map((row) => row.split(",")[0]).sort()).toEqual(affected.sort());
    expect(storedFiles()).toEqual(before);
  });

  it("keeps the new results beside the originals with --save, each under its rules version", async () => {
    const before = storedFiles();
    await run(["--data", data, "--rules", changedRules, "--save"]);
    const version = loadRules(changedRules).rulesVersion;
    const store = await openLowdbStore({ dir: data, logger: memoryLogger() });
    try {
      const nine = storedScreening(9, rules);
      const [kept] = await store.rechecksOf(nine.caseId);
      expect(kept?.rulesVersion).toBe(version);
      expect(kept?.totalMaxSupportFen).toBe(nine.totalMaxSupportFen + RAISE * 100);
      expect(await store.rechecksOf(storedScreening(0, rules).caseId)).toEqual([]);
      for (const [name, text] of before) expect(storedFiles().get(name)).toBe(text);
    } finally {
      await store.close();
    }
  });

  it("writes only the CSV to stdout with --csv -", async () => {
    const { stdout } = await run(["--data", data, "--rules", changedRules, "--csv", "-"]);
    expect(stdout.split("\r\n")[0]).toMatch(/^caseId,asOf,item,/);
    expect(stdout).not.toContain("stored screenings change");
  });
});
