import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening, type Screening } from "../../src/engine/screening.js";
import { resultScreen } from "../../src/result/resultScreen.js";
import { loadRules } from "../../src/rules/loadRules.js";

const rules = loadRules();
/** Screenings dated before any annual guideline: the figures written in these tests are the 2025 Rules' own. */
const UNDER_THE_2025_RULES = "2025-06-01";
const describe_ = (path: string) => `<${path}>`;
function screen(input: Screening, lang: "zh" | "en" = "en"): string {
  const parsed = parseScreening(input);
  if (!parsed.ok) throw new Error("invalid test screening");
  return resultScreen(evaluate(parsed.value, rules, UNDER_THE_2025_RULES), rules, lang, describe_);
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

  it("leaves no empty list of items not eligible when every item is open", () => {
    const text = screen({ applicant: inTongzhou });
    expect(text).not.toContain("✖");
    expect(text).not.toMatch(/\n\n\n/);
  });

  it("gives one reason instead of thirteen when the applicant is outside the district", () => {
    const text = screen({ applicant: { ...inTongzhou, inJurisdiction: false } }, "zh");
    expect(text).toContain("第一条：申请主体未在通州区注册并经营");
    expect(text).not.toContain("✖");
  });

  it("Article 16: shows the counted amount where part of an item is left out, and says in favour of which member", () => {
    const text = screen({
      applicant: inTongzhou,
      scenarios: { projects: 4 },
      events: { expenses: 2_000_000, significantResults: true },
      overlaps: [[{ item: "12", units: 1 }, "14"]],
    });
    expect(text).toContain("✅ Article 12 High-quality application scenario projects: up to RMB 2,000,000");
    expect(text).toContain("Article 16: 1 scenario project(s) are the same project as Article 14 (overlap group 1)");
    expect(text).toContain("Counted in the total: RMB 1,500,000 (Article 16 leaves the rest out, see above).");
    expect(text).toContain("Total after Article 16 (selecting the best without duplication): up to RMB 2,500,000");
    expect(text).not.toContain("Not counted in the total");
  });

  it("Article 16: an item left out entirely says so, and a counted amount equal to the maximum is not repeated", () => {
    const text = screen(
      { applicant: inTongzhou, scenarios: { projects: 4 }, events: { expenses: 400_000, significantResults: true }, overlaps: [["14", { item: "12", units: 1 }]] },
      "zh",
    );
    expect(text).toContain("与第十二条的1个应用场景项目为同一项目（重叠组1）");
    expect(text).toContain("不计入合计（第十六条，择优不重复）。");
    expect(text).not.toContain("计入合计：");
  });

  it("always ends with the disclaimer, in the reader's language", () => {
    expect(screen({}, "zh")).toContain("本结果为预筛查，不构成审批决定");
    expect(screen({}, "en")).toContain("This is a pre-screening, not a decision.");
  });
});
