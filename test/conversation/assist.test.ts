import { describe, expect, it } from "vitest";
import { DailyAllowance } from "../../src/conversation/llmAllowance.js";
import { t } from "../../src/i18n/translate.js";
import { CONVERSATION_RECORD_VERSION, type ConversationRecord } from "../../src/store/store.js";
import { allReplies, build, command, core, expectedReplies, FakeAssistant, ID, recordOf, text, TODAY } from "./harness.js";

const stored = (llm: ConversationRecord["llm"]): ConversationRecord => ({ schema: CONVERSATION_RECORD_VERSION, conversationId: ID, lang: "en", interview: null, active: true, llm, updatedAt: "2026-02-01T00:00:00.000Z" });

/** Asks and waits for the answer; returns its text. */
async function ask(built: ReturnType<typeof build>, question: string, id = ID): Promise<string> {
  const turn = await built.handle(command("ask", question), {}, id);
  const [reply] = (await turn.later) ?? [];
  await built.service.drain();
  return reply && "text" in reply ? reply.text : "";
}

describe("the daily allowance of LLM calls", () => {
  it("counts from the stored calls of the same day, from zero on another day", () => {
    expect(new DailyAllowance(TODAY, { day: TODAY, calls: 2 }, 3).used).toEqual({ day: TODAY, calls: 2 });
    expect(new DailyAllowance(TODAY, { day: "2026-02-28", calls: 2 }, 3).used).toEqual({ day: TODAY, calls: 0 });
    expect(new DailyAllowance(TODAY, undefined, 3).used).toEqual({ day: TODAY, calls: 0 });
  });

  it("gives calls up to the limit and none after", () => {
    const allowance = new DailyAllowance(TODAY, { day: TODAY, calls: 1 }, 3);
    expect([allowance.tryTake(), allowance.tryTake(), allowance.tryTake()]).toEqual([true, true, false]);
    expect(allowance.used).toEqual({ day: TODAY, calls: 3 });
    expect(new DailyAllowance(TODAY, undefined, 0).tryTake()).toBe(false);
  });

  it("a conversation gets llmDailyLimit LLM answers a day, then the template's; each call is saved on its record", async () => {
    const assistant = new FakeAssistant();
    const built = build({ assistant, llmDailyLimit: 2 });
    await built.handle(command("check"));
    expect(await ask(built, "one")).toBe("llm answer: one");
    expect((await recordOf(built)).llm).toEqual({ day: TODAY, calls: 1 });
    expect(await ask(built, "two")).toBe("llm answer: two");
    expect((await recordOf(built)).llm).toEqual({ day: TODAY, calls: 2 });
    expect(await ask(built, "three")).toBe("template answer: three");
    expect((await recordOf(built)).llm).toEqual({ day: TODAY, calls: 2 });
    expect(assistant.calls.map((call) => call.took)).toEqual([true, true, false]);
  });

  it("a turn that saves the conversation keeps the day's count", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 1 });
    await built.handle(command("check"));
    await ask(built, "a");
    await built.handle(text("yes"));
    expect(await recordOf(built)).toMatchObject({ llm: { day: TODAY, calls: 1 }, interview: { turn: 2 } });
  });

  it("each conversation has its own allowance", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 1 });
    await built.handle(command("check"));
    await built.handle(command("check"), {}, "tg:2");
    expect(await ask(built, "a")).toBe("llm answer: a");
    expect(await ask(built, "b", "tg:2")).toBe("llm answer: b");
    expect(await ask(built, "c")).toBe("template answer: c");
  });

  it("the count starts again at midnight in Beijing, not at midnight UTC", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 1, now: new Date("2026-03-01T15:59:59.000Z") });
    await built.handle(command("check"));
    expect(await ask(built, "late")).toBe("llm answer: late");
    built.clock.now = new Date("2026-03-01T15:59:59.999Z");
    expect(await ask(built, "later")).toBe("template answer: later");
    built.clock.now = new Date("2026-03-01T16:00:00.000Z");
    expect(await ask(built, "next day")).toBe("llm answer: next day");
    expect((await recordOf(built)).llm).toEqual({ day: "2026-03-02", calls: 1 });
    built.clock.now = new Date("2026-03-02T15:00:00.000Z");
    expect(await ask(built, "same day")).toBe("template answer: same day");
  });

  it("a restart does not hand out a new day's worth: the stored count of today is used", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 2 });
    await built.store.putConversation(stored({ day: TODAY, calls: 1 }));
    expect(await ask(built, "a")).toBe("llm answer: a");
    expect(await ask(built, "b")).toBe("template answer: b");
    expect((await recordOf(built)).llm).toEqual({ day: TODAY, calls: 2 });
  });

  it("a stored count of an earlier day is not today's", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 1 });
    await built.store.putConversation(stored({ day: "2026-02-28", calls: 1 }));
    expect(await ask(built, "a")).toBe("llm answer: a");
    expect((await recordOf(built)).llm).toEqual({ day: TODAY, calls: 1 });
  });

  it("calls in flight at once share the count", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 1 });
    await built.handle(command("check"));
    const turns = await Promise.all([built.handle(command("ask", "x")), built.handle(command("ask", "y"))]);
    const answers = (await Promise.all(turns.map((turn) => turn.later))).flat().map((reply) => ("text" in reply! ? reply.text : ""));
    expect(answers).toEqual(["llm answer: x", "template answer: y"]);
  });

  it("the count held in memory holds even when storing it failed", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 1 });
    await built.handle(command("check"));
    built.store.failPut = 1;
    expect(await ask(built, "a")).toBe("llm answer: a");
    expect(built.logger.lines).toEqual([expect.objectContaining({ level: "warn", msg: "could not store the LLM count", error: "Error: disk full" })]);
    expect((await recordOf(built)).llm).toEqual({ day: TODAY, calls: 0 });
    expect(await ask(built, "b")).toBe("template answer: b");
  });

  it("a conversation nothing is stored about gets its answer, and nothing is stored for the count", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 1 });
    expect(await ask(built, "a")).toBe("llm answer: a");
    expect(await built.store.getConversation(ID)).toBeNull();
    expect(built.store.puts).toEqual([]);
  });

  it("an answer from the template costs nothing and writes nothing", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 0 });
    await built.handle(command("check"));
    const writes = built.store.puts.length;
    expect(await ask(built, "a")).toBe("template answer: a");
    expect(built.store.puts).toHaveLength(writes);
  });

  it("an explanation is written in the conversation's language", async () => {
    const built = build({ assistant: new FakeAssistant(), llmDailyLimit: 1 });
    await built.handle(command("check"), { languageHint: "zh" });
    expect(await allReplies(await built.handle(text("解释")))).toEqual([{ type: "message", text: "llm explanation of 0 in zh" }]);
  });

  it("explanations count against the same allowance", async () => {
    const assistant = new FakeAssistant();
    const built = build({ assistant, llmDailyLimit: 1 });
    await built.handle(command("check"));
    const first = await allReplies(await built.handle(text("explain")));
    const second = await allReplies(await built.handle(text("explain")));
    await built.service.drain();
    expect([first, second]).toEqual([[{ type: "message", text: "llm explanation of 0 in en" }], [{ type: "message", text: "template explanation of 0 in en" }]]);
    expect((await recordOf(built)).llm).toEqual({ day: TODAY, calls: 1 });
  });
});

describe("when the assistant fails", () => {
  it("the answer is an apology in the conversation's language, logged by the error's name; a call made is still counted", async () => {
    const assistant = new FakeAssistant();
    assistant.failing = true;
    const built = build({ assistant, llmDailyLimit: 2 });
    await built.handle(command("start"), { languageHint: "zh" });
    await built.handle(command("check"), { languageHint: "zh" });
    const turn = await built.handle(command("ask", "x"));
    expect(turn.outcome).toBe("ok");
    expect(await turn.later).toEqual([{ type: "message", text: t("zh", "bot.error") }]);
    await built.service.drain();
    expect(built.logger.lines).toEqual([expect.objectContaining({ level: "error", msg: "assistant failed", conversation: ID, error: "TypeError" })]);
    expect((await recordOf(built)).llm).toEqual({ day: TODAY, calls: 1 });
    const explained = await built.handle(text("explain"));
    expect(await explained.later).toEqual([{ type: "message", text: t("zh", "bot.error") }]);
  });
});

describe("FAQ questions typed during a screening", () => {
  it("are answered later, while the interview asks its question again", async () => {
    const assistant = new FakeAssistant();
    const built = build({ assistant });
    await built.handle(command("check"));
    const turn = await built.handle(text("Who can apply?"));
    const expected = core([{ type: "text", text: "Who can apply?" }]);
    expect(turn.replies).toEqual(expectedReplies(expected.state, expected.out, false));
    expect(expected.out[0]).toEqual({ type: "faq", question: "Who can apply?" });
    expect(await turn.later).toEqual([{ type: "message", text: "llm answer: Who can apply?" }]);
    expect(assistant.calls).toEqual([{ kind: "ask", lang: "en", text: "Who can apply?", took: true }]);
  });

  it("an answer typed has nothing to come later", async () => {
    const assistant = new FakeAssistant();
    const built = build({ assistant });
    await built.handle(command("check"));
    expect((await built.handle(text("yes"))).later).toBeNull();
    expect(assistant.calls).toEqual([]);
  });
});

describe("FAQ gaps counted for staff", () => {
  it.each([
    ["refusal", [{ question: "school places", outcome: "refused", count: 1 }]],
    ["article", [{ question: "school places", outcome: "weak", count: 1 }]],
    ["faq", undefined],
  ] as const)("an answer from %s", async (source, gaps) => {
    const assistant = new FakeAssistant();
    assistant.source = source;
    const built = build({ assistant, llmDailyLimit: 0 });
    await ask(built, "school places");
    expect((await built.store.activity(TODAY, TODAY)).get(TODAY)?.faqGaps).toEqual(gaps);
  });

  it("an LLM's rewording is not counted", async () => {
    const assistant = new FakeAssistant();
    assistant.source = "refusal";
    const built = build({ assistant, llmDailyLimit: 1 });
    await ask(built, "school places");
    expect(await built.store.activity(TODAY, TODAY)).toEqual(new Map());
  });

  it("a gap the store cannot count is a warning; the answer is still given", async () => {
    const assistant = new FakeAssistant();
    assistant.source = "refusal";
    const built = build({ assistant, llmDailyLimit: 0 });
    built.store.failActivity = true;
    expect(await ask(built, "school places")).toBe("template answer: school places");
    expect(built.logger.lines).toEqual([expect.objectContaining({ level: "warn", msg: "could not count a FAQ gap", error: "Error: activity unavailable" })]);
  });
});
