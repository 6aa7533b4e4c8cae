import { describe, expect, it } from "vitest";
import { MAX_FEN } from "../../src/engine/money.js";
import { MAX_COUNT } from "../../src/engine/screening.js";
import type { Question } from "../../src/interview/questionBank.js";
import { MAX_LISTED_PROJECTS, MAX_TEXT_LENGTH, NO_SHARED_PROJECT, validateAnswer, validateText } from "../../src/interview/validateAnswer.js";
import { ctx } from "./conversation.js";

/** Button data comes back from the chat client and can be forged or stale: every value is checked against the question. */
const question = (id: string): Question => ctx.bank.byId.get(id)!;

describe("a forged or stale button value is refused", () => {
  it("a yes/no question takes true or false, not the words or numbers", () => {
    expect(validateAnswer(question("jurisdiction"), true)).toBe(true);
    expect(validateAnswer(question("jurisdiction"), false)).toBe(false);
    for (const value of ["yes", 1, 0, null, undefined]) expect(validateAnswer(question("jurisdiction"), value)).toBeNull();
  });

  it("a single choice takes one of the options offered, and nothing else", () => {
    expect(validateAnswer(question("kind"), "enterprise")).toBe("enterprise");
    expect(validateAnswer(question("kind"), "government")).toBeNull();
    expect(validateAnswer(question("kind"), ["enterprise"])).toBeNull();
    expect(validateAnswer(question("kind"), 0)).toBeNull();
  });

  it("a single choice refuses an option of the bank that is not offered now", () => {
    expect(validateAnswer(question("kind"), "enterprise", ["social_organization"])).toBeNull();
    expect(validateAnswer(question("kind"), "social_organization", ["social_organization"])).toBe("social_organization");
  });

  it("a multiple choice takes distinct options offered, and refuses duplicates, unknown options and non-lists", () => {
    expect(validateAnswer(question("sectors"), ["ai", "blockchain"])).toEqual(["ai", "blockchain"]);
    expect(validateAnswer(question("sectors"), [])).toEqual([]);
    expect(validateAnswer(question("sectors"), ["ai", "ai"])).toBeNull();
    expect(validateAnswer(question("sectors"), ["ai", "gambling"])).toBeNull();
    expect(validateAnswer(question("sectors"), ["ai", 3])).toBeNull();
    expect(validateAnswer(question("sectors"), "ai")).toBeNull();
  });

  it("topics and recognitions are checked the same way", () => {
    expect(validateAnswer(question("topics"), ["growth", "growth"])).toBeNull();
    expect(validateAnswer(question("topics"), ["growth", "vouchers"])).toEqual(["growth", "vouchers"]);
    expect(validateAnswer(question("recognitions"), ["miit_key_laboratory", "nobel_prize"])).toBeNull();
    expect(validateAnswer(question("recognitions"), ["miit_key_laboratory"])).toEqual(["miit_key_laboratory"]);
  });

  it("an amount is whole fen from 0 to the largest amount the format allows", () => {
    expect(validateAnswer(question("modelServices"), 0)).toBe(0);
    expect(validateAnswer(question("modelServices"), 12_345_678)).toBe(12_345_678);
    expect(validateAnswer(question("modelServices"), MAX_FEN)).toBe(MAX_FEN);
    for (const value of [-1, 0.5, MAX_FEN + 1, Number.NaN, Number.POSITIVE_INFINITY, "100", null]) {
      expect(validateAnswer(question("modelServices"), value), String(value)).toBeNull();
    }
  });

  it("a count is a whole number from 0 to the format's largest count", () => {
    expect(validateAnswer(question("scenarioProjects"), 0)).toBe(0);
    expect(validateAnswer(question("scenarioProjects"), MAX_COUNT)).toBe(MAX_COUNT);
    for (const value of [-1, 2.5, MAX_COUNT + 1, "3", null]) expect(validateAnswer(question("scenarioProjects"), value), String(value)).toBeNull();
  });

  it(`a count that lists projects stops at ${MAX_LISTED_PROJECTS}, since each project brings its own questions`, () => {
    expect(validateAnswer(question("infrastructureProjects"), MAX_LISTED_PROJECTS)).toBe(MAX_LISTED_PROJECTS);
    expect(validateAnswer(question("infrastructureProjects"), MAX_LISTED_PROJECTS + 1)).toBeNull();
    expect(validateAnswer(question("infrastructureProjects"), -1)).toBeNull();
  });

  it("a name is trimmed and refused when empty, too long, or carrying control characters", () => {
    expect(validateAnswer(question("name"), "  Acme Ltd  ")).toBe("Acme Ltd");
    expect(validateText("x".repeat(MAX_TEXT_LENGTH))).toBe("x".repeat(MAX_TEXT_LENGTH));
    for (const value of ["   ", "x".repeat(MAX_TEXT_LENGTH + 1), "Acme\u0000Ltd", "Acme\nLtd", "Acme\u2028Ltd", 42, null]) {
      expect(validateText(value), JSON.stringify(value)).toBeNull();
    }
  });
});

describe("the Article 16 question takes one shared project: two or more members, or none", () => {
  const overlap = question("overlap");
  const offered = [NO_SHARED_PROJECT, "scenario", "event", "platform"];

  it("two or more distinct members offered make a group", () => {
    expect(validateAnswer(overlap, ["scenario", "event"], offered)).toEqual(["scenario", "event"]);
    expect(validateAnswer(overlap, ["scenario", "event", "platform"], offered)).toEqual(["scenario", "event", "platform"]);
  });

  it("\"none\" alone, or nothing ticked, records that no project is shared", () => {
    expect(validateAnswer(overlap, [NO_SHARED_PROJECT], offered)).toEqual([]);
    expect(validateAnswer(overlap, [], offered)).toEqual([]);
  });

  it("one member alone, none beside members, a member twice, or one not offered is refused", () => {
    expect(validateAnswer(overlap, ["scenario"], offered)).toBeNull();
    expect(validateAnswer(overlap, [NO_SHARED_PROJECT, "scenario", "event"], offered)).toBeNull();
    expect(validateAnswer(overlap, ["scenario", "scenario"], offered)).toBeNull();
    expect(validateAnswer(overlap, ["scenario", "recognition:0"], offered)).toBeNull();
    expect(validateAnswer(overlap, "scenario", offered)).toBeNull();
  });
});
