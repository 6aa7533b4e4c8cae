import { describe, expect, it } from "vitest";
import { renderTrace } from "../../src/result/renderTrace.js";

describe("calculation steps in the result file's compact form", () => {
  it("writes each kind of step with plain amounts", () => {
    expect(renderTrace({ kind: "fixed", fen: 20_000_000 })).toBe("one-time amount 200,000.00");
    expect(renderTrace({ kind: "rate", percent: 30, baseFen: 80_000_000, valueFen: 24_000_000, of: "model_services" })).toBe("30% × 800,000.00 = 240,000.00");
    expect(
      renderTrace({
        kind: "sum",
        parts: [
          { label: "national", fen: 50_000_000, part: { kind: "units", unit: "standard_national", count: 1, eachFen: 50_000_000 } },
          { label: "local", fen: 30_000_001, part: { kind: "units", unit: "standard_local", count: 1, eachFen: 30_000_001 } },
        ],
        totalFen: 80_000_001,
      }),
    ).toBe("national 500,000.00 + local 300,000.01 = 800,000.01");
    expect(renderTrace({ kind: "less_received", beforeFen: 30_000_000, receivedFen: 10_000_000, afterFen: 20_000_000 })).toBe("300,000.00 − 100,000.00 already received = 200,000.00");
  });

  it("names what was already received under a cap only when something was", () => {
    expect(renderTrace({ kind: "cap", limitFen: 100_000_000, usedFen: 0, afterFen: 90_000_000, name: "annualCap", capKind: "annual", beforeFen: 120_000_000 })).toBe("cap 1,000,000.00 → 900,000.00");
    expect(renderTrace({ kind: "cap", limitFen: 100_000_000, usedFen: 1, afterFen: 90_000_000, name: "annualCap", capKind: "annual", beforeFen: 120_000_000 })).toBe("cap 1,000,000.00 − 0.01 already received → 900,000.00");
  });
});
