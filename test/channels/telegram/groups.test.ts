import { beforeEach, describe, expect, it } from "vitest";
import { privateChatPointer } from "../../../src/channels/telegram/privateOnly.js";
import { t } from "../../../src/i18n/translate.js";
import { Dialog, textOf } from "./dialog.js";
import { ADMIN_ID, useBotTests, type TestBot } from "./harness.js";

const tests = useBotTests();
let bot: TestBot;

beforeEach(async () => {
  bot = await tests.start();
});

const GROUP = -100_500;
const botSaid = (dlg: Dialog) => dlg.messages().filter((m) => m.from?.is_bot).map(textOf);

describe("outside a private chat", () => {
  it.each(["/check", "/start", "hello, what can I get?"])("%s in a group gets one line pointing to a private chat, and nothing is stored", async (said) => {
    const dlg = new Dialog(tests.fake, GROUP, { id: 42 });
    if (said.startsWith("/")) dlg.command(said);
    else dlg.type(said);
    const reply = await dlg.nextMethod("sendMessage");
    expect(reply.text).toBe(privateChatPointer("en", "fake_test_bot"));
    await bot.bot.app.deps.outbox.drain();
    expect(botSaid(dlg)).toEqual([privateChatPointer("en", "fake_test_bot")]);
    expect(await bot.store.getConversation(`tg:${GROUP}`)).toBeNull();
  });

  it("an admin's /export in a group posts no applicant's data there", async () => {
    const dlg = new Dialog(tests.fake, GROUP, { id: ADMIN_ID });
    dlg.command("/export");
    await dlg.nextText(privateChatPointer("en", "fake_test_bot"));
    await bot.bot.app.deps.outbox.drain();
    expect(tests.fake.sent.filter((call) => call.method === "sendDocument")).toEqual([]);
  });

  it("a pointer in Chinese for a user whose Telegram is in Chinese", async () => {
    const dlg = new Dialog(tests.fake, GROUP, { id: 43, language_code: "zh-hans" });
    dlg.command("/check");
    await dlg.nextText(privateChatPointer("zh", "fake_test_bot"));
  });
});

describe("the delete confirmation", () => {
  it("settles once: a No tapped after Yes on the same message does not say that nothing was erased", async () => {
    const dlg = new Dialog(tests.fake, 7100);
    dlg.command("/delete");
    await dlg.nextText(t("en", "bot.delete.confirm"));
    const message = dlg.messageWithButton("del|y")!;
    const yes = tests.fake.pushCallback(7100, message.message_id, "del|y");
    const no = tests.fake.pushCallback(7100, message.message_id, "del|n");
    await dlg.nextText(t("en", "bot.delete.done"));
    for (const id of [yes, no]) await tests.fake.waitFor((call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === id);
    await bot.bot.app.deps.outbox.drain();
    expect(tests.fake.callbackAnswer(no)?.text).toBe(t("en", "bot.callback.stale"));
    expect(botSaid(dlg)).toEqual([t("en", "bot.delete.done")]);
  });
});
