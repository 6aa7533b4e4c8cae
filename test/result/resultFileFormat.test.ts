import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Evaluation } from "../../src/engine/outcome.js";
import type { Lang } from "../../src/i18n/lang.js";
import { parseScreening } from "../../src/engine/screening.js";
import { toResultFile } from "../../src/result/resultFile.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { runCli } from "../support/runCli.js";
import { policyScreenings } from "./policyScreenings.js";

/**
 * `screen --json` writes JSON.stringify(toResultFile(…)): the result file is a format others
 * read, so the readable output may change while these bytes may not. The fixtures were written
 * before the readable calculation lines were reworked; the rules version is masked so that a
 * rules edit alone does not count as a format change.
 */
const rules = loadRules();
const fixtures = join(import.meta.dirname, "fixtures");
const resultFileText = (text: string) => text.replaceAll(rules.rulesVersion, "RULES");

describe("result file (screen --json)", () => {
  it("is byte-identical to the stored result file of every policy case, in both languages", () => {
    const stored = readFileSync(join(fixtures, "policy-case-result-files.jsonl"), "utf8").trim().split("\n").map((line) => JSON.parse(line) as unknown);
    const digest = (evaluation: Evaluation, lang: Lang) =>
      createHash("sha256").update(resultFileText(JSON.stringify(toResultFile(evaluation, lang)))).digest("hex").slice(0, 16);
    const now = policyScreenings().map(({ name, screening }) => {
      const evaluation = evaluate(screening, rules, "2026-03-01");
      return { case: name, en: digest(evaluation, "en"), zh: digest(evaluation, "zh") };
    });
    expect(now.length).toBeGreaterThan(300);
    expect(now).toEqual(stored);
  });

  it("prints the stored result file of the spec's example, byte for byte, from the CLI", async () => {
    for (const lang of ["en", "zh"] as const) {
      const run = await runCli("screen", ["--json", "--lang", lang, join(fixtures, "..", "..", "..", "examples", "spec-example.json")]);
      expect(run.code).toBe(0);
      expect(resultFileText(run.stdout)).toBe(readFileSync(join(fixtures, `spec-example.result.${lang}.json`), "utf8"));
    }
  });

  it("keeps the spec example's file in process too", () => {
    const parsed = parseScreening(JSON.parse(readFileSync(join(fixtures, "..", "..", "..", "examples", "spec-example.json"), "utf8")));
    if (!parsed.ok) throw new Error("invalid example");
    const text = `${JSON.stringify(toResultFile(evaluate(parsed.value, rules, "2026-03-01"), "en"))}\n`;
    expect(resultFileText(text)).toBe(readFileSync(join(fixtures, "spec-example.result.en.json"), "utf8"));
  });
});
