import { describe, expect, it } from "vitest";
import { fromExcel } from "../../src/spreadsheet/cellValue.js";
import { COLUMN_BY_PATH } from "../../src/spreadsheet/columns.js";
import { defuse } from "../../src/spreadsheet/defuse.js";
import { NONE, readCell } from "../../src/spreadsheet/readCell.js";
import { countedAmount } from "../../src/spreadsheet/resultRow.js";
import type { ResultItem } from "../../src/result/resultFile.js";

const kindOf = (path: string) => COLUMN_BY_PATH.get(path)!.kind;
const read = (value: unknown, path: string) => {
  const cell = fromExcel(value);
  if (cell.type === "empty") return "empty";
  return readCell(cell, kindOf(path));
};

describe("reading cells", () => {
  it("amounts: numbers, 30万, 1.2亿, thousands separators and ¥ are read as in the chat", () => {
    for (const [text, yuan] of [[300000, 300000], ["30万", 300000], ["1.2亿", 120000000], ["1,200,000", 1200000], ["¥ 800,000.50", 800000.5], ["叁拾万元整", 300000]] as const) {
      expect(read(text, "vouchers.modelServices")).toEqual({ ok: true, value: yuan });
    }
    expect(read("-5", "vouchers.modelServices")).toEqual({ ok: false, message: "must be >= 0" });
    expect(read("1万亿零1", "vouchers.modelServices")).toEqual({ ok: false, message: "must be <= 1000000000000 (1e12 yuan)" });
  });

  it("an empty cell, or one of spaces only, is unknown", () => {
    expect(read(null, "applicant.sme")).toBe("empty");
    expect(read("   ", "applicant.sme")).toBe("empty");
  });

  it("yes/no: 是/否, yes/no, true/false, 1/0 and Excel booleans", () => {
    for (const yes of ["是", "YES", "true", "1", 1, true]) expect(read(yes, "applicant.sme")).toEqual({ ok: true, value: true });
    for (const no of ["否", "no", "False", "0", 0, false]) expect(read(no, "applicant.sme")).toEqual({ ok: true, value: false });
    expect(read("对", "applicant.sme")).toMatchObject({ ok: false });
  });

  it("enums: the code in any case or the Chinese label; 无 where none is an answer", () => {
    expect(read("Enterprise", "applicant.kind")).toEqual({ ok: true, value: "enterprise" });
    expect(read("社会组织", "applicant.kind")).toEqual({ ok: true, value: "social_organization" });
    expect(read("无", "applicant.kind")).toMatchObject({ ok: false });
    expect(read("无", "futureIndustries.innovationBase.level")).toEqual({ ok: true, value: NONE });
    expect(read("人工智能、blockchain，信创", "applicant.sectors")).toEqual({ ok: true, value: ["ai", "blockchain", "itai"] });
  });

  it("dates: Excel dates and YYYY-MM-DD text; counts as numbers or words", () => {
    expect(read(new Date("2026-03-01T00:00:00Z"), "asOf")).toEqual({ ok: true, value: "2026-03-01" });
    expect(read("2026-03-01", "asOf")).toEqual({ ok: true, value: "2026-03-01" });
    expect(read(46082, "asOf")).toMatchObject({ ok: false });
    expect(read("三", "scenarios.projects")).toEqual({ ok: true, value: 3 });
  });

  it("a formula is read as its text, never as its cached result", () => {
    expect(read({ formula: "1+2", result: 3 }, "applicant.name")).toEqual({ ok: true, value: "=1+2" });
    expect(read({ formula: "1+2", result: 3 }, "vouchers.modelServices")).toMatchObject({ ok: false });
  });
});

describe("writing cells", () => {
  it("defuses text a spreadsheet could run, and leaves negative numbers and plain text", () => {
    expect(["=1+2", "+1", "@SUM(A1)", "\tx", "\rx", "-x", "-1", "-1.5", "甲公司", "a=b"].map(defuse)).toEqual(["'=1+2", "'+1", "'@SUM(A1)", "'\tx", "'\rx", "'-x", "-1", "-1.5", "甲公司", "a=b"]);
  });

  it("the counted amount is countedSupport when the result gives it, else the maximum of a counted item", () => {
    const item = { id: "12", status: "eligible", maxSupport: 2000000, counted: true } as ResultItem;
    expect(countedAmount(item)).toBe(2000000);
    expect(countedAmount({ ...item, counted: false })).toBe(0);
    expect(countedAmount({ ...item, countedSupport: 1500000 })).toBe(1500000);
    expect(countedAmount({ ...item, status: "needs_info", maxSupport: null })).toBe(0);
  });
});
