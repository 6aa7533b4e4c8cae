import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { z } from "zod";
import { fenToYuan } from "../../src/engine/money.js";
import type { Evaluation, ItemOutcome } from "../../src/engine/outcome.js";
import { calculationLines } from "../../src/result/renderCalculation.js";

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
export type CaseFile = z.infer<typeof caseFile>;
export type PolicyCase = CaseFile["cases"][number];

/** The date a policy case is judged on when its screening names none (as `screen` is run on it). */
export const POLICY_CASES_TODAY = "2026-03-01";
const DIR = join(import.meta.dirname, "cases");

export function policyCaseFiles(): { file: string; data: CaseFile }[] {
  return readdirSync(DIR)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((file) => ({ file, data: caseFile.parse(JSON.parse(readFileSync(join(DIR, file), "utf8"))) }));
}

function findItem(items: readonly ItemOutcome[], ref: string): ItemOutcome | undefined {
  const [id, project] = ref.split("#");
  return items.find((item) => item.id === id && (project === undefined || item.project?.index === Number(project)));
}

/** Where a result differs from what its case expects, one line each (`6 maxSupport: …`); empty when it holds. */
export function caseMismatches(expected: PolicyCase["expect"], result: Evaluation): string[] {
  const problems: string[] = [];
  const differ = (what: string, want: unknown, got: unknown) => {
    if (!isDeepStrictEqual(want, got)) problems.push(`${what}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  };
  for (const [ref, want] of Object.entries(expected.items)) {
    const item = findItem(result.items, ref);
    if (!item) {
      problems.push(`item ${ref} is not in the result`);
      continue;
    }
    const got = {
      status: item.status,
      maxSupport: item.maxSupportFen === null ? null : fenToYuan(item.maxSupportFen),
      potentialMaxSupport: item.potentialMaxSupportFen === null ? null : fenToYuan(item.potentialMaxSupportFen),
      missing: [...item.missing].sort(),
      counted: item.counted,
      countedSupport: fenToYuan(item.countedSupportFen),
      reasonCodes: item.reasons.map((reason) => reason.code),
      ifConditionMet: item.ifConditionMetFen === null ? null : fenToYuan(item.ifConditionMetFen),
      limitingCaps: item.caps
        .filter((cap) => cap.afterFen < cap.beforeFen)
        .map((cap) => ({ name: cap.name, limit: fenToYuan(cap.limitFen), used: fenToYuan(cap.usedFen), roomAfter: fenToYuan(cap.roomAfterFen) })),
      calculation: calculationLines(item, "en", ""),
    };
    if (want.status !== undefined) differ(`${ref} status`, want.status, got.status);
    if (want.maxSupport !== undefined) differ(`${ref} maxSupport`, want.maxSupport, got.maxSupport);
    if (want.potentialMaxSupport !== undefined) differ(`${ref} potentialMaxSupport`, want.potentialMaxSupport, got.potentialMaxSupport);
    if (want.missing !== undefined) differ(`${ref} missing`, [...want.missing].sort(), got.missing);
    if (want.counted !== undefined) differ(`${ref} counted`, want.counted, got.counted);
    if (want.countedSupport !== undefined) differ(`${ref} countedSupport`, want.countedSupport, got.countedSupport);
    if (want.reasonCodes !== undefined) {
      const holds = want.moreReasons ? want.reasonCodes.every((code) => got.reasonCodes.includes(code)) : isDeepStrictEqual(want.reasonCodes, got.reasonCodes);
      if (!holds) problems.push(`${ref} reasons: expected ${want.moreReasons ? "at least " : ""}${JSON.stringify(want.reasonCodes)}, got ${JSON.stringify(got.reasonCodes)}`);
    }
    if (want.ifConditionMet !== undefined) differ(`${ref} ifConditionMet`, want.ifConditionMet, got.ifConditionMet);
    if (want.limitingCaps !== undefined) differ(`${ref} limitingCaps`, want.limitingCaps, got.limitingCaps);
    if (want.calculation !== undefined) differ(`${ref} calculation`, want.calculation, got.calculation);
  }
  if (expected.totalMaxSupport !== undefined) differ("totalMaxSupport", expected.totalMaxSupport, fenToYuan(result.totalMaxSupportFen));
  const counted = result.items.reduce((sum, item) => sum + item.countedSupportFen, 0);
  if (result.totalMaxSupportFen !== counted) problems.push(`totalMaxSupport ${result.totalMaxSupportFen} fen is not the sum of countedSupport, ${counted} fen`);
  if (expected.inForce !== undefined) differ("inForce", expected.inForce, result.inForce);
  if (expected.itemCount !== undefined) differ("number of items", expected.itemCount, result.items.length);
  return problems;
}
