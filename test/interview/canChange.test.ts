import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { MAX_FEN } from "../../src/engine/money.js";
import { MAX_COUNT, type Screening } from "../../src/engine/screening.js";
import { answerVariants } from "../../src/interview/canChange.js";
import { floorFen, groupFloorsFen } from "../../src/interview/supportFloor.js";
import { MAX_LISTED_PROJECTS } from "../../src/interview/validateAnswer.js";
import { AS_OF, ctx } from "./conversation.js";

const question = (id: string) => ctx.bank.byId.get(id)!;

/** Every item's floor for a screening, by item (Article 11 by project). */
function floors(screening: Screening): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of evaluate(screening, ctx.rules, AS_OF).items) out[item.project ? `${item.id}#${item.project.index}` : item.id] = floorFen(ctx.rules, screening, item);
  return out;
}

describe("the answers tried to see whether a question can change the result", () => {
  it("tries yes and no, the ends of an amount's range, and none, one and the most of a count", () => {
    expect(answerVariants(question("sme"))).toEqual([true, false]);
    expect(answerVariants(question("itaiContract"))).toEqual([0, MAX_FEN]);
    expect(answerVariants(question("standardsNational"))).toEqual([0, 1, MAX_COUNT]);
    // A count that makes a list of projects goes no further than the projects one can list.
    expect(answerVariants(question("infrastructureProjects"))).toEqual([0, 1, MAX_LISTED_PROJECTS]);
  });

  it("tries every option of a single choice, or only those offered", () => {
    expect(answerVariants(question("kind"))).toEqual(question("kind").options!.map((o) => o.value));
    expect(answerVariants(question("kind"), ["enterprise", "social_organization"])).toEqual(["enterprise", "social_organization"]);
  });

  it("tries none, all and each one alone of a multiple choice", () => {
    expect(answerVariants(question("sectors"), ["ai", "blockchain"])).toEqual([[], ["ai", "blockchain"], ["ai"], ["blockchain"]]);
  });

  it("tries no shared project, and each pair of the members offered, for Article 16's question", () => {
    expect(answerVariants(question("overlap"), ["none", "scenario", "event", "platform"])).toEqual([
      [],
      ["scenario", "event"],
      ["scenario", "platform"],
      ["event", "platform"],
    ]);
    expect(answerVariants(question("overlap"), ["none", "scenario"])).toEqual([[]]);
  });
});

describe("an item's floor: the least it pays, whatever its own unknown facts, once Article 1's gate holds", () => {
  const inTongzhou = { kind: "enterprise" as const, inJurisdiction: true, sectors: ["ai" as const] };
  const unsure = { kind: "enterprise" as const, sectors: ["ai" as const] };

  it("is an eligible item's maximum", () => {
    expect(floors({ applicant: inTongzhou, standards: { international: 1, national: 0, local: 0, receivedThisYear: 0 } })["7"]).toBe(500_000_00);
  });

  it("is nothing for an item that does not apply, even where its own rule would pay", () => {
    expect(floors({ applicant: { ...inTongzhou, inJurisdiction: false }, standards: { international: 1, national: 0, local: 0, receivedThisYear: 0 } })["7"]).toBe(0);
  });

  it("counts what the known facts pay while the applicant does not know whether it is in Tongzhou", () => {
    const screening: Screening = { applicant: unsure, standards: { international: 1, receivedThisYear: 0 } };
    const item = evaluate(screening, ctx.rules, AS_OF).items.find((i) => i.id === "7")!;
    expect(item.status).toBe("needs_info");
    expect(floorFen(ctx.rules, screening, item)).toBe(500_000_00);
  });

  it("is each Article 11 project's own", () => {
    const screening: Screening = {
      applicant: unsure,
      infrastructure: [
        { eligibleInvestment: 10_000_000, yearsSupported: 0, amountReceived: 0 },
        { eligibleInvestment: 30_000_000, yearsSupported: 1, amountReceived: 1_000_000 },
      ],
    };
    // 20 % of each investment, the second less what it already received.
    expect(floors(screening)).toMatchObject({ "11#1": 2_000_000_00, "11#2": 5_000_000_00 });
  });
});

describe("what an item's groups of facts that add up pay: their unknown members unfavourable, every other unknown fact favourable", () => {
  /** Article 7's (or 5's) bounds for a screening. */
  function groupFloors(screening: Screening, id = "7"): number[] {
    const item = evaluate(screening, ctx.rules, AS_OF).items.find((i) => i.id === id)!;
    return groupFloorsFen(ctx.rules, screening, item);
  }
  const kindUnknown = { inJurisdiction: true, sectors: ["ai" as const] };

  it("counts the standards known while the kind, which the floor reads as not an enterprise, is unknown", () => {
    const screening: Screening = { applicant: kindUnknown, standards: { international: 1, local: 2, receivedThisYear: 0 } };
    expect(floorFen(ctx.rules, screening, evaluate(screening, ctx.rules, AS_OF).items.find((i) => i.id === "7")!)).toBe(0);
    expect(groupFloors(screening)).toEqual([900_000_00]);
    expect(groupFloors({ applicant: kindUnknown, standards: { international: 1, receivedThisYear: 0 } })).toEqual([500_000_00]);
    // Nothing known of the group: no standard at all, so nothing.
    expect(groupFloors({ applicant: kindUnknown, standards: { receivedThisYear: 0 } })).toEqual([0]);
  });

  it("keeps within the cap, less what was received this year", () => {
    expect(groupFloors({ applicant: kindUnknown, standards: { international: 3, receivedThisYear: 200_000 } })).toEqual([800_000_00]);
  });

  it("reads the other unknown facts favourably: Article 5's good outcomes, unknown, do not hide the filings known", () => {
    expect(groupFloors({ applicant: kindUnknown, filings: { deepSynthesis: true, receivedThisYear: 0 } }, "5")).toEqual([200_000_00]);
  });

  it("is nothing to count once every member of the group is known, or the item is decided", () => {
    expect(groupFloors({ applicant: kindUnknown, standards: { international: 1, national: 0, local: 0, receivedThisYear: 0 } })).toEqual([]);
    expect(groupFloors({ applicant: { ...kindUnknown, kind: "enterprise" }, standards: { international: 1, national: 0, local: 0, receivedThisYear: 0 } })).toEqual([]);
    // Not an enterprise: nothing the standards say can make Article 7 apply.
    expect(groupFloors({ applicant: { ...kindUnknown, kind: "social_organization" }, standards: { international: 1, receivedThisYear: 0 } })).toEqual([]);
  });
});
