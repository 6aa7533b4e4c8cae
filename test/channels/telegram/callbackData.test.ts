import { describe, expect, it } from "vitest";
import { decodeCallback, encodeAction, MAX_CALLBACK_BYTES } from "../../../src/channels/telegram/callbackData.js";
import type { Action } from "../../../src/conversation/index.js";
import { keyOf } from "../../../src/interview/buildScreening.js";
import { interview } from "./harness.js";

const { bank } = interview;

/** Every button any question can show, at the largest turn and list index the data allows. */
function everyButton(): Action[] {
  const turn = 999_999_999;
  return bank.questions.flatMap((q) => {
    // Per-entry questions and the Article 16 question (once per shared project) carry an index.
    const key = keyOf(q.id, q.each || q.type === "overlaps" ? 999 : null);
    const options = (q.options ?? []).flatMap((o): Action[] => [
      { kind: "answer", key, turn, value: o.value },
      { kind: "toggle", key, turn, option: o.value },
    ]);
    return [
      ...options,
      { kind: "answer", key, turn, value: true },
      { kind: "done", key, turn },
      { kind: "confirm", key, turn, yes: false },
    ] satisfies Action[];
  });
}

describe("callback data", () => {
  it("every interview button fits Telegram's 64 bytes and reads back as the same action", () => {
    let encoded = 0;
    for (const action of everyButton()) {
      const data = encodeAction(bank, action);
      expect(data, JSON.stringify(action)).not.toBeNull();
      encoded += 1;
      expect(Buffer.byteLength(data!)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
      expect(decodeCallback(bank, data)).toEqual(action);
    }
    expect(encoded).toBeGreaterThan(100);
  });

  it("back, skip and result carry the turn of the message they sit under", () => {
    expect(encodeAction(bank, { kind: "move", move: "back", turn: 7 })).toBe("b|7");
    expect(decodeCallback(bank, "s|12")).toEqual({ kind: "move", move: "skip", turn: 12 });
    expect(decodeCallback(bank, "r|3")).toEqual({ kind: "move", move: "result", turn: 3 });
  });

  it("options travel by index, since some option values alone are longer than 64 bytes", () => {
    expect(encodeAction(bank, { kind: "answer", key: "kind", turn: 2, value: "enterprise" })).toBe("a|2|kind|o0");
    expect(decodeCallback(bank, "a|2|kind|o0")).toEqual({ kind: "answer", key: "kind", turn: 2, value: "enterprise" });
  });

  it("reads and writes the bot's other buttons", () => {
    const others: [string, Action][] = [
      ["l|zh", { kind: "lang", lang: "zh" }],
      ["ar|19", { kind: "article", article: "19" }],
      ["del|y", { kind: "delete", yes: true }],
      ["rp|TZ-20260301-7KQ3M2XA", { kind: "report", caseId: "TZ-20260301-7KQ3M2XA" }],
      ["x|TZ-20260301-7KQ3M2XA", { kind: "explain", caseId: "TZ-20260301-7KQ3M2XA" }],
      ["go", { kind: "go" }],
      ["new", { kind: "new" }],
      ["al", { kind: "articles" }],
    ];
    for (const [data, action] of others) {
      expect(decodeCallback(bank, data)).toEqual(action);
      expect(encodeAction(bank, action)).toBe(data);
    }
  });

  it.each([
    ["empty", ""],
    ["unknown prefix", "zz|1"],
    ["a turn that is not a number", "b|x"],
    ["a question key with a path", "a|1|../etc|y"],
    ["an answer that is neither yes/no nor an option", "a|1|sme|maybe"],
    ["an Article out of range", "ar|20"],
    ["a case id of the wrong shape", "rp|TZ-1"],
    ["extra fields", "go|1"],
    ["over 64 bytes", `a|1|${"x".repeat(70)}|y`],
    ["not a string", 42],
  ])("refuses %s", (_, data) => {
    expect(decodeCallback(bank, data)).toBeNull();
  });

  it("an option index the question does not have is no action, and an option value it does not have is not encoded", () => {
    expect(decodeCallback(bank, "a|2|kind|o99")).toBeNull();
    expect(decodeCallback(bank, "t|2|nosuchquestion|0")).toBeNull();
    expect(encodeAction(bank, { kind: "answer", key: "kind", turn: 2, value: "no_such_kind" })).toBeNull();
  });
});
