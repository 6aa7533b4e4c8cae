import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Screening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";

/**
 * Article 16 counts an item again without the parts a group names: only the parts of that item.
 * An item none of whose parts is named counts whole, and its counted working is its own.
 */
const rules = loadRules();
const TODAY = "2026-03-01";
const applicant: Screening["applicant"] = { kind: "enterprise", inJurisdiction: true, sectors: ["ai"] };
const item = (s: Screening, id: string) => evaluate(s, rules, TODAY).items.find((outcome) => outcome.id === id)!;

describe("Article 16's recount of an item's parts", () => {
  it("naming a recognition of clause 8.2 leaves clause 8.1 counted whole", () => {
    const s: Screening = {
      applicant,
      recognitions: [{ level: "beijing_industrial_innovation_center" }, { level: "miit_key_laboratory" }],
      scenarios: { projects: 2 },
      overlaps: [[{ item: "8.2", recognition: 1 }, "12"]],
    };
    const clause1 = item(s, "8.1");
    expect(clause1.status).toBe("eligible");
    expect(clause1.countedSupportFen).toBe(clause1.maxSupportFen);
    expect(clause1.countedTrace).toEqual([]);
  });

  it("of two named recognitions the one worth more is kept, and the other clause counts without its own", () => {
    const s: Screening = {
      applicant,
      recognitions: [{ level: "beijing_industrial_innovation_center" }, { level: "beijing_pilot_verification_platform" }, { level: "miit_key_laboratory" }],
      overlaps: [[{ item: "8.1", recognition: 1 }, { item: "8.2", recognition: 2 }]],
    };
    const clause1 = item(s, "8.1");
    const clause2 = item(s, "8.2");
    expect(clause1.countedSupportFen).toBe(clause1.maxSupportFen);
    expect(clause1.countedTrace).toEqual([]);
    expect(clause2.maxSupportFen).toBeGreaterThan(0);
    expect(clause2.countedSupportFen).toBe(0);
    expect(clause2.reasons.map((reason) => reason.code)).toEqual(["conditions_met", "part_not_counted_recognition"]);
  });

  it("Article 12 named whole in a group and kept counts whole, with no recount", () => {
    const s: Screening = { applicant, scenarios: { projects: 3 }, growth: { fastGrowth: true }, overlaps: [["12", "4"]] };
    const scenarios = item(s, "12");
    expect(scenarios.status).toBe("eligible");
    expect(item(s, "4").countedSupportFen).toBe(0);
    expect(scenarios.countedSupportFen).toBe(scenarios.maxSupportFen);
    expect(scenarios.countedTrace).toEqual([]);
  });
});
