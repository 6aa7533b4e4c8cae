import { describe, expect, it } from "vitest";
import { initialState, interviewStateSchema } from "../../src/interview/state.js";

describe("a new interview", () => {
  it("starts with nothing asked, answered, ticked or waiting, not editing and not done", () => {
    const state = initialState("zh", "2026-03-01");
    expect(state).toEqual({ v: 1, lang: "zh", asOf: "2026-03-01", log: [], current: null, turn: 0, editing: false, pending: null, ticked: [], done: false });
    expect(interviewStateSchema.safeParse(state).success).toBe(true);
  });
});
