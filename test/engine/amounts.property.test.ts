import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { MAX_YUAN } from "../../src/engine/money.js";
import type { Evaluation } from "../../src/engine/outcome.js";
import type { Screening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { completeScreening, partialOfComplete } from "../support/screeningArbitrary.js";

const rules = loadRules();
const TODAY = "2026-03-01";
// A fixed number of runs keeps `npm test` quick; fast-check prints the seed of a failing run.
const RUNS = { numRuns: 200 };

/** An amount the applicant spent or invested, raised by `extra` yuan: never one already received, nor Article 9's hardware. */
type Raise = (s: Screening, extra: number) => Screening;
const up = (yuan: number | undefined, extra: number) => Math.min(MAX_YUAN, (yuan ?? 0) + extra);
const RAISES: Record<string, Raise> = {
  "vouchers.modelServices": (s, extra) => ({ ...s, vouchers: { ...s.vouchers, modelServices: up(s.vouchers?.modelServices, extra) } }),
  "vouchers.computingServices": (s, extra) => ({ ...s, vouchers: { ...s.vouchers, computingServices: up(s.vouchers?.computingServices, extra) } }),
  "itai.contractAmount": (s, extra) => ({ ...s, itai: { ...s.itai, contractAmount: up(s.itai?.contractAmount, extra) } }),
  "infrastructure[0].eligibleInvestment": (s, extra) => ({
    ...s,
    infrastructure: s.infrastructure?.map((project, i) => (i === 0 ? { ...project, eligibleInvestment: up(project.eligibleInvestment, extra) } : project)),
  }),
  "events.expenses": (s, extra) => ({ ...s, events: { ...s.events, expenses: up(s.events?.expenses, extra) } }),
};

const itemKey = (item: Evaluation["items"][number]) => `${item.id}#${item.project?.index ?? 0}`;

describe("amounts", () => {
  it("raising a contract, investment or expense amount never lowers an item's maximum nor the total", () => {
    const extra = fc.oneof(fc.integer({ min: 1, max: 100_000_000_00 }).map((fen) => fen / 100), fc.constantFrom(0.01, 1, 100_000, 1_000_000));
    fc.assert(
      fc.property(completeScreening, fc.constantFrom(...Object.keys(RAISES)), extra, (s, path, more) => {
        const before = evaluate(s, rules, TODAY);
        const after = evaluate(RAISES[path]!(s, more), rules, TODAY);
        const raised = new Map(after.items.map((item) => [itemKey(item), item]));
        for (const item of before.items) {
          if (item.status !== "eligible") continue;
          const now = raised.get(itemKey(item))!;
          expect(now.status, `Article ${item.id} after raising ${path}`).toBe("eligible");
          expect(now.maxSupportFen!, `Article ${item.id} after raising ${path}`).toBeGreaterThanOrEqual(item.maxSupportFen!);
        }
        expect(after.totalMaxSupportFen).toBeGreaterThanOrEqual(before.totalMaxSupportFen);
      }),
      RUNS,
    );
  });

  it("what answering the open facts adds to the total is at most the open potential", () => {
    // The potential of an unknown list stands for one entry: one infrastructure project, one recognition per clause.
    const oneOfEach = partialOfComplete.filter(({ complete }) => (complete.recognitions?.length ?? 0) <= 1 && (complete.infrastructure?.length ?? 0) <= 1);
    fc.assert(
      fc.property(oneOfEach, ({ complete, partial }) => {
        const before = evaluate(partial, rules, TODAY);
        const after = evaluate(complete, rules, TODAY);
        expect(after.totalMaxSupportFen).toBeLessThanOrEqual(before.totalMaxSupportFen + before.openPotentialFen);
        expect(before.openPotentialFen).toBe(before.items.reduce((sum, item) => sum + (item.potentialMaxSupportFen ?? 0), 0));
        for (const item of before.items) {
          if (item.potentialMaxSupportFen !== null) expect(item.status).toBe("needs_info");
          expect(Number.isSafeInteger(item.countedSupportFen)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
