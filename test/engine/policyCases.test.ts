import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { evaluate } from "../../src/engine/evaluate.js";
import { fenToYuan } from "../../src/engine/money.js";
import type { ItemOutcome } from "../../src/engine/outcome.js";
import { parseScreening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { calculationLines } from "../../src/result/renderCalculation.js";
import { issueLine } from "../../src/validation/issues.js";
import { mergeCase } from "../support/mergeCase.js";

/**
 * Policy cases as data, one file per Article in cases/, like OpenFisca's YAML tests: each
 * case is a screening (merged over the file's `base`) and the outcome it must produce.
 */
const expectedItem = z.strictObject({
  status: z.enum(["eligible", "not_eligible", "needs_info"]).optional(),
  maxSupport: z.number().nullable().optional(),
  potentialMaxSupport: z.number().nullable().optional(),
  missing: z.array(z.string()).optional(),
  counted: z.boolean().optional(),
  countedSupport: z.number().optional(),
  /** Every reason, in order; `moreReasons: true` makes it "these and possibly more" where a case says so. */
  reasonCodes: z.array(z.string()).optional(),
  moreReasons: z.literal(true).optional(),
  /** Near miss: the maximum if the one unmet quality condition were met (yuan), or null for none. */
  ifConditionMet: z.number().nullable().optional(),
  /** The caps that limited the amount (after < before), in order, with the room left after them (yuan). */
  limitingCaps: z.array(z.strictObject({ name: z.string(), limit: z.number(), used: z.number(), roomAfter: z.number() })).optional(),
  /** The calculation lines a reader sees (English, src/result/renderCalculation.ts), every one, in order. */
  calculation: z.array(z.string()).optional(),
});
const caseFile = z.strictObject({
  article: z.string(),
  base: z.record(z.string(), z.unknown()).default({}),
  cases: z.array(
    z.strictObject({
      name: z.string().min(10),
      screening: z.record(z.string(), z.unknown()),
      expect: z.strictObject({
        items: z.record(z.string(), expectedItem).default({}),
        totalMaxSupport: z.number().optional(),
        inForce: z.boolean().optional(),
        itemCount: z.number().optional(),
        /** The screening must be refused with these problems (`path: message`). */
        invalid: z.array(z.string()).optional(),
      }),
    }),
  ),
});

const TODAY = "2026-03-01";
const dir = join(import.meta.dirname, "cases");
const rules = loadRules();


function findItem(items: readonly ItemOutcome[], ref: string): ItemOutcome | undefined {
  const [id, project] = ref.split("#");
  return items.find((item) => item.id === id && (project === undefined || item.project?.index === Number(project)));
}

for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
  const data = caseFile.parse(JSON.parse(readFileSync(join(dir, file), "utf8")));
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
        const result = evaluate(parsed.value, rules, TODAY);
        const { items, totalMaxSupport, inForce, itemCount } = c.expect;
        for (const [ref, want] of Object.entries(items)) {
          const item = findItem(result.items, ref);
          expect(item, `item ${ref} is in the result`).toBeDefined();
          const got = {
            status: item!.status,
            maxSupport: item!.maxSupportFen === null ? null : fenToYuan(item!.maxSupportFen),
            potentialMaxSupport: item!.potentialMaxSupportFen === null ? null : fenToYuan(item!.potentialMaxSupportFen),
            missing: [...item!.missing].sort(),
            counted: item!.counted,
            countedSupport: fenToYuan(item!.countedSupportFen),
            reasonCodes: item!.reasons.map((reason) => reason.code),
            ifConditionMet: item!.ifConditionMetFen === null ? null : fenToYuan(item!.ifConditionMetFen),
            limitingCaps: item!.caps
              .filter((cap) => cap.afterFen < cap.beforeFen)
              .map((cap) => ({ name: cap.name, limit: fenToYuan(cap.limitFen), used: fenToYuan(cap.usedFen), roomAfter: fenToYuan(cap.roomAfterFen) })),
            calculation: calculationLines(item!, "en", ""),
          };
          if (want.status !== undefined) expect(got.status, `${ref} status`).toBe(want.status);
          if (want.maxSupport !== undefined) expect(got.maxSupport, `${ref} maxSupport`).toBe(want.maxSupport);
          if (want.potentialMaxSupport !== undefined) expect(got.potentialMaxSupport, `${ref} potentialMaxSupport`).toBe(want.potentialMaxSupport);
          if (want.missing !== undefined) expect(got.missing, `${ref} missing`).toEqual([...want.missing].sort());
          if (want.counted !== undefined) expect(got.counted, `${ref} counted`).toBe(want.counted);
          if (want.countedSupport !== undefined) expect(got.countedSupport, `${ref} countedSupport`).toBe(want.countedSupport);
          if (want.reasonCodes !== undefined) {
            expect(got.reasonCodes, `${ref} reasons`).toEqual(want.moreReasons ? expect.arrayContaining(want.reasonCodes) : want.reasonCodes);
          }
          if (want.ifConditionMet !== undefined) expect(got.ifConditionMet, `${ref} ifConditionMet`).toBe(want.ifConditionMet);
          if (want.limitingCaps !== undefined) expect(got.limitingCaps, `${ref} limitingCaps`).toEqual(want.limitingCaps);
          if (want.calculation !== undefined) expect(got.calculation, `${ref} calculation`).toEqual(want.calculation);
        }
        if (totalMaxSupport !== undefined) expect(fenToYuan(result.totalMaxSupportFen), "totalMaxSupport").toBe(totalMaxSupport);
        const counted = result.items.reduce((sum, item) => sum + item.countedSupportFen, 0);
        expect(result.totalMaxSupportFen, "totalMaxSupport is the sum of countedSupport").toBe(counted);
        if (inForce !== undefined) expect(result.inForce, "inForce").toBe(inForce);
        if (itemCount !== undefined) expect(result.items.length, "number of items").toBe(itemCount);
      });
    }
  });
}
