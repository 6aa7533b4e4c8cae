import { describe, expect, it } from "vitest";
import { parseScreening } from "../../src/engine/screening.js";
import { issueLine } from "../../src/validation/issues.js";

function problems(input: unknown): string[] {
  const parsed = parseScreening(input);
  return parsed.ok ? [] : parsed.issues.map(issueLine);
}

describe("screening file validation", () => {
  it("accepts an empty screening: every fact unknown", () => {
    expect(problems({})).toEqual([]);
  });

  it.each([
    ["a negative amount", { vouchers: { modelServices: -1 } }, "vouchers.modelServices: must be >= 0"],
    ["an amount over 1e12", { events: { expenses: 1e12 + 1 } }, "events.expenses: must be <= 1000000000000 (1e12 yuan)"],
    ["an amount with three decimals", { events: { expenses: 1.234 } }, "events.expenses: must have at most two decimals (whole fen)"],
    ["an amount written as a string", { events: { expenses: "100" } }, "events.expenses: must be an amount in yuan (a number)"],
    ["a fractional count", { standards: { national: 1.5 } }, "standards.national: must be a whole number"],
    ["a count over 1000", { scenarios: { projects: 1001 } }, "scenarios.projects: must be <= 1000"],
    ["an impossible date", { asOf: "2026-02-30" }, "asOf: must be a real date written YYYY-MM-DD"],
    ["a date in another format", { asOf: "01/03/2026" }, "asOf: must be a real date written YYYY-MM-DD"],
    ["an unknown top-level key", { vouchrs: {} }, "vouchrs: unknown key (check its spelling, or remove it)"],
    ["an unknown nested key", { applicant: { size: "small" } }, "applicant.size: unknown key (check its spelling, or remove it)"],
    ["an unknown sector", { applicant: { sectors: ["fintech"] } }, "applicant.sectors[0]: must be one of: ai, cybersecurity, itai, data_elements, advanced_computing, blockchain, metaverse, next_gen_it, future_information, other"],
    ["another version", { version: 2 }, "version: must be 1 (the only screening format version)"],
    ["hardware above the contract", { itai: { contractAmount: 100, hardwareAmount: 101 } }, "itai.hardwareAmount: must be <= itai.contractAmount (hardware is part of the contract)"],
    ["an unknown item id in overlaps", { overlaps: [["6", "15"]] }, "overlaps[0][1]: must be an item id (4, 5, 6, 7, 8.1, 8.2, 9, 10.1, 10.2, 11, 12, 13, 14; 11#N for the N-th Article 11 project) or an object naming part of an item"],
    ["an overlap group of one", { overlaps: [["6"]] }, "overlaps[0]: a group needs at least two members (a group is one project claimed under several items)"],
    ["an item twice in a group", { overlaps: [["6", "6"]] }, "overlaps[0]: names an item twice (name the whole item once, or each of its parts once)"],
    ["a reference to a project that is not listed", { infrastructure: [{}], overlaps: [["11#2", "12"]] }, "overlaps[0][0]: names Article 11 project 2, but infrastructure lists 1"],
    ["a project of an infrastructure list not given", { overlaps: [[{ item: "11", project: 0 }, "12"]] }, "overlaps[0][0].project: infrastructure is not given: list them to name one by its index"],
    ["a recognition of a recognitions list not given", { overlaps: [["12", { item: "8.1", recognition: 0 }]] }, "overlaps[0][1].recognition: recognitions is not given: list them to name one by its index"],
    ["an overlap member that is neither an id nor a part", { overlaps: [[12, "14"]] }, 'overlaps[0][0]: must be an item id or an object naming part of an item: { "item": "12", "units": N }, { "item": "11", "project": I } or { "item": "8.1" | "8.2", "recognition": I }'],
    ["a part whose item is a name of the object prototype", { overlaps: [[{ item: "toString", units: 1 }, "14"]] }, 'overlaps[0][0].item: must be 12, 11, 8.1 or 8.2, the items whose parts can be named: { "item": "12", "units": N }, { "item": "11", "project": I } or { "item": "8.1" | "8.2", "recognition": I }'],
    ["a recognition without a level", { recognitions: [{}] }, "recognitions[0].level: must be one of: national_manufacturing_innovation_center, beijing_industrial_innovation_center, beijing_pilot_verification_platform, miit_key_laboratory, beijing_high_end_design_center, beijing_enterprise_technology_center"],
  ])("refuses %s and names its path", (_, input, message) => {
    expect(problems(input)).toContain(message);
  });

  it.each(["2024-02-29", "2000-02-29", "2026-01-31", "2026-12-31", "2026-04-30", "2026-03-01"])("accepts %s as the day it names", (asOf) => {
    expect(problems({ asOf })).toEqual([]);
  });

  it.each([
    ["29 February of a year not divisible by 4", "2026-02-29"],
    ["29 February of a century year not divisible by 400", "2100-02-29"],
    ["a thirty-first day of a month of thirty", "2026-04-31"],
    ["a thirty-second day", "2026-01-32"],
    ["a day 0", "2026-04-00"],
    ["a month 0", "2026-00-10"],
    ["a month 13", "2026-13-01"],
    ["a date with text before it", "x2026-03-01"],
    ["a date with text after it", "2026-03-01x"],
  ])("refuses %s", (_, asOf) => {
    expect(problems({ asOf })).toEqual(["asOf: must be a real date written YYYY-MM-DD"]);
  });

  it("reports every problem of a file at once", () => {
    expect(problems({ vouchers: { modelServices: -1, computingServices: -2 }, x: 1 })).toHaveLength(3);
  });

  it("accepts amounts with two decimals and the format's limits", () => {
    expect(problems({ events: { expenses: 0.01 }, vouchers: { modelServices: 1e12, computingServices: 0 } })).toEqual([]);
  });

  it("accepts 11#N references that exist", () => {
    expect(problems({ infrastructure: [{}, {}], overlaps: [["11#2", "12"]] })).toEqual([]);
  });

  it("accepts units while the number of scenario projects is unknown", () => {
    expect(problems({ overlaps: [[{ item: "12", units: 3 }, "14"]] })).toEqual([]);
  });

  it("accepts 11 with several projects: the whole item, every project (format 1.1)", () => {
    expect(problems({ infrastructure: [{}, {}], overlaps: [["11", "12"]] })).toEqual([]);
  });
});
