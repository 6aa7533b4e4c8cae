import { describe, expect, it } from "vitest";
import { isDontKnow, normalise, parseChoice, parseChoices, parseCommand, parseYesNo } from "../../src/interview/parseReply.js";

const SIZES = { labels: ["Small", "Medium", "Large"], values: ["small_firm", "medium_firm", "large_firm"] };
const choice = (text: string, labels = SIZES.labels, values = SIZES.values) => parseChoice(text, labels, values);
const choices = (text: string, labels = SIZES.labels, values = SIZES.values) => parseChoices(text, labels, values);

describe("typed words are read alike however they are written", () => {
  it("folds full-width letters, case, surrounding space and trailing full stops", () => {
    expect(normalise("  ＹＥＳ。 ")).toBe("yes");
    expect(normalise("Not   Sure!!")).toBe("not sure");
  });

  it("keeps punctuation inside a reply", () => {
    expect(normalise("1.5")).toBe("1.5");
    expect(normalise("a. b")).toBe("a. b");
  });

  it("reads a typographic apostrophe as a plain one", () => {
    expect(normalise("Don\u2019t know")).toBe("don't know");
    expect(choice("I don\u2019t mind", ["I don't mind", "Other"], ["any", "other"])).toBe(0);
  });
});

describe("yes, no and don't know", () => {
  it("reads yes and no in both languages, with emphasis", () => {
    expect(parseYesNo("YES")).toBe(true);
    expect(parseYesNo("yes!!")).toBe(true);
    expect(parseYesNo("是的。")).toBe(true);
    expect(parseYesNo("No.")).toBe(false);
    expect(parseYesNo("不是")).toBe(false);
  });

  it("reads don't know as its own answer, however spaced", () => {
    expect(parseYesNo("not sure")).toBe("dont_know");
    expect(parseYesNo("not  sure")).toBe("dont_know");
    expect(parseYesNo("不知道")).toBe("dont_know");
    expect(isDontKnow("Don\u2019t know")).toBe(true);
    expect(isDontKnow("yes")).toBe(false);
  });

  it("reads anything else as no answer", () => {
    expect(parseYesNo("maybe")).toBeNull();
    expect(parseYesNo("yes please")).toBeNull();
  });
});

describe("a single choice", () => {
  it("takes the option's number, counting from one", () => {
    expect(choice("1")).toBe(0);
    expect(choice("3")).toBe(2);
  });

  it("refuses a number that is not an option", () => {
    expect(choice("0")).toBeNull();
    expect(choice("4")).toBeNull();
  });

  it("takes a two-digit option number when there are that many options", () => {
    const labels = Array.from({ length: 12 }, (_, i) => `Topic ${String.fromCharCode(97 + i)}`);
    const values = labels.map((_, i) => `t${i}`);
    expect(choice("12", labels, values)).toBe(11);
  });

  it("takes the option's label, in any case, the first option too", () => {
    expect(choice("small")).toBe(0);
    expect(choice("LARGE")).toBe(2);
  });

  it("takes a label that contains a number", () => {
    const labels = ["Type 1", "Type 2", "2nd floor"];
    expect(choice("type 2", labels, ["a", "b", "c"])).toBe(1);
    expect(choice("2nd floor", labels, ["a", "b", "c"])).toBe(2);
    expect(choice("2nd", ["1st", "2nd"], ["a", "b"])).toBe(1);
  });

  it("takes the option's value, in any case, the first option too", () => {
    expect(choice("small_firm")).toBe(0);
    expect(choice("Medium_Firm")).toBe(1);
  });

  it("refuses text that is neither a number, a label nor a value", () => {
    expect(choice("huge")).toBeNull();
    expect(choice("")).toBeNull();
  });
});

describe("several choices", () => {
  it("takes numbers separated by commas, Chinese commas or spaces, in the order typed", () => {
    expect(choices("3, 1")).toEqual([2, 0]);
    expect(choices("1、3")).toEqual([0, 2]);
    expect(choices("2 3")).toEqual([1, 2]);
  });

  it("ignores a separator left at either end", () => {
    expect(choices("1,")).toEqual([0]);
    expect(choices(",2, 3,")).toEqual([1, 2]);
  });

  it("counts an option typed twice once", () => {
    expect(choices("1 1, 2")).toEqual([0, 1]);
  });

  it("reads none of these as an empty choice", () => {
    expect(choices("None")).toEqual([]);
    expect(choices("以上都没有")).toEqual([]);
  });

  it("refuses separators alone and any part that is not an option", () => {
    expect(choices(",")).toBeNull();
    expect(choices("1, 9")).toBeNull();
  });
});

describe("typed commands", () => {
  it("reads the command words, with or without a slash", () => {
    expect(parseCommand("back")).toEqual({ type: "back" });
    expect(parseCommand("/Back")).toEqual({ type: "back" });
    expect(parseCommand("上一步")).toEqual({ type: "back" });
    expect(parseCommand("/english")).toEqual({ type: "lang", lang: "en" });
  });

  it("reads skip in both languages", () => {
    expect(parseCommand("skip")).toEqual({ type: "skip" });
    expect(parseCommand("/skip")).toEqual({ type: "skip" });
    expect(parseCommand("跳过")).toEqual({ type: "skip" });
  });

  it("reads edit with the number of the answer, spaced or not", () => {
    expect(parseCommand("edit 2")).toEqual({ type: "edit", n: 2 });
    expect(parseCommand("/edit2")).toEqual({ type: "edit", n: 2 });
    expect(parseCommand("修改 12")).toEqual({ type: "edit", n: 12 });
    expect(parseCommand("edit 123")).toEqual({ type: "edit", n: 123 });
  });

  it("does not read edit inside other words or numbers", () => {
    expect(parseCommand("reedit 2")).toBeNull();
    expect(parseCommand("edit 2x")).toBeNull();
    expect(parseCommand("edit 1.5")).toBeNull();
    expect(parseCommand("edit/2")).toBeNull();
    expect(parseCommand("edit 1234")).toBeNull();
    expect(parseCommand("edit x")).toBeNull();
  });

  it("reads lang with a language code", () => {
    expect(parseCommand("lang zh")).toEqual({ type: "lang", lang: "zh" });
    expect(parseCommand("Language  EN")).toEqual({ type: "lang", lang: "en" });
    expect(parseCommand("语言 en")).toEqual({ type: "lang", lang: "en" });
  });

  it("does not read lang inside other words", () => {
    expect(parseCommand("my lang en")).toBeNull();
    expect(parseCommand("lang english")).toBeNull();
    expect(parseCommand("langen")).toBeNull();
  });

  it("reads an answer as no command", () => {
    expect(parseCommand("yes")).toBeNull();
    expect(parseCommand("2")).toBeNull();
    expect(parseCommand("skipping")).toBeNull();
  });
});
