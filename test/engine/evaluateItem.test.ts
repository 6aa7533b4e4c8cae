import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CompiledItem } from "../../src/engine/compiledRules.js";
import { Draft } from "../../src/engine/draft.js";
import { evaluate } from "../../src/engine/evaluate.js";
import { evaluateItem } from "../../src/engine/evaluateItem.js";
import { Facts } from "../../src/engine/facts.js";
import { defineItem } from "../../src/engine/item.js";
import { hasWholeFen, MAX_FEN } from "../../src/engine/money.js";
import { amount } from "../../src/engine/items/read.js";
import type { Screening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { partialOfComplete } from "../support/screeningArbitrary.js";

const rules = loadRules();
const TODAY = "2026-03-01";

/**
 * An item of the rules' kind made for the test: two contract amounts share one cap and a third
 * has a cap of its own, so either of the first two can change the outcome only while the other
 * is unfavourable. No item of the Rules has that shape yet; the engine must not depend on it.
 */
const SHARED_CAP_FEN = 100_000_00;
const OWN_CAP_FEN = 50_000_00;
const sharedCap: CompiledItem = {
  ...rules.byId.get("6")!,
  rule: defineItem({
    id: "6",
    params: {},
    run({ s, facts, d }) {
      const model = amount(facts, "vouchers.modelServices", s.vouchers?.modelServices);
      const computing = amount(facts, "vouchers.computingServices", s.vouchers?.computingServices);
      const events = amount(facts, "events.expenses", s.events?.expenses);
      return d.cap("shared", "annual", model + computing, SHARED_CAP_FEN) + d.cap("own", "annual", events, OWN_CAP_FEN);
    },
  }),
};
const inDistrict: Screening = { applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"] } };

describe("evaluating one item", () => {
  it("lists a fact that can change the outcome only while another unknown fact is unfavourable", () => {
    const outcome = evaluateItem(sharedCap, inDistrict, {}, rules.policy, true);
    expect(outcome.status).toBe("needs_info");
    expect(outcome.potentialMaxSupportFen).toBe(SHARED_CAP_FEN + OWN_CAP_FEN);
    expect(outcome.missing).toEqual(["vouchers.modelServices", "vouchers.computingServices", "events.expenses"]);
  });

  it("does not list a fact that cannot change the outcome, however the others are answered", () => {
    const s: Screening = { ...inDistrict, vouchers: { modelServices: 1_000_000 } };
    const outcome = evaluateItem(sharedCap, s, {}, rules.policy, true);
    expect(outcome.missing).toEqual(["events.expenses"]);
  });

  it("an item decided on its conditions, or still undecided, carries no working", () => {
    fc.assert(
      fc.property(partialOfComplete, ({ partial }) => {
        for (const item of evaluate(partial, rules, TODAY).items) {
          const onConditions = item.status === "not_eligible" && !item.reasons.some((reason) => reason.code === "zero_after_caps");
          if (item.status !== "needs_info" && !onConditions) continue;
          expect(item.trace, `Article ${item.id}`).toEqual([]);
          expect(item.countedTrace, `Article ${item.id}`).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("evaluating some items only", () => {
  it("gives the outcomes of the items asked for, and nothing else", () => {
    const only = new Set(["6", "12"] as const);
    const s: Screening = { ...inDistrict, scenarios: { projects: 1 } };
    const some = evaluate(s, rules, TODAY, { only }).items;
    expect(some.map((item) => item.id)).toEqual(["6", "12"]);
    expect(some).toEqual(evaluate(s, rules, TODAY).items.filter((item) => only.has(item.id as "6" | "12")));
  });
});

describe("whole fen", () => {
  it.each([0, 1, 1e12, 0.5, 0.05, 123.45, 1e21, 1e12 + 0.5, -1e13 - 0.25])("%d yuan is a whole number of fen", (yuan) => {
    expect(hasWholeFen(yuan)).toBe(true);
  });

  it.each([0.001, 123.456, 1e-7, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 999_999_999_999.999, 1e12 + 0.005, 3e13 + 0.125])("%d yuan is not", (yuan) => {
    expect(hasWholeFen(yuan)).toBe(false);
  });

  /** The definition: a whole number, or one JavaScript writes with at most two decimals. */
  const writtenWithTwoDecimals = (yuan: number) => {
    const text = String(yuan);
    return Number.isInteger(yuan) || (Number.isFinite(yuan) && !text.includes("e") && (!text.includes(".") || text.length - text.indexOf(".") - 1 <= 2));
  };

  it("agrees with the number's own text for any number, and for amounts of whole fen, tenths of a fen and more", () => {
    const thousandths = fc.integer({ min: -MAX_FEN * 10, max: MAX_FEN * 10 }).map((n) => n / 1000);
    const hundredths = fc.integer({ min: -MAX_FEN, max: MAX_FEN }).map((n) => n / 100);
    fc.assert(fc.property(fc.oneof(fc.double(), fc.double({ min: -1e13, max: 1e13 }), hundredths, thousandths), (yuan) => {
      expect(hasWholeFen(yuan)).toBe(writtenWithTwoDecimals(yuan));
    }), { numRuns: 20_000 });
  });
});

describe("reading facts", () => {
  it("lists an unknown fact once however often it is read", () => {
    const facts = new Facts(true);
    expect(facts.pick("applicant.sme", undefined, true, false)).toBe(true);
    expect(facts.pick("applicant.sme", undefined, true, false)).toBe(true);
    expect(facts.pick("applicant.kind", "enterprise", "enterprise", "social_organization")).toBe("enterprise");
    expect(facts.missing).toEqual(["applicant.sme"]);
  });
});

describe("the working of a draft", () => {
  it("a cumulative cap records itself as one, then what was already received", () => {
    const d = new Draft("9");
    expect(d.cumulative("enterprise", 900_000_00, 500_000_00, 100_000_00)).toBe(400_000_00);
    expect(d.trace).toEqual([
      { kind: "cap", limitFen: 500_000_00, usedFen: 0, afterFen: 500_000_00, name: "enterprise", capKind: "cumulative", beforeFen: 900_000_00 },
      { kind: "less_received", beforeFen: 500_000_00, receivedFen: 100_000_00, afterFen: 400_000_00 },
    ]);
    expect(d.caps).toEqual([{ name: "enterprise", kind: "cumulative", limitFen: 500_000_00, usedFen: 100_000_00, beforeFen: 900_000_00, afterFen: 400_000_00, roomAfterFen: 0 }]);
  });
});
