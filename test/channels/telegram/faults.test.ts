import { describe, expect, it, vi } from "vitest";
import { TELEGRAM_LIMITS } from "../../../src/channels/telegram/outbox.js";
import { t } from "../../../src/i18n/translate.js";
import { step } from "../../../src/interview/interview.js";
import { Dialog } from "./dialog.js";
import { questionWords, startModel } from "./driveInterview.js";
import { interview, useBotTests, type StartOptions, type TestBot } from "./harness.js";

const tests = useBotTests();
let bot: TestBot;

async function start(options: StartOptions = {}): Promise<void> {
  bot = await tests.start(options);
}

/** A short conversation touching every kind of send: new messages, edits in place, toasts, a typed amount. */
async function script(dlg: Dialog): Promise<void> {
  let model = startModel("en");
  dlg.command("/help");
  await dlg.nextText("/check");
  dlg.command("/check");
  await dlg.nextText(questionWords(model));
  for (const [key, value, data] of [["jurisdiction", true, "y"], ["kind", "enterprise", "o0"]] as const) {
    dlg.press(`a|${model.turn}|${key}|${data}`);
    model = step(interview, model, { type: "answer", key, turn: model.turn, value }).state;
    await dlg.nextText(questionWords(model));
  }
  dlg.type("maybe");
  await dlg.nextText(t("en", "interview.invalid.choices"));
  dlg.command("/result");
  await dlg.nextText(t("en", "screen.interim"));
  await dlg.nextText(questionWords(model));
}

/** What the user sees, without message ids and dates. */
const visible = (dlg: Dialog) => dlg.messages().map((m) => ({ from: m.from?.is_bot ? "bot" : "user", text: "text" in m ? m.text : "", keyboard: m.reply_markup ?? null }));

describe("Telegram failing for a while", () => {
  it("429 storms and 500s lose no reply and duplicate none", async () => {
    await start();
    const calm = new Dialog(tests.fake, 401);
    await script(calm);
    tests.fake.failNext("sendMessage", { status: 429, retryAfter: 1 }, 2);
    tests.fake.failNext("editMessageText", { status: 500 }, 2);
    tests.fake.failNext("editMessageText", { status: 502 }, 1);
    tests.fake.failNext("answerCallbackQuery", { status: 503 }, 2);
    const stormy = new Dialog(tests.fake, 402);
    await script(stormy);
    expect(visible(stormy)).toEqual(visible(calm));
    expect(tests.fake.sent.filter((call) => !call.ok).length).toBe(7);
    expect(bot.logger.lines.filter((line) => line.msg === "rate limited by Telegram; waiting")).toHaveLength(2);
  });

  it("a chat that blocked the bot (403) is marked inactive and gets nothing more until it writes again", async () => {
    await start();
    const dlg = new Dialog(tests.fake, 403);
    dlg.command("/check");
    await dlg.nextText(questionWords(startModel("en")));
    tests.fake.blockChat(403);
    dlg.command("/help");
    await vi.waitFor(async () => expect((await bot.store.getConversation(`tg:${403}`))?.active).toBe(false));
    const attempts = tests.fake.sent.filter((call) => call.chatId === 403).length;
    void bot.bot.app.deps.outbox.queue(403, null, [{ op: "text", text: "a late reply" }]);
    await bot.bot.app.deps.outbox.drain();
    expect(tests.fake.sent.filter((call) => call.chatId === 403).length).toBe(attempts);

    tests.fake.unblockChat(403);
    dlg.command("/help");
    await dlg.nextText("/check");
    expect((await bot.store.getConversation(`tg:${403}`))?.active).toBe(true);
  });
});

describe("Telegram's rate limits", () => {
  it("stay within one chat's burst and 30 messages a second overall", async () => {
    await start({ limits: TELEGRAM_LIMITS });
    const one = new Dialog(tests.fake, 404);
    for (let i = 0; i < 4; i++) one.command("/help");
    const others = Array.from({ length: 40 }, (_, i) => new Dialog(tests.fake, 500 + i));
    for (const dlg of others) dlg.command("/help");
    await Promise.all([one, ...others].map(async (dlg) => {
      for (let i = 0; i < (dlg === one ? 4 : 1); i++) await dlg.nextText("/check");
    }));
    expect(tests.fake.maxPerSecond(404)).toBeLessThanOrEqual(TELEGRAM_LIMITS.perChat!.burst);
    expect(tests.fake.maxPerSecond()).toBeLessThanOrEqual(TELEGRAM_LIMITS.overall!.perSecond);
    expect(one.messages().filter((m) => m.from?.is_bot)).toHaveLength(4);
  });
});
