import { describe, expect, it } from "vitest";
import { displayWidth, tableHeader, tableRow, wrap } from "../../src/result/textTable.js";

describe("plain-text tables", () => {
  it("counts CJK, Hangul and full-width characters as two cells, everything else as one", () => {
    expect(displayWidth("abc 1,2")).toBe(7);
    expect(displayWidth("通州区")).toBe(6);
    expect(displayWidth("上限，")).toBe(6);
    expect(displayWidth("한국")).toBe(4);
    expect(displayWidth("\u1100\u115f\u1160")).toBe(5);
    expect(displayWidth("\u2e80\ua4cf\ua4d0")).toBe(5);
    expect(displayWidth("ｱ￥")).toBe(3);
    expect(displayWidth("")).toBe(0);
  });

  it("breaks English between words, dropping the spaces at the break", () => {
    expect(wrap("the quick brown fox", 9)).toEqual(["the quick", "brown fox"]);
    expect(wrap("the quick brown fox", 10)).toEqual(["the quick", "brown fox"]);
    expect(wrap("the quick brown fox", 19)).toEqual(["the quick brown fox"]);
    expect(wrap("a  b", 1)).toEqual(["a", "b"]);
  });

  it("never splits an English amount or a word longer than the line", () => {
    expect(wrap("up to RMB 1,234,567.00 a year", 8)).toEqual(["up to", "RMB 1,234,567.00", "a year"]);
    expect(wrap("incomprehensibilities", 5)).toEqual(["incomprehensibilities"]);
  });

  it("breaks Chinese between any two characters, keeping closing punctuation on the line before", () => {
    expect(wrap("一二三四五", 4)).toEqual(["一二", "三四", "五"]);
    expect(wrap("一二，三四。五", 4)).toEqual(["一二，", "三四。", "五"]);
    expect(wrap("第六条：模型券", 8)).toEqual(["第六条：", "模型券"]);
  });

  it("gives one empty line for an empty or blank text", () => {
    expect(wrap("", 10)).toEqual([""]);
    expect(wrap("   ", 10)).toEqual([""]);
  });

  it("pads cells to their columns, right-aligned where asked, and wraps a cell onto more lines", () => {
    const columns = [{ width: 5 }, { width: 6, align: "right" as const }];
    expect(tableRow(columns, ["ab", "12"])).toEqual(["ab         12"]);
    expect(tableRow(columns, ["one two", "3"])).toEqual(["one         3", "two"]);
    expect(tableRow(columns, ["通州", "1"])).toEqual(["通州        1"]);
    expect(tableRow([{ width: 3 }, { width: 3 }], ["abcdef", "x"])).toEqual(["abcdef  x"]);
  });

  it("puts a rule under the header, as wide as each column", () => {
    expect(tableHeader([{ width: 4 }, { width: 2, align: "right" }], ["Item", "No"])).toEqual(["Item  No", "----  --"]);
  });
});
