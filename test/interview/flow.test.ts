import { describe, expect, it } from "vitest";
import { currentOptions, currentResult, step } from "../../src/interview/interview.js";
import type { InterviewEvent, OutMessage } from "../../src/interview/messages.js";
import { initialState, type InterviewState } from "../../src/interview/state.js";
import { AS_OF, ctx, play } from "./conversation.js";

type Question = Extract<OutMessage, { type: "question" }>;
const questionOf = (out: OutMessage[]) => out.filter((m): m is Question => m.type === "question").at(-1)!;
const typed = (...texts: string[]): InterviewEvent[] => texts.map((text) => ({ type: "text", text }));

/** An enterprise in the district, in AI, choosing the growth and events topics, its name skipped. */
function pastTheOpening() {
  const played = play([{ type: "start" }, ...typed("yes", "1", "1", "1,12", "skip")]);
  expect(played.state.log.map((e) => e.key)).toEqual(["jurisdiction", "kind", "sectors", "topics", "name"]);
  return { state: played.state, shown: questionOf(played.out) };
}

describe("the end of the interview", () => {
  it("an applicant outside Tongzhou gets the final result at once, with no list of what is ruled out", () => {
    const start = play([{ type: "start" }]).state;
    const { state, out } = step(ctx, start, { type: "text", text: "no" });
    expect(state).toEqual({ ...start, log: [{ key: "jurisdiction", value: false }], current: null, done: true, turn: start.turn + 1 });
    expect(out).toEqual([{ type: "result", evaluation: currentResult(ctx, state).evaluation, final: true }]);
    expect(currentResult(ctx, state).evaluation.items.every((item) => item.status === "not_eligible")).toBe(true);
  });

  it("an edit that ends the interview leaves nothing open for editing", () => {
    const { state } = pastTheOpening();
    const editing = play([{ type: "edit", n: 1 }], state).state;
    expect(editing.editing).toBe(true);
    const ended = step(ctx, editing, { type: "answer", key: "jurisdiction", turn: editing.turn, value: false });
    expect(ended.state).toMatchObject({ current: null, editing: false, pending: null, ticked: [], done: true, turn: editing.turn + 1 });
    expect(ended.state.log).toEqual([{ key: "jurisdiction", value: false }, ...state.log.slice(1)]);
    expect(ended.out).toEqual([{ type: "result", evaluation: currentResult(ctx, ended.state).evaluation, final: true }]);
  });
});

describe("what an answer rules out is said only for the opening questions", () => {
  it("no to fast growth rules Article 4 out without a separate notice: the next question follows", () => {
    let { state } = pastTheOpening();
    for (let guard = 0; state.current !== "fastGrowth" && guard < 10; guard++) state = play([{ type: "skip" }], state).state;
    expect(state.current).toBe("fastGrowth");
    const { state: after, out } = step(ctx, state, { type: "answer", key: "fastGrowth", turn: state.turn, value: false });
    expect(currentResult(ctx, after).evaluation.items.find((item) => item.id === "4")?.status).toBe("not_eligible");
    expect(after.done).toBe(false);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: "question", key: after.current });
  });
});

describe("progress: the question's number and the estimated total", () => {
  it("showing a question again gives the number and estimate it was first shown with", () => {
    const { state, shown } = pastTheOpening();
    expect(shown.n).toBe(6);
    expect(shown.about).toBeGreaterThan(shown.n);
    expect(questionOf(play([{ type: "lang", lang: "zh" }], state).out)).toEqual(shown);
    expect(questionOf(play([{ type: "result" }], state).out)).toEqual(shown);
  });

  it("before the topic picker is answered a repeated question still gives no total", () => {
    const { state, out } = play([{ type: "start" }, ...typed("yes")]);
    expect(questionOf(out)).toMatchObject({ key: "kind", n: 2, about: null });
    expect(questionOf(play([{ type: "lang", lang: "zh" }], state).out)).toEqual(questionOf(out));
  });

  it("an answer reopened for editing shows its own number, and the total is never below it", () => {
    const { state, shown } = pastTheOpening();
    for (const n of [1, 3, 4]) {
      const reopened = questionOf(play([{ type: "edit", n }], state).out);
      expect(reopened.key).toBe(state.log[n - 1]!.key);
      expect(reopened.n).toBe(n);
      expect(reopened.about).toBe(shown.about);
    }
  });

  it("editing an answer replaces it and leaves every other answer as it was", () => {
    const { state } = pastTheOpening();
    const editing = play([{ type: "edit", n: 3 }], state).state;
    const edited = step(ctx, editing, { type: "done", key: "sectors", turn: editing.turn });
    expect(edited.state.log).toEqual(state.log.map((entry) => (entry.key === "sectors" ? { key: "sectors", value: [] } : entry)));
  });
});

describe("the options the current question offers", () => {
  it("none before the interview has started", () => {
    expect(currentOptions(ctx, initialState("en", AS_OF))).toEqual([]);
  });

  it("none for a stored interview whose question is no longer in the bank", () => {
    const state: InterviewState = { ...initialState("en", AS_OF), current: "retiredQuestion", turn: 3 };
    expect(currentOptions(ctx, state)).toEqual([]);
  });

  it("none for a yes/no question, whose buttons are not options", () => {
    const { state, out } = play([{ type: "start" }]);
    expect(currentOptions(ctx, state)).toEqual([]);
    expect(questionOf(out).options).toEqual([]);
  });
});

describe("the result of an answer log", () => {
  it("is worked out once per log: asked again it is the very same result, and the same answers in a new log get an equal one of their own", () => {
    const { state } = pastTheOpening();
    const result = currentResult(ctx, state);
    expect(currentResult(ctx, { ...state, turn: state.turn + 1 })).toBe(result);
    const copy = currentResult(ctx, { ...state, log: [...state.log] });
    expect(copy).not.toBe(result);
    expect(copy).toEqual(result);
  });

  it("is worked out again for another set of rules or another date", () => {
    const { state } = pastTheOpening();
    const result = currentResult(ctx, state);
    expect(currentResult({ ...ctx }, state)).not.toBe(result);
    const again = currentResult(ctx, state);
    const otherDay = { ...state, asOf: "2024-01-01" };
    expect(currentResult(ctx, otherDay)).not.toBe(again);
    expect(currentResult(ctx, otherDay)).toEqual(currentResult(ctx, { ...otherDay, log: [...state.log] }));
  });
});
