import { describe, expect, it } from "vitest";
import { CSV_HEADER, csvRow, type ResultSummary } from "../../src/cli/csvRow.js";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening } from "../../src/engine/screening.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { parseCsv } from "../support/parseCsv.js";

const rules = loadRules();
const cell = (row: string[], column: string) => row[CSV_HEADER.indexOf(column)];

function rowOf(summary: ResultSummary): string[] {
  return parseCsv(csvRow(1, "Co", summary))[0]!;
}

describe("CSV row", () => {
  it("shows each item's counted amount, so that the cells add up to the total (Article 16 per project)", () => {
    const parsed = parseScreening({
      applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"] },
      scenarios: { projects: 4 },
      events: { expenses: 2_000_000, significantResults: true },
      itai: { benchmarkFirstSolution: true, contractAmount: 3_000_000 },
      overlaps: [[{ item: "12", units: 1 }, "14"], ["9", "14"]],
    });
    if (!parsed.ok) throw new Error("invalid test screening");
    const row = rowOf(evaluate(parsed.value, rules, "2026-03-01"));
    expect(cell(row, "12")).toBe("1500000");
    expect(cell(row, "14")).toBe("1000000");
    expect(cell(row, "9")).toBe("0");
    expect(cell(row, "total")).toBe("2500000");
  });

  it("reads a record stored before countedSupportFen from counted: the whole maximum, or 0", () => {
    const row = rowOf({
      asOf: "2026-03-01",
      inForce: true,
      items: [
        { id: "12", status: "eligible", maxSupportFen: 100_000_000, counted: true },
        { id: "14", status: "eligible", maxSupportFen: 20_000_000, counted: false },
      ],
      totalMaxSupportFen: 100_000_000,
    });
    expect(cell(row, "12")).toBe("1000000");
    expect(cell(row, "14")).toBe("0");
  });
});
