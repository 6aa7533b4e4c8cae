import { describe, expect, it } from "vitest";
import { routeText } from "../../src/conversation/freeText.js";
import { t } from "../../src/i18n/translate.js";
import { action, build, command, core, expectedReplies, FakeAssistant, recordOf, text } from "./harness.js";

const open = () => core([]).state;
const finished = () => core([{ type: "answer", key: "jurisdiction", turn: 1, value: false }]).state;

describe("where typed text goes", () => {
  it("ask …, 问 … and 提问 … go to the FAQ at any time, the question trimmed", () => {
    expect(routeText("ask who can apply ", open())).toEqual({ to: "faq", question: "who can apply" });
    expect(routeText("  ASK  Who?", null)).toEqual({ to: "faq", question: "Who?" });
    expect(routeText("问 谁可以申请", finished())).toEqual({ to: "faq", question: "谁可以申请" });
    expect(routeText("提问 补贴多少", open())).toEqual({ to: "faq", question: "补贴多少" });
    expect(routeText("ask line one\nline two", open())).toEqual({ to: "faq", question: "line one\nline two" });
  });

  it("ask without a question, or run into the word, is not a FAQ request", () => {
    expect(routeText("ask", open())).toEqual({ to: "interview" });
    expect(routeText("asking", open())).toEqual({ to: "interview" });
    expect(routeText("ask", null)).toEqual({ to: "faq", question: "ask" });
  });

  it("explain, 解释 and 说明 ask for the explanation, in any case and spacing, with or without a screening", () => {
    for (const word of ["explain", " Explain ", "EXPLAIN", "解释", "说明"]) {
      expect(routeText(word, open())).toEqual({ to: "explain" });
      expect(routeText(word, null)).toEqual({ to: "explain" });
    }
    expect(routeText("explain this", null)).toEqual({ to: "faq", question: "explain this" });
  });

  it("anything else goes to an open screening", () => {
    expect(routeText("yes", open())).toEqual({ to: "interview" });
    expect(routeText("what is an SME?", open())).toEqual({ to: "interview" });
  });

  it("after a finished screening, only its command words go to it; other text is a FAQ question", () => {
    expect(routeText("restart", finished())).toEqual({ to: "interview" });
    expect(routeText(" summary ", finished())).toEqual({ to: "interview" });
    expect(routeText("yes", finished())).toEqual({ to: "faq", question: "yes" });
  });

  it("without a screening, text is a FAQ question", () => {
    expect(routeText("  who can apply?  ", null)).toEqual({ to: "faq", question: "who can apply?" });
  });
});

describe("typed text in a conversation", () => {
  it("an answer typed into the open screening: the next question, as a new message", async () => {
    const built = build();
    await built.handle(command("check"));
    const turn = await built.handle(text("yes"));
    const expected = core([{ type: "text", text: "yes" }]);
    expect(turn).toEqual({ replies: expectedReplies(expected.state, expected.out, false), later: null, outcome: "ok" });
    expect((await recordOf(built)).interview).toEqual(expected.state);
  });

  it("ask … mid-screening goes to the FAQ and leaves the screening as it was", async () => {
    const assistant = new FakeAssistant();
    const built = build({ assistant });
    await built.handle(command("check"));
    const before = await recordOf(built);
    const turn = await built.handle(text("ask yes"));
    expect(turn.replies).toEqual([]);
    expect(await turn.later).toEqual([{ type: "message", text: "llm answer: yes" }]);
    await built.service.drain();
    expect((await recordOf(built)).interview).toEqual(before.interview);
  });

  it("restart typed after a finished screening begins a new one", async () => {
    const built = build();
    await built.handle(command("check"));
    await built.handle(action({ kind: "answer", key: "jurisdiction", turn: 1, value: false }));
    const turn = await built.handle(text("restart"));
    const expected = core([{ type: "answer", key: "jurisdiction", turn: 1, value: false }, { type: "text", text: "restart" }]);
    expect(turn.replies).toEqual(expectedReplies(expected.state, expected.out, false));
    expect((await recordOf(built)).interview).toEqual(expected.state);
    expect(expected.state.done).toBe(false);
  });

  it("other text with no open screening is a question for the FAQ", async () => {
    const assistant = new FakeAssistant();
    const built = build({ assistant });
    const turn = await built.handle(text("  Who can apply?  "));
    expect(turn).toMatchObject({ replies: [], outcome: "ok" });
    expect(await turn.later).toEqual([{ type: "message", text: "llm answer: Who can apply?" }]);
    expect(assistant.calls).toEqual([{ kind: "ask", lang: "en", text: "Who can apply?", took: true }]);
  });

  it("explain typed with nothing to explain says there is no screening", async () => {
    const built = build({ assistant: new FakeAssistant() });
    expect(await built.handle(text("解释"), { languageHint: "zh" })).toEqual({ replies: [{ type: "message", text: t("zh", "bot.check.none") }], later: null, outcome: "ignored" });
    expect((await built.handle(text("explain"))).outcome).toBe("ignored");
  });
});
