import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening, type Screening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { screeningWithOverlaps } from "../support/screeningArbitrary.js";

const rules = loadRules();
const TODAY = "2026-03-01";

type Member = NonNullable<Screening["overlaps"]>[number][number];

/**
 * The total when, of each group, only `kept[g]` (or nothing, for null) is kept, computed
 * without the engine's Article 16 code: the parts left out are taken out of the screening
 * itself (fewer scenario projects, recognitions and infrastructure projects struck from their
 * lists) and whole items left out are not summed. Scenario projects have no names, so units
 * in different groups are different projects; any other member named twice is one member.
 */
function totalKeeping(s: Screening, kept: readonly (number | null)[]): number {
  const whole = new Set<string>();
  const projects = new Set<number>();
  const recognitions = new Set<number>();
  let units = 0;
  s.overlaps!.forEach((group, g) =>
    group.forEach((member: Member, m) => {
      if (m === kept[g]) return;
      if (typeof member === "string") {
        if (member.includes("#")) projects.add(Number(member.split("#")[1]) - 1);
        else whole.add(member);
      } else if ("units" in member) units += member.units;
      else if ("project" in member) projects.add(member.project);
      else recognitions.add(member.recognition);
    }),
  );
  const rest: Screening = {
    ...s,
    overlaps: undefined,
    scenarios: { ...s.scenarios, projects: Math.max(0, (s.scenarios?.projects ?? 0) - units) },
    recognitions: s.recognitions?.filter((_, i) => !recognitions.has(i)),
    infrastructure: s.infrastructure?.filter((_, i) => !projects.has(i)),
  };
  return evaluate(rest, rules, TODAY)
    .items.filter((item) => item.status === "eligible" && !whole.has(item.id))
    .reduce((sum, item) => sum + item.maxSupportFen!, 0);
}

/** Every way of keeping at most one member of each group. */
function* choices(sizes: readonly number[]): Generator<(number | null)[]> {
  if (sizes.length === 0) {
    yield [];
    return;
  }
  for (const rest of choices(sizes.slice(1))) {
    yield [null, ...rest];
    for (let m = 0; m < sizes[0]!; m++) yield [m, ...rest];
  }
}

describe("Article 16 properties (screening format 1.1)", () => {
  it("generated overlap groups are valid screenings", () => {
    fc.assert(
      fc.property(screeningWithOverlaps, (s) => {
        const parsed = parseScreening(s);
        expect(parsed.ok ? [] : parsed.issues).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it("the total is the sum of countedSupport, and no other choice of kept members gives more", () => {
    fc.assert(
      fc.property(screeningWithOverlaps, (s) => {
        const result = evaluate(s, rules, TODAY);
        expect(result.totalMaxSupportFen).toBe(result.items.reduce((sum, item) => sum + item.countedSupportFen, 0));
        for (const item of result.items) {
          expect(item.countedSupportFen).toBeGreaterThanOrEqual(0);
          expect(item.countedSupportFen).toBeLessThanOrEqual(item.status === "eligible" ? item.maxSupportFen! : 0);
          expect(item.counted).toBe(item.countedSupportFen > 0);
        }
        let best = 0;
        for (const kept of choices(s.overlaps!.map((group) => group.length))) best = Math.max(best, totalKeeping(s, kept));
        expect(result.totalMaxSupportFen).toBe(best);
      }),
      { numRuns: 500 },
    );
  });
});
