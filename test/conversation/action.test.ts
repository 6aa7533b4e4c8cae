import { describe, expect, it } from "vitest";
import { actionOfEvent, actionSchema, eventOfAction, isInterviewAction, type Action, type InterviewAction } from "../../src/conversation/action.js";
import { choicesOf } from "../../src/conversation/interviewReplies.js";

const CASE = "TZ-20260301-7KQ3M2XA";

describe("button data", () => {
  it.each<Action>([
    { kind: "answer", key: "jurisdiction", turn: 0, value: true },
    { kind: "answer", key: "kind", turn: 999_999_999, value: "enterprise" },
    { kind: "answer", key: "recognition#12", turn: 3, value: "x".repeat(100) },
    { kind: "toggle", key: "sectors", turn: 3, option: "ai" },
    { kind: "done", key: "sectors", turn: 3 },
    { kind: "confirm", key: "itaiContract", turn: 9, yes: false },
    { kind: "move", move: "back", turn: 1 },
    { kind: "move", move: "skip", turn: 1 },
    { kind: "move", move: "result", turn: 1 },
    { kind: "go" },
    { kind: "new" },
    { kind: "lang", lang: "zh" },
    { kind: "articles" },
    { kind: "article", article: "1" },
    { kind: "article", article: "19" },
    { kind: "article", article: "9" },
    { kind: "delete", yes: true },
    { kind: "explain", caseId: CASE },
    { kind: "report", caseId: CASE },
  ])("reads %j", (data) => {
    expect(actionSchema.parse(data)).toEqual(data);
  });

  it.each([
    { kind: "answer", key: "jurisdiction", turn: -1, value: true },
    { kind: "answer", key: "jurisdiction", turn: 1_000_000_000, value: true },
    { kind: "answer", key: "jurisdiction", turn: 1.5, value: true },
    { kind: "answer", key: "jurisdiction", turn: 1, value: "" },
    { kind: "answer", key: "jurisdiction", turn: 1, value: "x".repeat(101) },
    { kind: "answer", key: "jurisdiction", turn: 1, value: 3 },
    { kind: "answer", key: "not a key", turn: 1, value: true },
    { kind: "toggle", key: "sectors", turn: 3, option: "" },
    { kind: "move", move: "restart", turn: 1 },
    { kind: "go", extra: 1 },
    { kind: "lang", lang: "fr" },
    { kind: "article", article: "0" },
    { kind: "article", article: "20" },
    { kind: "article", article: "06" },
    { kind: "explain", caseId: "TZ-1" },
    { kind: "report", caseId: CASE.toLowerCase() },
    { kind: "delete" },
    { kind: "unknown" },
  ])("refuses %j", (data) => {
    expect(actionSchema.safeParse(data).success).toBe(false);
  });

  it("interview actions are those that carry a turn", () => {
    expect(isInterviewAction({ kind: "move", move: "back", turn: 1 })).toBe(true);
    expect(isInterviewAction({ kind: "done", key: "k", turn: 1 })).toBe(true);
    expect(isInterviewAction({ kind: "go" })).toBe(false);
    expect(isInterviewAction({ kind: "delete", yes: true })).toBe(false);
  });
});

describe("interview events and buttons", () => {
  it("a button's event becomes its action; moves take the turn the button was shown under", () => {
    expect(actionOfEvent({ type: "answer", key: "k", turn: 2, value: true }, 5)).toEqual({ kind: "answer", key: "k", turn: 2, value: true });
    expect(actionOfEvent({ type: "answer", key: "k", turn: 2, value: "opt" }, 5)).toEqual({ kind: "answer", key: "k", turn: 2, value: "opt" });
    expect(actionOfEvent({ type: "toggle", key: "k", turn: 2, option: "o" }, 5)).toEqual({ kind: "toggle", key: "k", turn: 2, option: "o" });
    expect(actionOfEvent({ type: "done", key: "k", turn: 2 }, 5)).toEqual({ kind: "done", key: "k", turn: 2 });
    expect(actionOfEvent({ type: "confirm", key: "k", turn: 2, yes: false }, 5)).toEqual({ kind: "confirm", key: "k", turn: 2, yes: false });
    expect(actionOfEvent({ type: "back" }, 5)).toEqual({ kind: "move", move: "back", turn: 5 });
    expect(actionOfEvent({ type: "skip" }, 6)).toEqual({ kind: "move", move: "skip", turn: 6 });
    expect(actionOfEvent({ type: "result" }, 7)).toEqual({ kind: "move", move: "result", turn: 7 });
    expect(actionOfEvent({ type: "restart" }, 7)).toEqual({ kind: "new" });
  });

  it("events no button stands for have no action", () => {
    expect(actionOfEvent({ type: "answer", key: "k", turn: 2, value: 100 }, 5)).toBeNull();
    expect(actionOfEvent({ type: "answer", key: "k", turn: 2, value: ["a"] }, 5)).toBeNull();
    expect(actionOfEvent({ type: "text", text: "yes" }, 5)).toBeNull();
    expect(actionOfEvent({ type: "start" }, 5)).toBeNull();
    expect(actionOfEvent({ type: "summary" }, 5)).toBeNull();
    expect(actionOfEvent({ type: "edit", n: 1 }, 5)).toBeNull();
    expect(actionOfEvent({ type: "lang", lang: "en" }, 5)).toBeNull();
  });

  it("an interview action becomes the event it stands for", () => {
    const cases: [InterviewAction, unknown][] = [
      [{ kind: "move", move: "back", turn: 4 }, { type: "back" }],
      [{ kind: "move", move: "skip", turn: 4 }, { type: "skip" }],
      [{ kind: "move", move: "result", turn: 4 }, { type: "result" }],
      [{ kind: "answer", key: "k", turn: 4, value: false }, { type: "answer", key: "k", turn: 4, value: false }],
      [{ kind: "toggle", key: "k", turn: 4, option: "o" }, { type: "toggle", key: "k", turn: 4, option: "o" }],
      [{ kind: "done", key: "k", turn: 4 }, { type: "done", key: "k", turn: 4 }],
      [{ kind: "confirm", key: "k", turn: 4, yes: true }, { type: "confirm", key: "k", turn: 4, yes: true }],
    ];
    for (const [action, event] of cases) expect(eventOfAction(action)).toEqual(event);
  });

  it("buttons without an action are left out, and so are rows left empty", () => {
    const rows = choicesOf(
      [
        [{ label: "A", event: { type: "answer", key: "k", turn: 2, value: 5 } }],
        [{ label: "B", event: { type: "skip" } }, { label: "C", event: { type: "summary" } }, { label: "D", event: { type: "done", key: "k", turn: 2 } }],
        [],
      ],
      3,
    );
    expect(rows).toEqual([[{ label: "B", action: { kind: "move", move: "skip", turn: 3 } }, { label: "D", action: { kind: "done", key: "k", turn: 2 } }]]);
  });
});
