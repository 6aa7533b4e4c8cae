import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening, type Screening } from "../../src/engine/screening.js";
import { resultScreen } from "../../src/result/resultScreen.js";
import { loadRules } from "../../src/rules/loadRules.js";

const rules = loadRules();
const describe_ = (path: string) => `<${path}>`;
function screen(input: Screening, lang: "zh" | "en" = "en"): string {
  const parsed = parseScreening(input);
  if (!parsed.ok) throw new Error("invalid test screening");
  return resultScreen(evaluate(parsed.value, rules, "2026-03-01"), rules, lang, describe_);
}
const inTongzhou = { kind: "enterprise" as const, inJurisdiction: true, sectors: ["ai" as const] };

describe("result screen", () => {
  it("shows a limiting annual cap with what was received and the room left", () => {
    const text = screen({ applicant: { ...inTongzhou, sme: true }, vouchers: { modelServices: 2_000_000, computingServices: 0, significantResults: true, modelReceivedThisYear: 50_000 } });
    expect(text).toContain("✅ Article 6 Model and computing vouchers for SMEs: up to RMB 250,000");
    expect(text).toContain("Limited by the model-voucher annual cap: RMB 300,000 (RMB 50,000 already received); room left after this: RMB 0.");
  });

  it("prices a near miss: the same voucher purchase by a company that is not an SME", () => {
    const text = screen({ applicant: { ...inTongzhou, sme: false }, vouchers: { modelServices: 500_000, computingServices: 0, significantResults: true } });
    expect(text).toContain("Article 6: model and computing vouchers are for small and medium-sized enterprises only: if it were met, this item could pay up to RMB 150,000.");
  });

  it("names what would settle an undecided item and how much it could reach", () => {
    const text = screen({ applicant: inTongzhou, events: { expenses: 400_000 } });
    expect(text).toContain("❓ Article 14 Industrial events: could reach up to RMB 200,000");
    expect(text).toContain("To decide it: <events.significantResults>");
  });

  it("gives one reason instead of thirteen when the applicant is outside the district", () => {
    const text = screen({ applicant: { ...inTongzhou, inJurisdiction: false } }, "zh");
    expect(text).toContain("第一条：申请主体未在通州区注册并经营");
    expect(text).not.toContain("✖");
  });

  it("always ends with the disclaimer, in the reader's language", () => {
    expect(screen({}, "zh")).toContain("本结果为预筛查，不构成审批决定");
    expect(screen({}, "en")).toContain("This is a pre-screening, not a decision.");
  });
});
