import { describe, expect, it } from "vitest";
import { encodeEvent, MAX_CALLBACK_BYTES, parseCallbackData, toInterviewEvent, type InterviewAction } from "../../src/bot/callbackData.js";
import { keyOf } from "../../src/interview/buildScreening.js";
import type { InterviewEvent } from "../../src/interview/messages.js";
import { interview } from "./harness.js";

const { bank } = interview;

/** Every button any question can show, at the largest turn and list index the data allows. */
function everyButton(): InterviewEvent[] {
  const turn = 999_999_999;
  return bank.questions.flatMap((q) => {
    const key = keyOf(q.id, q.each ? 999 : null);
    const options = (q.options ?? []).flatMap((o): InterviewEvent[] => [
      { type: "answer", key, turn, value: o.value },
      { type: "toggle", key, turn, option: o.value },
    ]);
    return [
      ...options,
      { type: "answer", key, turn, value: true },
      { type: "done", key, turn },
      { type: "confirm", key, turn, yes: false },
    ] satisfies InterviewEvent[];
  });
}

describe("callback data", () => {
  it("every interview button fits Telegram's 64 bytes and reads back as the same event", () => {
    for (const event of everyButton()) {
      const data = encodeEvent(bank, event, 999_999_999);
      if (data === null) continue;
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(MAX_CALLBACK_BYTES);
      const action = parseCallbackData(data) as InterviewAction;
      expect(toInterviewEvent(bank, action)).toEqual(event);
    }
  });

  it("back, skip and result carry the turn of the message they sit under", () => {
    expect(encodeEvent(bank, { type: "back" }, 7)).toBe("b|7");
    expect(parseCallbackData("s|12")).toEqual({ kind: "move", move: "s", turn: 12 });
    expect(toInterviewEvent(bank, { kind: "move", move: "r", turn: 3 })).toEqual({ type: "result" });
  });

  it("options travel by index, since some option values alone are longer than 64 bytes", () => {
    expect(encodeEvent(bank, { type: "answer", key: "kind", turn: 2, value: "enterprise" }, 2)).toBe("a|2|kind|o0");
    expect(toInterviewEvent(bank, { kind: "answer", turn: 2, key: "kind", value: 0 })).toEqual({ type: "answer", key: "kind", turn: 2, value: "enterprise" });
  });

  it("reads the bot's other buttons", () => {
    expect(parseCallbackData("l|zh")).toEqual({ kind: "lang", lang: "zh" });
    expect(parseCallbackData("ar|19")).toEqual({ kind: "article", article: "19" });
    expect(parseCallbackData("del|y")).toEqual({ kind: "delete", yes: true });
    expect(parseCallbackData("rp|TZ-20260301-7KQ3M2XA")).toEqual({ kind: "report", caseId: "TZ-20260301-7KQ3M2XA" });
    expect(parseCallbackData("go")).toEqual({ kind: "go" });
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
    expect(parseCallbackData(data)).toBeNull();
  });

  it("an option index the question does not have is no event", () => {
    expect(toInterviewEvent(bank, { kind: "answer", turn: 2, key: "kind", value: 99 })).toBeNull();
    expect(toInterviewEvent(bank, { kind: "toggle", turn: 2, key: "nosuchquestion", index: 0 })).toBeNull();
  });
});
