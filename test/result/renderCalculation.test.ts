import { describe, expect, it } from "vitest";
import type { ItemOutcome, TraceStep } from "../../src/engine/outcome.js";
import { calculationsOf, type Calculation } from "../../src/result/calculation.js";
import { calculationLines, renderCalculation } from "../../src/result/renderCalculation.js";

const cap = (fields: Partial<Extract<Calculation, { kind: "cap" }>>): Calculation => ({
  kind: "cap",
  cap: "annual",
  capKind: "annual",
  beforeFen: 60_000_000,
  limitFen: 100_000_000,
  usedFen: 0,
  afterFen: 60_000_000,
  ...fields,
});

describe("calculation lines in the reader's language", () => {
  it("a one-time amount, a rate of a named base, and a rate of a project's base", () => {
    expect(renderCalculation({ kind: "fixed", fen: 20_000_000 }, "en")).toBe("One-time amount: RMB 200,000");
    expect(renderCalculation({ kind: "rate", of: "event_expenses", percent: 50, baseFen: 200_000_000, valueFen: 100_000_000 }, "en")).toBe("50% × RMB 2,000,000 event expenses = RMB 1,000,000");
    const project = { index: 2 };
    expect(renderCalculation({ kind: "rate", of: "infrastructure_investment", percent: 10, baseFen: 500_000_000, valueFen: 50_000_000, project }, "en")).toBe(
      "10% × RMB 5,000,000 eligible investment of project 2 = RMB 500,000",
    );
    expect(renderCalculation({ kind: "rate", of: "infrastructure_investment", percent: 10, baseFen: 500_000_000, valueFen: 50_000_000, project: { index: 1, name: "Edge DC" } }, "en")).toBe(
      "10% × RMB 5,000,000 eligible investment of project 1 (Edge DC) = RMB 500,000",
    );
  });

  it("a rate of a contract less its hardware", () => {
    expect(renderCalculation({ kind: "rateLess", percent: 10, contractFen: 300_000_000, hardwareFen: 100_000_000, baseFen: 200_000_000, valueFen: 20_000_000 }, "en")).toBe(
      "10% × (RMB 3,000,000 ITAI contract − RMB 1,000,000 hardware = RMB 2,000,000) = RMB 200,000",
    );
  });

  it("units, filings and recognitions by their names", () => {
    expect(renderCalculation({ kind: "units", unit: "standard_local", count: 3, eachFen: 20_000_000, totalFen: 60_000_000 }, "en")).toBe("3 × RMB 200,000 per local (industry) standard = RMB 600,000");
    expect(renderCalculation({ kind: "units", unit: "scenario_project", count: 3, eachFen: 50_000_000, totalFen: 150_000_000 }, "zh")).toBe("3 × 每个应用场景项目50万元 = 150万元");
    expect(renderCalculation({ kind: "filing", filing: "blockchainInfo", fen: 20_000_000 }, "en")).toBe("Blockchain information service filing: RMB 200,000");
    expect(renderCalculation({ kind: "recognition", level: "miit_key_laboratory", fen: 100_000_000 }, "en")).toBe("MIIT key laboratory: RMB 1,000,000");
  });

  it("a promotion paying the difference, or nothing when the new level pays no more", () => {
    const promotion = { kind: "promotion", level: "miit_key_laboratory", from: "beijing_enterprise_technology_center" } as const;
    expect(renderCalculation({ ...promotion, levelFen: 100_000_000, fromFen: 50_000_000, fen: 50_000_000 }, "en")).toBe(
      "MIIT key laboratory RMB 1,000,000 − Beijing enterprise technology center RMB 500,000 (a promotion pays only the difference) = RMB 500,000",
    );
    expect(renderCalculation({ ...promotion, levelFen: 50_000_000, fromFen: 50_000_000, fen: 0 }, "en")).toBe(
      "MIIT key laboratory RMB 500,000 is not above Beijing enterprise technology center RMB 500,000: a promotion pays only the difference → RMB 0",
    );
  });

  it("a sum names each part", () => {
    const sum: Calculation = {
      kind: "sum",
      parts: [
        { part: { kind: "voucher", voucher: "model" }, fen: 30_000_000 },
        { part: { kind: "units", unit: "standard_national", count: 2, eachFen: 30_000_000 }, fen: 60_000_000 },
        { part: { kind: "filing", filing: "deepSynthesis" }, fen: 20_000_000 },
        { part: { kind: "recognition", level: "beijing_high_end_design_center", levelFen: 50_000_000, promotedFrom: null, promotedFromFen: 0 }, fen: 50_000_000 },
      ],
      totalFen: 160_000_000,
    };
    expect(renderCalculation(sum, "en")).toBe(
      "Together: model vouchers RMB 300,000 + national standards RMB 600,000 + Deep synthesis filing RMB 200,000 + Beijing high-end design center RMB 500,000 = RMB 1,600,000",
    );
  });

  it("a cap: within it or capped, where the amount equal to the room left is within", () => {
    expect(renderCalculation(cap({}), "en")).toBe("RMB 600,000, within the cap of RMB 1,000,000 a year → RMB 600,000");
    expect(renderCalculation(cap({ beforeFen: 100_000_000, afterFen: 100_000_000 }), "en")).toBe("RMB 1,000,000, within the cap of RMB 1,000,000 a year → RMB 1,000,000");
    expect(renderCalculation(cap({ beforeFen: 100_000_001, afterFen: 100_000_000 }), "en")).toBe("RMB 1,000,000.01, capped at RMB 1,000,000 a year → RMB 1,000,000");
  });

  it("a cap with support received: this year's under an annual cap, else in all; the room left decides capped or within", () => {
    expect(renderCalculation(cap({ usedFen: 40_000_000, beforeFen: 60_000_000, afterFen: 60_000_000 }), "en")).toBe(
      "RMB 600,000, within the cap of RMB 1,000,000 a year, RMB 400,000 already received this year → RMB 600,000",
    );
    expect(renderCalculation(cap({ usedFen: 40_000_001, beforeFen: 60_000_000, afterFen: 59_999_999 }), "en")).toBe(
      "RMB 600,000, capped at RMB 1,000,000 a year, RMB 400,000.01 already received this year → RMB 599,999.99",
    );
    expect(renderCalculation(cap({ cap: "per_enterprise", capKind: "cumulative", usedFen: 150_000_000, afterFen: 0 }), "en")).toBe(
      "RMB 600,000, capped at RMB 1,000,000 per enterprise, RMB 1,500,000 already received → RMB 0",
    );
    expect(renderCalculation(cap({ usedFen: 20_000_000, afterFen: 60_000_000 }), "zh")).toBe("60万元，未超过每年100万元的上限，本年度已获20万元 → 60万元");
  });

  it("a cumulative cap, then what was already received taken off", () => {
    const cumulative = { kind: "cumulative", cap: "cumulative", limitFen: 500_000_000, receivedFen: 100_000_000 } as const;
    expect(renderCalculation({ ...cumulative, beforeFen: 500_000_000, afterFen: 400_000_000 }, "en")).toBe(
      "RMB 5,000,000, within the cap of RMB 5,000,000 in all, less RMB 1,000,000 already received → RMB 4,000,000",
    );
    expect(renderCalculation({ ...cumulative, beforeFen: 500_000_001, afterFen: 400_000_000 }, "en")).toBe(
      "RMB 5,000,000.01, capped at RMB 5,000,000 in all, less RMB 1,000,000 already received → RMB 4,000,000",
    );
  });

  it("an innovation base's cumulative cap as its amount, less what it received when it received any", () => {
    expect(renderCalculation({ kind: "baseCap", baseLevel: "municipal", limitFen: 500_000_000, receivedFen: 0, afterFen: 500_000_000 }, "en")).toBe(
      "Up to RMB 5,000,000 in all for a municipal innovation base → RMB 5,000,000",
    );
    expect(renderCalculation({ kind: "baseCap", baseLevel: "district", limitFen: 200_000_000, receivedFen: 50_000_000, afterFen: 150_000_000 }, "en")).toBe(
      "Up to RMB 2,000,000 in all for a district innovation base, less RMB 500,000 already received → RMB 1,500,000",
    );
  });

  it("what Article 16 leaves of an item", () => {
    expect(renderCalculation({ kind: "notCounted" }, "en")).toBe("Counted in the total after Article 16: RMB 0 (the same project counts under another item)");
    expect(renderCalculation({ kind: "recounted", maxFen: 200_000_000, countedFen: 150_000_000 }, "en")).toBe("Article 16 leaves a part out; counted again without it: RMB 2,000,000 → RMB 1,500,000");
  });
});

/** An eligible item with only what calculationsOf reads, counted in full unless the test says otherwise. */
function item(trace: TraceStep[], fields: Partial<ItemOutcome> = {}): ItemOutcome {
  return { id: "10.2", status: "eligible", maxSupportFen: 100, countedSupportFen: 100, trace, countedTrace: trace, project: null, ...fields } as ItemOutcome;
}

describe("an item's calculation read from its trace", () => {
  it("gives nothing for an item that is not eligible", () => {
    expect(calculationsOf(item([{ kind: "fixed", fen: 1 }], { status: "needs_info" }))).toEqual([]);
    expect(calculationsOf(item([{ kind: "fixed", fen: 1 }], { status: "not_eligible" }))).toEqual([]);
  });

  it("reads a cumulative cap and the amount received after it as one line, never below zero", () => {
    const trace: TraceStep[] = [
      { kind: "fixed", fen: 600_000_000 },
      { kind: "cap", limitFen: 500_000_000, usedFen: 0, afterFen: 500_000_000, name: "cumulative", capKind: "cumulative", beforeFen: 600_000_000 },
      { kind: "less_received", beforeFen: 500_000_000, receivedFen: 700_000_000, afterFen: 0 },
    ];
    expect(calculationsOf(item(trace)).map(({ calculation }) => calculation)).toEqual([
      { kind: "fixed", fen: 600_000_000 },
      { kind: "cumulative", cap: "cumulative", beforeFen: 600_000_000, limitFen: 500_000_000, receivedFen: 700_000_000, afterFen: 0 },
    ]);
  });

  it("reads a base's cap with or without an amount received after it", () => {
    const baseCap: TraceStep = { kind: "cap", limitFen: 500_000_000, usedFen: 0, afterFen: 500_000_000, name: "cumulative", capKind: "cumulative", beforeFen: 500_000_000, baseLevel: "municipal" };
    expect(calculationsOf(item([baseCap, { kind: "less_received", beforeFen: 500_000_000, receivedFen: 100_000_000, afterFen: 400_000_000 }]))[0]!.calculation).toEqual({
      kind: "baseCap",
      baseLevel: "municipal",
      limitFen: 500_000_000,
      receivedFen: 100_000_000,
      afterFen: 400_000_000,
    });
    expect(calculationsOf(item([baseCap]))[0]!.calculation).toEqual({ kind: "baseCap", baseLevel: "municipal", limitFen: 500_000_000, receivedFen: 0, afterFen: 500_000_000 });
  });

  it("shows nothing for an amount received recorded without its cap before it", () => {
    expect(calculationsOf(item([{ kind: "fixed", fen: 100 }, { kind: "less_received", beforeFen: 100, receivedFen: 40, afterFen: 60 }])).map(({ calculation }) => calculation)).toEqual([{ kind: "fixed", fen: 100 }]);
  });

  it("keeps a plain cap as it is, with what was used under it", () => {
    const step: TraceStep = { kind: "cap", limitFen: 100_000_000, usedFen: 30_000_000, afterFen: 60_000_000, name: "annual", capKind: "annual", beforeFen: 60_000_000 };
    expect(calculationsOf(item([step]))[0]!.calculation).toEqual({ kind: "cap", cap: "annual", capKind: "annual", beforeFen: 60_000_000, limitFen: 100_000_000, usedFen: 30_000_000, afterFen: 60_000_000 });
  });

  it("names the rate's project when the item is one project's", () => {
    const rate: TraceStep = { kind: "rate", percent: 10, baseFen: 100, valueFen: 10, of: "infrastructure_investment" };
    const project = { index: 2, name: "Edge DC" };
    expect(calculationsOf(item([rate], { project }))[0]!.calculation).toEqual({ kind: "rate", of: "infrastructure_investment", percent: 10, baseFen: 100, valueFen: 10, project });
    expect(calculationsOf(item([rate]))[0]!.calculation).toEqual({ kind: "rate", of: "infrastructure_investment", percent: 10, baseFen: 100, valueFen: 10 });
  });

  it("reads a rate with hardware taken off only when both amounts are recorded", () => {
    const rate: TraceStep = { kind: "rate", percent: 10, baseFen: 200, valueFen: 20, of: "itai_contract", contractFen: 300, hardwareFen: 100 };
    expect(calculationsOf(item([rate]))[0]!.calculation).toEqual({ kind: "rateLess", percent: 10, contractFen: 300, hardwareFen: 100, baseFen: 200, valueFen: 20 });
    const noHardware: TraceStep = { kind: "rate", percent: 10, baseFen: 200, valueFen: 20, of: "itai_contract", contractFen: 200 };
    expect(calculationsOf(item([noHardware]))[0]!.calculation.kind).toBe("rate");
  });

  it("gives each part of a sum its line, then the sum of the parts computed; a lone part needs no sum", () => {
    const model: TraceStep = { kind: "rate", percent: 30, baseFen: 100_000_000, valueFen: 30_000_000, of: "model_services" };
    const sum = (parts: Extract<TraceStep, { kind: "sum" }>["parts"]): TraceStep => ({ kind: "sum", parts, totalFen: parts.reduce((total, part) => total + part.fen, 0) });
    const modelPart = { label: "model", fen: 30_000_000, part: { kind: "voucher", voucher: "model" } } as const;
    const computingPart = { label: "computing", fen: 0, part: { kind: "voucher", voucher: "computing" } } as const;
    expect(calculationsOf(item([model, sum([modelPart, computingPart])])).map(({ calculation }) => calculation.kind)).toEqual(["rate"]);
    const computing: TraceStep = { kind: "rate", percent: 30, baseFen: 0, valueFen: 0, of: "computing_services" };
    expect(calculationsOf(item([model, computing, sum([modelPart, computingPart])])).map(({ calculation }) => calculation.kind)).toEqual(["rate", "rate", "sum"]);
    const promoted = { label: "lab", fen: 50_000_000, part: { kind: "recognition", level: "miit_key_laboratory", levelFen: 100_000_000, promotedFrom: "beijing_enterprise_technology_center", promotedFromFen: 50_000_000 } } as const;
    const fresh = { label: "design", fen: 50_000_000, part: { kind: "recognition", level: "beijing_high_end_design_center", levelFen: 50_000_000, promotedFrom: null, promotedFromFen: 0 } } as const;
    expect(calculationsOf(item([sum([promoted, fresh])])).map(({ calculation }) => calculation)).toEqual([
      { kind: "promotion", level: "miit_key_laboratory", levelFen: 100_000_000, from: "beijing_enterprise_technology_center", fromFen: 50_000_000, fen: 50_000_000 },
      { kind: "recognition", level: "beijing_high_end_design_center", fen: 50_000_000 },
      { kind: "sum", parts: [{ part: promoted.part, fen: 50_000_000 }, { part: fresh.part, fen: 50_000_000 }], totalFen: 100_000_000 },
    ]);
  });

  it("adds what Article 16 leaves: nothing counted, or the recount indented under a part left out", () => {
    const trace: TraceStep[] = [{ kind: "fixed", fen: 100 }];
    expect(calculationsOf(item(trace, { countedSupportFen: 0 })).slice(1)).toEqual([{ calculation: { kind: "notCounted" }, depth: 0 }]);
    const recount: TraceStep[] = [{ kind: "fixed", fen: 60 }];
    expect(calculationsOf(item(trace, { countedSupportFen: 60, countedTrace: recount })).slice(1)).toEqual([
      { calculation: { kind: "recounted", maxFen: 100, countedFen: 60 }, depth: 0 },
      { calculation: { kind: "fixed", fen: 60 }, depth: 1 },
    ]);
    expect(calculationsOf(item(trace))).toHaveLength(1);
    expect(calculationLines(item(trace, { countedSupportFen: 60, countedTrace: recount }), "en", "> ")).toEqual([
      "> One-time amount: RMB 1",
      "> Article 16 leaves a part out; counted again without it: RMB 1 → RMB 0.60",
      ">   One-time amount: RMB 0.60",
    ]);
  });
});
