import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { issueLine } from "../../src/validation/issues.js";
import { mergeCase } from "../support/mergeCase.js";
import { caseMismatches, POLICY_CASES_TODAY, policyCaseFiles } from "./policyCase.js";

/**
 * Policy cases as data, one file per Article in cases/ (the format is in ./policyCase.ts), like
 * OpenFisca's YAML tests: each case's screening must produce the outcome it states.
 */
const rules = loadRules();

for (const { file, data } of policyCaseFiles()) {
  describe(`Article ${data.article} (${file})`, () => {
    for (const c of data.cases) {
      it(c.name, () => {
        const parsed = parseScreening(mergeCase(data.base, c.screening));
        if (c.expect.invalid) {
          expect(parsed.ok, "the screening is refused").toBe(false);
          if (!parsed.ok) expect(parsed.issues.map(issueLine)).toEqual(c.expect.invalid);
          return;
        }
        if (!parsed.ok) throw new Error(`case screening is invalid:\n${parsed.issues.map(issueLine).join("\n")}`);
        expect(caseMismatches(c.expect, evaluate(parsed.value, rules, POLICY_CASES_TODAY))).toEqual([]);
      });
    }
  });
}
