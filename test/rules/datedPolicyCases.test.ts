import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { evaluate } from "../../src/engine/evaluate.js";
import { fenToYuan } from "../../src/engine/money.js";
import { parseScreening } from "../../src/engine/screening.js";
import { toResultFile } from "../../src/result/resultFile.js";
import { DEFAULT_RULES_DIR, loadRules } from "../../src/rules/loadRules.js";
import { issueLine } from "../../src/validation/issues.js";
import { mergeCase } from "../support/mergeCase.js";

/**
 * Policy cases for dated parameter values: each file installs one dated parameter in a copy of
 * rules/ (an example guideline, not a real one) and runs its cases, which sit on both sides of
 * the change date, against that copy.
 */
const caseFile = z.strictObject({
  article: z.string(),
  /** The rules version (rules/policy.json) whose figures the cases state. */
  rulesVersion: z.string(),
  about: z.string().min(10),
  rules: z.strictObject({ file: z.string(), parameter: z.string(), value: z.unknown() }),
  base: z.record(z.string(), z.unknown()),
  cases: z.array(
    z.strictObject({
      name: z.string().min(10),
      screening: z.record(z.string(), z.unknown()),
      expect: z.strictObject({
        items: z.record(z.string(), z.strictObject({ status: z.enum(["eligible", "not_eligible", "needs_info"]), maxSupport: z.number().nullable() })),
        totalMaxSupport: z.number(),
        /** How many notes name a guideline value used. */
        guidelineNotes: z.number().int(),
      }),
    }),
  ),
});

const TODAY = "2026-03-01";
const dir = join(import.meta.dirname, "cases");
const copies: string[] = [];
afterAll(() => copies.forEach((copy) => rmSync(copy, { recursive: true, force: true })));

function rulesWith(change: z.infer<typeof caseFile>["rules"]) {
  const copy = mkdtempSync(join(tmpdir(), "dated-rules-"));
  copies.push(copy);
  cpSync(DEFAULT_RULES_DIR, copy, { recursive: true });
  const path = join(copy, change.file);
  const data = JSON.parse(readFileSync(path, "utf8")) as { parameters: Record<string, unknown> };
  data.parameters[change.parameter] = change.value;
  writeFileSync(path, JSON.stringify(data));
  return loadRules(copy);
}


for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
  const data = caseFile.parse(JSON.parse(readFileSync(join(dir, file), "utf8")));
  describe(`Article ${data.article}, dated values (${file})`, () => {
    const rules = rulesWith(data.rules);

    it("is about the rules version in force (update the cases' figures for a new one)", () => {
      expect(rules.policy.version).toBe(data.rulesVersion);
    });

    it("gives the copy a rules version of its own", () => {
      expect(rules.rulesVersion).not.toBe(loadRules().rulesVersion);
    });

    for (const c of data.cases) {
      it(c.name, () => {
        const parsed = parseScreening(mergeCase(data.base, c.screening));
        if (!parsed.ok) throw new Error(`case screening is invalid:\n${parsed.issues.map(issueLine).join("\n")}`);
        const result = evaluate(parsed.value, rules, TODAY);
        for (const [id, want] of Object.entries(c.expect.items)) {
          const item = result.items.find((candidate) => candidate.id === id)!;
          expect({ status: item.status, maxSupport: item.maxSupportFen === null ? null : fenToYuan(item.maxSupportFen) }).toEqual(want);
        }
        expect(fenToYuan(result.totalMaxSupportFen)).toBe(c.expect.totalMaxSupport);
        const notes = toResultFile(result).notes.filter((note) => note.includes("this screening used that value"));
        expect(notes).toHaveLength(c.expect.guidelineNotes);
      });
    }
  });
}
