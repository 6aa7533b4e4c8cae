import { createHash } from "node:crypto";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Evaluation } from "../../src/engine/outcome.js";
import type { Lang } from "../../src/i18n/lang.js";
import { parseScreening } from "../../src/engine/screening.js";
import { toResultFile } from "../../src/result/resultFile.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { rulesWithoutGuidelines } from "../support/guidelineRules.js";
import { runCli } from "../support/runCli.js";
import { policyScreenings } from "./policyScreenings.js";

/**
 * `screen --json` writes JSON.stringify(toResultFile(…)): the result file is a format others
 * read, so the readable output may change while these bytes may not. The fixtures were written
 * before the readable calculation lines were reworked; the rules version is masked so that a
 * rules edit alone does not count as a format change. The stored files are the results under the
 * Rules' own figures: an annual guideline's values (and the note naming them) are left out here, and
 * tested with the dated policy cases (test/rules/).
 */
const shipped = loadRules();
const alone = rulesWithoutGuidelines();
afterAll(() => rmSync(alone, { recursive: true, force: true }));
const rules = loadRules(alone);
const fixtures = join(import.meta.dirname, "fixtures");
const resultFileText = (text: string) => text.replaceAll(rules.rulesVersion, "RULES");
const example = join(fixtures, "..", "..", "..", "examples", "spec-example.json");
const TODAY = "2026-03-01";

describe("result file (screen --json)", () => {
  it("is byte-identical to the stored result file of every policy case, in both languages", () => {
    const stored = readFileSync(join(fixtures, "policy-case-result-files.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as unknown);
    const digest = (evaluation: Evaluation, lang: Lang) =>
      createHash("sha256").update(resultFileText(JSON.stringify(toResultFile(evaluation, lang)))).digest("hex").slice(0, 16);
    const now = policyScreenings().map(({ name, screening }) => {
      const evaluation = evaluate(screening, rules, TODAY);
      return { case: name, en: digest(evaluation, "en"), zh: digest(evaluation, "zh") };
    });
    expect(now.length).toBeGreaterThan(300);
    expect(now).toEqual(stored);
  });

  it("prints the result file of the spec's example from the CLI, byte for byte as written in process", async () => {
    const parsed = parseScreening(JSON.parse(readFileSync(example, "utf8")));
    if (!parsed.ok) throw new Error("invalid example");
    for (const lang of ["en", "zh"] as const) {
      const run = await runCli("screen", ["--json", "--lang", lang, example]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${JSON.stringify(toResultFile(evaluate(parsed.value, shipped, TODAY), lang))}\n`);
    }
  });

  it("keeps the stored result file of the spec's example, in both languages", () => {
    const parsed = parseScreening(JSON.parse(readFileSync(example, "utf8")));
    if (!parsed.ok) throw new Error("invalid example");
    for (const lang of ["en", "zh"] as const) {
      const text = `${JSON.stringify(toResultFile(evaluate(parsed.value, rules, TODAY), lang))}\n`;
      expect(resultFileText(text)).toBe(readFileSync(join(fixtures, `spec-example.result.${lang}.json`), "utf8"));
    }
  });
});
