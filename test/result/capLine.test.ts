import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Screening } from "../../src/engine/screening.js";
import { resultCard } from "../../src/channels/web/resultCard.js";
import { capLine, capShown } from "../../src/result/capLine.js";
import { loadRules } from "../../src/rules/loadRules.js";

const rules = loadRules();
const applicant = { kind: "enterprise" as const, inJurisdiction: true, sectors: ["ai" as const] };
/** Article 14's caps for an event costing `expenses` with `received` already paid this year. */
function eventCaps(expenses: number, received: number) {
  const screening: Screening = { applicant, events: { expenses, significantResults: true, receivedThisYear: received } };
  const evaluation = evaluate(screening, rules, "2026-03-01");
  return { evaluation, caps: evaluation.items.find((item) => item.id === "14")!.caps };
}

describe("a cap's line on the result screen, the web card and the report", () => {
  it("says a cap that lowered the amount limited it", () => {
    // 50 % of 4,000,000 is 2,000,000; the annual 1,000,000 less 100,000 received leaves 900,000.
    const [cap] = eventCaps(4_000_000, 100_000).caps;
    expect(capShown(cap!)).toBe(true);
    expect(capLine(cap!, "en")).toBe("Limited by the annual cap: RMB 1,000,000 (RMB 100,000 already received); room left after this: RMB 0.");
    expect(capLine(cap!, "zh")).toBe("受年度上限限制：100万元（已获10万元）；本项之后剩余额度：0元。");
  });

  it("says a cap that lowered nothing, with support received under it, is what the item was counted against", () => {
    const [cap] = eventCaps(400_000, 100_000).caps;
    expect(capShown(cap!)).toBe(true);
    expect(capLine(cap!, "en")).toBe("Counted against the annual cap: RMB 1,000,000 (RMB 100,000 already received); room left after this: RMB 700,000.");
    expect(capLine(cap!, "zh")).toBe("计入年度上限：100万元（已获10万元）；本项之后剩余额度：70万元。");
  });

  it("leaves out a cap that lowered nothing with nothing received under it", () => {
    const [cap] = eventCaps(400_000, 0).caps;
    expect(capShown(cap!)).toBe(false);
  });

  it("gives the web card the same lines", () => {
    const card = (expenses: number, received: number) => resultCard(eventCaps(expenses, received).evaluation, rules, "en", (path) => path).items.find((item) => item.id === "14")!.caps;
    expect(card(400_000, 100_000)).toEqual(["Counted against the annual cap: RMB 1,000,000 (RMB 100,000 already received); room left after this: RMB 700,000."]);
    expect(card(4_000_000, 0)).toEqual(["Limited by the annual cap: RMB 1,000,000; room left after this: RMB 0."]);
    expect(card(400_000, 0)).toEqual([]);
  });
});
