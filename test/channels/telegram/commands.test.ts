import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { menu } from "../../../src/channels/telegram/commands.js";
import { answerQuestion } from "../../../src/faq/answer.js";
import { loadArticles } from "../../../src/faq/articles.js";
import { t } from "../../../src/i18n/translate.js";
import type { FakeBotApi } from "../../support/fakeBotApi.js";
import { Dialog, dataOf } from "./dialog.js";
import { driveInterview, questionWords, startModel } from "./driveInterview.js";
import { removeDataDirs, startBot, startFake, type TestBot } from "./harness.js";
import { FAST_GROWER } from "./personas.js";
import type { InlineKeyboardMarkup } from "telegraf/types";

let fake: FakeBotApi;
let bot: TestBot;

beforeAll(async () => {
  fake = await startFake();
  bot = await startBot(fake);
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
  removeDataDirs();
});

const articles = loadArticles().articles;

describe("the bot's commands", () => {
  it("publishes its menu in Chinese for Chinese users and in English for everyone else", async () => {
    await fake.waitFor((call) => call.method === "setMyCommands" && call.params.language_code === "zh");
    expect(fake.commands(undefined, "zh")).toEqual(menu("zh"));
    expect(fake.commands()).toEqual(menu("en"));
  });

  it("/articles shows Articles 1–19; each opens a summary in the user's language and the official text", async () => {
    const dlg = new Dialog(fake, 801, { language_code: "zh-hans" });
    dlg.command("/articles");
    const list = await dlg.nextText(t("zh", "bot.articles.choose"));
    expect(dataOf(list.replyMarkup as InlineKeyboardMarkup)).toEqual(articles.map((a) => `ar|${a.article}`));
    dlg.press("ar|6");
    const shown = await dlg.nextMethod("editMessageText");
    const six = articles.find((a) => a.article === "6")!;
    expect(shown.text).toContain(six.summaryZh);
    expect(shown.text).toContain(six.officialTextEn);
    expect(shown.text).toContain("RMB");
    dlg.press("al");
    await dlg.nextText(t("zh", "bot.articles.choose"));
  });

  it("/lang switches the language of the chat and of the screening in progress", async () => {
    const dlg = new Dialog(fake, 802);
    dlg.command("/check");
    await dlg.nextText(questionWords(startModel("en")));
    dlg.command("/lang");
    await dlg.nextText(t("en", "bot.chooseLanguage"));
    const id = dlg.press("l|zh");
    const welcome = await dlg.nextText(t("zh", "bot.disclaimerTitle"));
    expect(fake.callbackAnswer(id)?.text).toBe(t("zh", "interview.langChanged"));
    expect(dataOf(welcome.replyMarkup as InlineKeyboardMarkup)).toContain("go");
    dlg.press("go");
    await dlg.nextText(t("zh", "bot.check.resume"));
    expect((await bot.store.getConversation(`tg:${802}`))?.interview?.lang).toBe("zh");
  });

  it("a button pressed twice on a message already showing its result is fine ('message is not modified')", async () => {
    const dlg = new Dialog(fake, 807);
    dlg.command("/start");
    await dlg.nextText(t("en", "bot.chooseLanguage"));
    dlg.press("l|en");
    const welcome = await dlg.nextText(t("en", "bot.disclaimerTitle"));
    // A double tap: Telegram delivers the second press too, naming the message the first one changed.
    const again = fake.pushCallback(807, (welcome.result as { message_id: number }).message_id, "l|en");
    await fake.waitFor((call) => call.method === "editMessageText" && call.chatId === 807 && !call.ok);
    await fake.waitFor((call) => call.method === "answerCallbackQuery" && call.params.callback_query_id === again);
    expect(bot.logger.lines.filter((line) => line.level === "error" || line.level === "warn")).toEqual([]);
  });

  it("/cancel drops the screening in progress", async () => {
    const dlg = new Dialog(fake, 803);
    dlg.command("/check");
    await dlg.nextText(questionWords(startModel("en")));
    dlg.command("/cancel");
    await dlg.nextText(t("en", "bot.cancel.done"));
    expect((await bot.store.getConversation(`tg:${803}`))?.interview).toBeNull();
    dlg.command("/cancel");
    await dlg.nextText(t("en", "bot.cancel.nothing"));
  });

  it("/help and unknown commands list the commands", async () => {
    const dlg = new Dialog(fake, 804);
    dlg.command("/help");
    await dlg.nextText("/delete");
    dlg.command("/frobnicate");
    await dlg.nextText("/delete");
  });

  it("/ask and free text outside a screening go to the assistant, with the typing indicator first", async () => {
    const dlg = new Dialog(fake, 805);
    dlg.command("/ask");
    await dlg.nextText(t("en", "bot.ask.usage"));
    dlg.command("/ask How much can a fast-growing enterprise get?");
    await dlg.nextMethod("sendChatAction");
    expect((await dlg.nextMethod("sendMessage")).text).toBe(answerQuestion("How much can a fast-growing enterprise get?", "en").answer);
    dlg.type("How long are the rules valid?");
    await dlg.nextMethod("sendChatAction");
    expect((await dlg.nextMethod("sendMessage")).text).toBe(answerQuestion("How long are the rules valid?", "en").answer);
  });

  it("Explain, under a result, sends the explanation after the result", async () => {
    const dlg = new Dialog(fake, 806);
    dlg.command("/check");
    const { caseId, resultText } = await driveInterview(dlg, FAST_GROWER, "en");
    dlg.press(`x|${caseId}`);
    await dlg.nextMethod("sendChatAction");
    const explanation = await dlg.nextMethod("sendMessage");
    expect(explanation.text).toContain(resultText.split("\n")[1]);
  });
});
