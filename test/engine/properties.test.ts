import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { ItemOutcome } from "../../src/engine/outcome.js";
import { parseScreening, type Screening } from "../../src/engine/screening.js";
import type { CompiledRules } from "../../src/rules/loadRules.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { completeScreening, partialOfComplete } from "../support/screeningArbitrary.js";

const rules = loadRules();
const TODAY = "2026-03-01";
const RUNS = { numRuns: 400 };

type Params = Record<string, number | Record<string, number>>;
const paramsOf = (rules: CompiledRules, id: string) => rules.byId.get(id as never)!.params as unknown as Params;
const money = (p: Params, name: string) => p[name] as number;
const table = (p: Params, name: string) => p[name] as Record<string, number>;
const maxOf = (t: Record<string, number>) => Math.max(...Object.values(t));

/** The most an item can pay under its own caps, read from the rules data (fen). */
function capOf(item: ItemOutcome, s: Screening): number {
  const p = paramsOf(rules, item.id);
  switch (item.id) {
    case "4": case "13": return money(p, "amount");
    case "5": case "7": case "12": case "14": return money(p, "annualCap");
    case "6": return money(p, "modelAnnualCap") + money(p, "computingAnnualCap");
    case "8.1": case "8.2": return (s.recognitions?.length ?? 1) * maxOf(table(p, "levelAmounts"));
    case "9": return money(p, "enterpriseCap");
    case "10.1": return money(p, "createForTheFutureAmount");
    case "10.2": return maxOf(table(p, "baseCumulativeCaps"));
    case "11": return money(p, "projectCap");
  }
}

describe("engine properties", () => {
  it("every valid complete screening parses and no item ever exceeds its cap", () => {
    fc.assert(
      fc.property(completeScreening, (s) => {
        const parsed = parseScreening(s);
        expect(parsed.ok).toBe(true);
        const result = evaluate(s, rules, TODAY);
        let sumOfCaps = 0;
        for (const item of result.items) {
          expect(item.status).not.toBe("needs_info");
          if (item.status !== "eligible") continue;
          expect(item.maxSupportFen!).toBeGreaterThan(0);
          expect(item.maxSupportFen!).toBeLessThanOrEqual(capOf(item, s));
          expect(Number.isSafeInteger(item.maxSupportFen)).toBe(true);
          sumOfCaps += capOf(item, s);
        }
        expect(result.totalMaxSupportFen).toBeLessThanOrEqual(sumOfCaps);
      }),
      RUNS,
    );
  });

  it("without overlaps every eligible item counts in full and the total is their sum", () => {
    fc.assert(
      fc.property(completeScreening, (s) => {
        const result = evaluate(s, rules, TODAY);
        for (const item of result.items) expect(item.countedSupportFen).toBe(item.status === "eligible" ? item.maxSupportFen : 0);
        const sum = result.items.filter((item) => item.counted).reduce((acc, item) => acc + item.maxSupportFen!, 0);
        expect(result.totalMaxSupportFen).toBe(sum);
        expect(result.items.every((item) => !item.counted || item.status === "eligible")).toBe(true);
      }),
      RUNS,
    );
  });

  it("learning unknown facts never contradicts a settled item and never exceeds a potential", () => {
    // A potential assumes one new recognition per clause of Article 8 when the list is unknown.
    const oneRecognitionAtMost = partialOfComplete.filter(({ complete }) => (complete.recognitions?.length ?? 0) <= 1);
    fc.assert(
      fc.property(oneRecognitionAtMost, ({ complete, partial }) => {
        const before = evaluate(partial, rules, TODAY);
        const after = evaluate(complete, rules, TODAY);
        before.items.forEach((item, i) => {
          const known = after.items.find((other) => other.id === item.id && other.project?.index === item.project?.index);
          if (!known) return; // an unknown infrastructure list stands for projects not yet listed
          if (item.status === "eligible") expect(known.maxSupportFen).toBe(item.maxSupportFen);
          if (item.status === "not_eligible") expect(known.status).toBe("not_eligible");
          if (item.status === "needs_info") {
            expect(item.missing.length, `item ${i} lists what it needs`).toBeGreaterThan(0);
            expect(item.potentialMaxSupportFen!).toBeGreaterThan(0);
            if (known.status === "eligible") expect(known.maxSupportFen!).toBeLessThanOrEqual(item.potentialMaxSupportFen!);
          }
        });
      }),
      RUNS,
    );
  });

  it("a needs_info item's missing facts are all unknown in the screening", () => {
    fc.assert(
      fc.property(partialOfComplete, ({ partial, removed }) => {
        const result = evaluate(partial, rules, TODAY);
        const allowed = (path: string) => removed.some((r) => path === r || path.startsWith(`${r}.`) || path.startsWith(`${r}[`));
        for (const item of result.items) for (const path of item.missing) expect(allowed(path), path).toBe(true);
      }),
      RUNS,
    );
  });
});
