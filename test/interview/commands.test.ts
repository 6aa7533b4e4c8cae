import { describe, expect, it } from "vitest";
import { step } from "../../src/interview/interview.js";
import type { OutMessage } from "../../src/interview/messages.js";
import { initialState, interviewStateSchema, type InterviewState } from "../../src/interview/state.js";
import { renderMessage } from "../../src/interview/render.js";
import { AS_OF, ctx, play, noticesOf } from "./conversation.js";

const questionOf = (out: OutMessage[]) => out.filter((m) => m.type === "question").at(-1) as Extract<OutMessage, { type: "question" }> | undefined;
/** An enterprise in the district, past the opening questions, choosing only the vouchers topic (its name skipped). */
function atVouchers(lang: "zh" | "en" = "en"): InterviewState {
  return play(
    [{ type: "start" }, { type: "text", text: "yes" }, { type: "text", text: "1" }, { type: "text", text: "1" }, { type: "text", text: "3" }, { type: "text", text: "skip" }],
    initialState(lang, AS_OF),
  ).state;
}

/** Answers yes to the vouchers questions until the model-services amount is asked. */
function untilModelServices(state: InterviewState): InterviewState {
  for (let guard = 0; state.current !== "modelServices" && guard < 10; guard++) state = play([{ type: "text", text: "yes" }], state).state;
  expect(state.current).toBe("modelServices");
  return state;
}

describe("interview commands and inputs", () => {
  it("opens with the gates, the topic picker and the name, in that order", () => {
    const keys: string[] = [];
    let state = initialState("en", AS_OF);
    for (const text of [null, "yes", "1", "1", "3"]) {
      const next = step(ctx, state, text === null ? { type: "start" } : { type: "text", text });
      state = next.state;
      keys.push(state.current!);
    }
    expect(keys).toEqual(["jurisdiction", "kind", "sectors", "topics", "name"]);
  });

  it("back undoes the last answer and asks that question again", () => {
    const state = atVouchers();
    const { state: back, out } = play([{ type: "back" }], state);
    expect(back.current).toBe("name");
    expect(back.log).toHaveLength(state.log.length - 1);
    expect(questionOf(out)?.key).toBe("name");
  });

  it("back at the first question changes nothing and says so", () => {
    const start = play([{ type: "start" }]).state;
    const { state, out } = play([{ type: "back" }], start);
    expect(state.log).toEqual([]);
    expect(noticesOf(out)).toContain("interview.nothingToUndo");
  });

  it("skip records don't-know and never asks the question again", () => {
    const state = atVouchers();
    const asked = state.current!;
    const { state: after } = play([{ type: "skip" }], state);
    expect(after.log.at(-1)).toEqual({ key: asked, value: null });
    expect(after.current).not.toBe(asked);
  });

  it("restart clears every answer but keeps the language", () => {
    const { state } = play([{ type: "restart" }], atVouchers("zh"));
    expect(state.log).toEqual([]);
    expect(state.lang).toBe("zh");
    expect(state.current).toBe("jurisdiction");
  });

  it("edit reopens an earlier answer and replaces it in place", () => {
    const state = atVouchers();
    const { state: editing } = play([{ type: "edit", n: 2 }], state);
    expect(editing.current).toBe("kind");
    const { state: edited } = play([{ type: "text", text: "3" }], editing);
    expect(edited.log[1]).toEqual({ key: "kind", value: "social_organization" });
    expect(edited.log).toHaveLength(state.log.length);
  });

  it("edit of an answer that does not exist says so and changes nothing", () => {
    const state = atVouchers();
    const { state: after, out } = play([{ type: "edit", n: 99 }], state);
    expect(after).toEqual(state);
    expect(noticesOf(out)).toContain("interview.noSuchAnswer");
  });

  it("switching language mid-interview keeps every answer and repeats the question", () => {
    const state = atVouchers("en");
    const { state: zh, out } = play([{ type: "text", text: "lang zh" }], state);
    expect(zh.lang).toBe("zh");
    expect(zh.log).toEqual(state.log);
    expect(questionOf(out)?.key).toBe(state.current);
  });

  it("an amount is echoed for confirmation before it counts", () => {
    let state = atVouchers();
    state = untilModelServices(state);
    const typed = play([{ type: "text", text: "RMB 1.2m" }], state);
    expect(typed.state.pending).toBe(120_000_000);
    expect(typed.state.log).toEqual(state.log);
    expect(typed.out.at(-1)).toMatchObject({ type: "confirm_amount", fen: 120_000_000 });
    const confirmed = play([{ type: "text", text: "是" }], typed.state);
    expect(confirmed.state.log.at(-1)).toEqual({ key: "modelServices", value: 120_000_000 });
  });

  it("no to the echoed amount asks for it again without recording it", () => {
    let state = atVouchers();
    state = untilModelServices(state);
    const { state: after } = play([{ type: "text", text: "120万" }, { type: "text", text: "no" }], state);
    expect(after.pending).toBeNull();
    expect(after.current).toBe("modelServices");
    expect(after.log).toEqual(state.log);
  });

  it.each([
    ["1.2.3", "interview.amount.invalid"],
    ["abc", "interview.amount.invalid"],
    ["-5", "interview.amount.negative"],
    ["1.234", "interview.amount.too_many_decimals"],
    ["2万亿", "interview.amount.too_large"],
    ["", "interview.amount.empty"],
  ])("the amount %j gets a friendly re-ask and changes nothing", (text, notice) => {
    let state = atVouchers();
    state = untilModelServices(state);
    const { state: after, out } = play([{ type: "text", text }], state);
    expect(noticesOf(out)).toContain(notice);
    expect({ ...after, turn: 0 }).toEqual({ ...state, turn: 0 });
  });

  it.each([
    ["maybe", "interview.invalid.yesNo", "jurisdiction"],
    ["7", "interview.invalid.choice", "kind"],
    ["1,99", "interview.invalid.choices", "sectors"],
  ])("the reply %j to a choice gets a re-ask and changes nothing", (text, notice, at) => {
    const replies = { jurisdiction: [], kind: ["yes"], sectors: ["yes", "1"] }[at]!;
    const state = play([{ type: "start" }, ...replies.map((t) => ({ type: "text" as const, text: t }))]).state;
    expect(state.current).toBe(at);
    const { state: after, out } = play([{ type: "text", text }], state);
    expect(noticesOf(out)).toContain(notice);
    expect(after.log).toEqual(state.log);
  });

  it("a stale or forged button is ignored with a note", () => {
    const state = atVouchers();
    for (const event of [
      { type: "answer" as const, key: "kind", turn: state.turn, value: "enterprise" },
      { type: "answer" as const, key: state.current!, turn: state.turn - 1, value: true },
      { type: "answer" as const, key: state.current!, turn: state.turn, value: "not a boolean" },
      { type: "toggle" as const, key: state.current!, turn: state.turn, option: "x" },
    ]) {
      const { state: after, out } = play([event], state);
      expect(after.log, JSON.stringify(event)).toEqual(state.log);
      expect(noticesOf(out)).toContain("interview.stale");
    }
  });

  it("hostile or enormous text is refused without changing anything", () => {
    const state = atVouchers();
    const { state: after, out } = play([{ type: "text", text: "x".repeat(10_000) }], state);
    expect(noticesOf(out)).toContain("interview.tooLong");
    expect(after.log).toEqual(state.log);
    const weird = play([{ type: "text", text: "<script>alert(1)</script> ignore previous instructions" }], state);
    expect(weird.state.log).toEqual(state.log);
  });

  it("multiple choice by buttons: ticks toggle, Done records them", () => {
    const state = play([{ type: "start" }, { type: "text", text: "yes" }, { type: "text", text: "1" }]).state;
    const at = { key: "sectors", turn: state.turn };
    const ticked = play([{ type: "toggle", ...at, option: "ai" }], state).state;
    const twice = play([{ type: "toggle", key: "sectors", turn: ticked.turn, option: "blockchain" }, { type: "toggle", key: "sectors", turn: ticked.turn, option: "ai" }], ticked).state;
    expect(twice.ticked).toEqual(["blockchain"]);
    const done = play([{ type: "done", key: "sectors", turn: twice.turn }], twice).state;
    expect(done.log.at(-1)).toEqual({ key: "sectors", value: ["blockchain"] });
  });

  it("the state survives a JSON round trip and resumes at the same question", () => {
    const state = atVouchers();
    const restored = interviewStateSchema.parse(JSON.parse(JSON.stringify(state)));
    expect(restored).toEqual(state);
    expect(questionOf(play([{ type: "start" }], restored).out)?.key).toBe(state.current);
  });

  it("result mid-way shows the result so far and keeps the question open", () => {
    const state = atVouchers();
    const { state: after, out } = play([{ type: "result" }], state);
    expect(out[0]).toMatchObject({ type: "result", final: false });
    expect(after.current).toBe(state.current);
  });

  it("progress counts up and gives no total until the topic picker has pruned whole Articles", () => {
    const first = questionOf(play([{ type: "start" }]).out)!;
    expect(first).toMatchObject({ n: 1, about: null });
    const atTopics = play([{ type: "start" }, { type: "text", text: "yes" }, { type: "text", text: "1" }, { type: "text", text: "1" }]);
    expect(questionOf(atTopics.out)).toMatchObject({ key: "topics", n: 4, about: null });
    const afterTopics = questionOf(play([{ type: "text", text: "3" }], atTopics.state).out)!;
    expect(afterTopics.n).toBe(5);
    expect(afterTopics.about).toBeGreaterThanOrEqual(5);
    expect(afterTopics.about).toBeLessThan(20);
  });

  it("the opening counter shows the question number without a total", () => {
    const { state, out } = play([{ type: "start" }]);
    const rendered = renderMessage(out[0]!, { bank: ctx.bank, rules: ctx.rules, lang: "en", screening: {} });
    expect(rendered.text.split("\n")[0]).toMatch(/^Question 1 · /);
    expect(rendered.text).not.toContain("of about");
    expect(state.current).toBe("jurisdiction");
  });
});
