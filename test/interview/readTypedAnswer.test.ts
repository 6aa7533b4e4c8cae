import { describe, expect, it } from "vitest";
import { MAX_REPLY_LENGTH } from "../../src/interview/readTypedAnswer.js";
import { initialState, type InterviewState } from "../../src/interview/state.js";
import { AS_OF, play, noticesOf, at } from "./conversation.js";

const type = (state: InterviewState, text: string) => play([{ type: "text", text }], state);

describe("how long a typed reply may be", () => {
  it(`reads a reply of exactly ${MAX_REPLY_LENGTH} characters, and refuses one longer unread`, () => {
    const name = at("name", ["yes", "1", "1", "9"]);
    // Too long for a name, but read: the name question explains what it takes.
    expect(noticesOf(type(name, "x".repeat(MAX_REPLY_LENGTH)).out)).toEqual(["interview.invalid.text"]);
    expect(noticesOf(type(name, "x".repeat(MAX_REPLY_LENGTH + 1)).out)).toEqual(["interview.tooLong"]);
  });
});

describe("text before the interview has started", () => {
  it("is answered with a note and changes nothing", () => {
    const state = initialState("en", AS_OF);
    const { state: after, out } = type(state, "yes");
    expect(out).toEqual([{ type: "notice", key: "interview.finished" }]);
    expect(after).toEqual(state);
  });
});

describe("typed answers to choice questions", () => {
  it("a recognition is chosen by its number", () => {
    const state = at("recognitions", ["yes", "1", "1", "5", "skip"]);
    const { state: after } = type(state, "4, 5");
    expect(after.log.at(-1)).toEqual({ key: "recognitions", value: ["miit_key_laboratory", "beijing_high_end_design_center"] });
  });

  it("an overlap answer naming no option is refused with its own note", () => {
    const state = at("overlap#0", ["yes", "1", "1", "10 11", "skip", "1", "0", "yes", "yes", "no"]);
    const { state: after, out } = type(state, "99");
    expect(noticesOf(out)).toEqual(["interview.invalid.overlap"]);
    expect(after.log).toEqual(state.log);
    expect(after.current).toBe("overlap#0");
  });
});

describe("an amount written in words", () => {
  it("is echoed for confirmation with no other message", () => {
    const state = at("modelServices", ["yes", "1", "1", "3", "skip", "yes"]);
    const { out } = type(state, "30万");
    expect(noticesOf(out)).toEqual([]);
    expect(out.every((m) => typeof m === "object" && m.type !== undefined)).toBe(true);
    expect(out.at(-1)).toMatchObject({ type: "confirm_amount", fen: 30_000_000 });
  });

  it("hedged, is echoed after a note that an estimate will do", () => {
    const state = at("modelServices", ["yes", "1", "1", "3", "skip", "yes"]);
    const { out } = type(state, "约30万");
    expect(noticesOf(out)).toEqual(["interview.amount.estimate"]);
    expect(out.at(-1)).toMatchObject({ type: "confirm_amount", fen: 30_000_000 });
  });
});
