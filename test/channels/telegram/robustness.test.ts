import { describe, expect, it, vi } from "vitest";
import type { Assistant } from "../../../src/assistant/assistant.js";
import { MAX_MESSAGE_LENGTH } from "../../../src/channels/telegram/split.js";
import { t } from "../../../src/i18n/translate.js";
import { step } from "../../../src/interview/interview.js";
import { MemoryStore } from "../../../src/store/memoryStore.js";
import { Dialog } from "./dialog.js";
import { questionWords, startModel } from "./driveInterview.js";
import { interview, useBotTests, type StartOptions, type TestBot } from "./harness.js";

const tests = useBotTests();
let bot: TestBot;

async function start(options: StartOptions = {}): Promise<void> {
  bot = await tests.start(options);
}

const answered = (id: string) => tests.fake.waitFor((call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === id);

describe("buttons pressed twice, late or forged", () => {
  it("a double tap answers once; the second tap gets a gentle note and changes nothing", async () => {
    await start();
    const dlg = new Dialog(tests.fake, 301);
    let model = startModel("en");
    dlg.command("/check");
    await dlg.nextText(questionWords(model));
    const data = `a|${model.turn}|jurisdiction|y`;
    const first = dlg.press(data);
    const second = dlg.press(data);
    model = step(interview, model, { type: "answer", key: "jurisdiction", turn: model.turn, value: true }).state;
    await dlg.nextText(questionWords(model));
    await answered(second);
    expect(tests.fake.callbackAnswer(first)).toEqual({});
    expect(tests.fake.callbackAnswer(second)?.text).toBe(t("en", "bot.callback.stale"));
    expect((await bot.store.getConversation(`tg:${301}`))?.interview?.log).toEqual([{ key: "jurisdiction", value: true }]);
    expect(tests.fake.count("editMessageText")).toBe(1);
  });

  it.each([
    ["unknown data", "hello"],
    ["an option the question does not have", "a|1|jurisdiction|o9"],
    ["a question not being asked", "a|1|sme|y"],
    ["a turn from the future", "b|99"],
    ["data longer than Telegram allows", `a|1|${"k".repeat(80)}|y`],
  ])("%s is ignored with a note, and the interview goes on", async (_, data) => {
    await start();
    const dlg = new Dialog(tests.fake, 302);
    const model = startModel("en");
    dlg.command("/check");
    const question = await dlg.nextText(questionWords(model));
    const id = tests.fake.pushCallback(302, (question.result as { message_id: number }).message_id, data);
    await answered(id);
    expect([t("en", "bot.callback.stale"), t("en", "bot.callback.unknown")]).toContain(tests.fake.callbackAnswer(id)?.text);
    expect((await bot.store.getConversation(`tg:${302}`))?.interview).toEqual(model);
    dlg.press(`a|${model.turn}|jurisdiction|y`);
    await dlg.nextText(questionWords(step(interview, model, { type: "answer", key: "jurisdiction", turn: model.turn, value: true }).state));
  });

  it("fast typing is handled in order: the second message waits for the first", async () => {
    await start();
    const dlg = new Dialog(tests.fake, 303);
    dlg.command("/check");
    dlg.type("yes");
    dlg.type("1");
    dlg.type("ai, blockchain");
    let model = startModel("en");
    for (const text of ["yes", "1", "ai, blockchain"]) model = step(interview, model, { type: "text", text }).state;
    await dlg.nextText(questionWords(model));
    expect((await bot.store.getConversation(`tg:${303}`))?.interview?.log).toEqual([
      { key: "jurisdiction", value: true },
      { key: "kind", value: "enterprise" },
      { key: "sectors", value: ["ai", "blockchain"] },
    ]);
  });
});

describe("errors and odd input", () => {
  it("a handler that throws gets the user an apology, and other chats carry on", async () => {
    const store = new MemoryStore();
    const failing = Object.assign(Object.create(store) as MemoryStore, {
      getConversation: (id: string) => (id === "tg:304" ? Promise.reject(new Error("disk on fire")) : store.getConversation(id)),
    });
    await start({ store: failing });
    const broken = new Dialog(tests.fake, 304);
    const fine = new Dialog(tests.fake, 305);
    broken.command("/check");
    fine.command("/check");
    await broken.nextText(t("en", "bot.error"));
    await fine.nextText(questionWords(startModel("en")));
    broken.command("/help");
    await broken.nextText(t("en", "bot.error"));
    expect(bot.logger.lines).toContainEqual(expect.objectContaining({ msg: "turn failed", conversation: "tg:304", error: "Error: disk on fire" }));
    expect(bot.logger.lines).toContainEqual(expect.objectContaining({ msg: "update", chat: 304, outcome: "error" }));
  });

  it("free text of any length or script is safe, and never written to the logs", async () => {
    await start();
    const dlg = new Dialog(tests.fake, 306);
    const secret = "机密 <b>&amp; 🤖 مرحبا \u202e ".repeat(400);
    dlg.type(secret);
    await dlg.next((call) => call.method === "sendMessage");
    dlg.command("/check");
    await dlg.nextText(questionWords(startModel("en")));
    dlg.type(secret);
    await dlg.nextText(t("en", "interview.tooLong"));
    dlg.type("<script>alert(1)</script>");
    await dlg.nextText(t("en", "interview.invalid.yesNo"));
    const logged = JSON.stringify(bot.logger.lines);
    expect(logged).not.toContain("机密");
    expect(logged).not.toContain("<script>");
    expect(bot.logger.lines.filter((line) => line.msg === "update")).toContainEqual(expect.objectContaining({ chat: 306, kind: "text", outcome: "ok", ms: expect.any(Number) }));
  });

  it("a reply over 4096 characters is split on line boundaries, in order", async () => {
    const long = Array.from({ length: 600 }, (_, i) => `Line ${i} of a very long answer.`).join("\n");
    const assistant: Assistant = {
      ask: async () => ({ text: long, articles: [], source: "faq" }),
      explain: async () => ({ text: long, source: "template" }),
    };
    await start({ assistant });
    const dlg = new Dialog(tests.fake, 307);
    dlg.command("/ask how long can an answer be?");
    await vi.waitFor(() => expect(dlg.messages().filter((m) => m.from?.is_bot).length).toBeGreaterThan(1));
    const parts = dlg.messages().filter((m) => m.from?.is_bot).map((m) => ("text" in m ? m.text : ""));
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    await vi.waitFor(() => expect(dlg.messages().filter((m) => m.from?.is_bot).map((m) => ("text" in m ? m.text : "")).join("\n")).toBe(long));
  });
});
