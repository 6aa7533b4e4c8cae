import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Markup, Telegraf, TelegramError } from "telegraf";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type FakeBotApi, postUpdateToWebhook, startFakeBotApi } from "./fakeBotApi.js";

const CHAT = 42;
const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

let fake: FakeBotApi;
let stopBot: (() => Promise<void>) | undefined;

beforeEach(async () => {
  fake = await startFakeBotApi();
});

afterEach(async () => {
  await stopBot?.();
  stopBot = undefined;
  await fake.close();
});

async function callApi(method: string, body: object = {}, token = fake.token) {
  const response = await fetch(`${fake.url}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function newBot(): Telegraf {
  return new Telegraf(fake.token, { telegram: { apiRoot: fake.url } });
}

/** bot.launch() only settles once polling stops, so it is kept and awaited after bot.stop(). */
function launch(bot: Telegraf): void {
  const running = bot.launch();
  stopBot = async () => {
    await Promise.race([fake.whenPolling(), running]);
    bot.stop("test finished");
    await running;
  };
}

async function telegramErrorOf(call: Promise<unknown>): Promise<TelegramError> {
  const error: unknown = await call.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof TelegramError)) throw new Error(`expected a TelegramError, got ${String(error)}`);
  return error;
}

describe("getUpdates", () => {
  it("long poll returns when an update is pushed", async () => {
    const poll = callApi("getUpdates", { timeout: 30 });
    await fake.whenPolling();
    const update = fake.pushText(CHAT, "hello");
    expect(await poll).toEqual({ status: 200, body: { ok: true, result: [update] } });
  });

  it("offset confirms updates", async () => {
    const first = fake.pushText(CHAT, "one");
    const second = fake.pushText(CHAT, "two");
    expect((await callApi("getUpdates", { limit: 1 })).body.result).toEqual([first]);
    expect((await callApi("getUpdates", { offset: first.update_id + 1 })).body.result).toEqual([second]);
    expect((await callApi("getUpdates", { offset: second.update_id + 1 })).body.result).toEqual([]);
    expect(fake.nextUpdateId).toBe(second.update_id + 1);
  });

  it("close releases a held long poll with no updates", async () => {
    const poll = callApi("getUpdates", { timeout: 50 });
    await fake.whenPolling();
    await fake.close();
    expect((await poll).body).toEqual({ ok: true, result: [] });
  });

  it("a second poller ends the first with 409 Conflict", async () => {
    const first = callApi("getUpdates", { timeout: 50 });
    await fake.whenPolling();
    const second = callApi("getUpdates", { timeout: 50 });
    expect((await first).body).toMatchObject({ ok: false, error_code: 409 });
    fake.pushText(CHAT, "for the second poller");
    expect((await second).body.result).toHaveLength(1);
  });
});

describe("messages", () => {
  it("not-modified error text is the real one", async () => {
    const { telegram } = newBot();
    const keyboard = Markup.inlineKeyboard([Markup.button.callback("Yes", "yes")]);
    const sent = await telegram.sendMessage(CHAT, "Choose", keyboard);
    const error = await telegramErrorOf(telegram.editMessageText(CHAT, sent.message_id, undefined, "Choose", keyboard));
    expect([error.code, error.description]).toEqual([400, NOT_MODIFIED]);
  });

  it("an edit without reply_markup changes the text and drops the keyboard, as chat() shows", async () => {
    const { telegram } = newBot();
    const sent = await telegram.sendMessage(CHAT, "Choose", Markup.inlineKeyboard([Markup.button.callback("Yes", "y")]));
    await telegram.editMessageText(CHAT, sent.message_id, undefined, "<b>Chosen</b>", { parse_mode: "HTML" });
    const [shown] = fake.chat(CHAT);
    expect(shown).toMatchObject({ text: "Chosen", entities: [{ type: "bold", offset: 0, length: 6 }] });
    expect(shown).not.toHaveProperty("reply_markup");
  });

  it("editing an unknown message fails with message to edit not found", async () => {
    const error = await telegramErrorOf(newBot().telegram.editMessageText(CHAT, 999, undefined, "x"));
    expect(error.description).toBe("Bad Request: message to edit not found");
  });

  it("text longer than 4096 characters after HTML parsing is rejected and not shown", async () => {
    const { telegram } = newBot();
    await telegram.sendMessage(CHAT, `<b>${"a".repeat(4096)}</b>`, { parse_mode: "HTML" });
    const error = await telegramErrorOf(telegram.sendMessage(CHAT, "a".repeat(4097)));
    expect(error.description).toBe("Bad Request: message is too long");
    expect(fake.chat(CHAT)).toHaveLength(1);
  });

  it("unescaped < in HTML fails as Telegram does", async () => {
    const error = await telegramErrorOf(newBot().telegram.sendMessage(CHAT, "a < b", { parse_mode: "HTML" }));
    expect(error.description).toBe('Bad Request: can\'t parse entities: Unsupported start tag "" at byte offset 2');
  });

  it("callback_data over 64 bytes is BUTTON_DATA_INVALID", async () => {
    const keyboard = Markup.inlineKeyboard([Markup.button.callback("Go", "x".repeat(65))]);
    const error = await telegramErrorOf(newBot().telegram.sendMessage(CHAT, "Choose", keyboard));
    expect(error.description).toBe("Bad Request: BUTTON_DATA_INVALID");
  });

  it("a callback update carries its message and can be answered once", async () => {
    const { telegram } = newBot();
    const sent = await telegram.sendMessage(CHAT, "Choose", Markup.inlineKeyboard([Markup.button.callback("Yes", "y")]));
    const id = fake.pushCallback(CHAT, sent.message_id, "y");
    expect(fake.pushedUpdates.at(-1)).toMatchObject({ callback_query: { id, data: "y", message: { text: "Choose" } } });
    await telegram.answerCbQuery(id, "Saved");
    expect(fake.callbackAnswer(id)).toEqual({ text: "Saved" });
    const error = await telegramErrorOf(telegram.answerCbQuery(id));
    expect(error.description).toBe("Bad Request: query is too old and response timeout expired or query ID is invalid");
  });
});

describe("documents and settings", () => {
  it("sendDocument multipart round trip", async () => {
    const bot = newBot();
    bot.command("report", (ctx) =>
      ctx.telegram.sendDocument(ctx.chat.id, { source: Buffer.from("hello"), filename: "a.html" }, { caption: "Report" }),
    );
    launch(bot);
    fake.pushCommand(CHAT, "/report");
    const call = await fake.waitFor((candidate) => candidate.method === "sendDocument");
    expect(call).toMatchObject({ ok: true, chatId: CHAT, text: "Report" });
    expect(call.document).toMatchObject({ filename: "a.html", mimeType: "text/html", size: 5 });
    expect(call.document?.data.toString()).toBe("hello");
    expect(fake.chat(CHAT).at(-1)).toMatchObject({ caption: "Report", document: { file_name: "a.html" } });
  });

  it("setMyCommands is stored per language and scope", async () => {
    const { telegram } = newBot();
    await telegram.setMyCommands([{ command: "start", description: "Begin" }], { language_code: "zh" });
    expect(fake.commands(undefined, "zh")).toEqual([{ command: "start", description: "Begin" }]);
    expect(fake.commands()).toBeUndefined();
    const error = await telegramErrorOf(telegram.setMyCommands([{ command: "Start!", description: "x" }]));
    expect(error.description).toBe("Bad Request: BOT_COMMAND_INVALID");
  });
});

describe("authorisation and unknown methods", () => {
  it("wrong token 401", async () => {
    expect(await callApi("getMe", {}, "999:WRONG")).toEqual({
      status: 401,
      body: { ok: false, error_code: 401, description: "Unauthorized" },
    });
  });

  it("an unknown method is 404 Not Found", async () => {
    expect((await callApi("sendTelepathy")).body).toEqual({ ok: false, error_code: 404, description: "Not Found" });
  });
});

describe("fault injection", () => {
  it("429 carries retry_after and the message is delivered once after the retry", async () => {
    const { telegram } = newBot();
    fake.failNext("sendMessage", { status: 429, retryAfter: 1 });
    const error = await telegramErrorOf(telegram.sendMessage(CHAT, "hi"));
    expect([error.code, error.parameters]).toEqual([429, { retry_after: 1 }]);
    expect(fake.chat(CHAT)).toEqual([]);
    await telegram.sendMessage(CHAT, "hi");
    expect(fake.chat(CHAT).map((message) => "text" in message && message.text)).toEqual(["hi"]);
    expect(fake.count("sendMessage")).toBe(2);
  });

  it("an injected 500 reaches telegraf as Internal Server Error", async () => {
    fake.failNext("getMe", { status: 500 });
    const error = await telegramErrorOf(newBot().telegram.getMe());
    expect([error.code, error.description]).toEqual([500, "Internal Server Error"]);
  });

  it("a blocked chat gets 403 for every send until unblocked", async () => {
    const { telegram } = newBot();
    fake.blockChat(CHAT);
    const error = await telegramErrorOf(telegram.sendMessage(CHAT, "hi"));
    expect([error.code, error.description]).toEqual([403, "Forbidden: bot was blocked by the user"]);
    expect((await telegramErrorOf(telegram.sendChatAction(CHAT, "typing"))).code).toBe(403);
    fake.unblockChat(CHAT);
    await telegram.sendMessage(CHAT, "hi again");
    expect(fake.chat(CHAT)).toHaveLength(1);
  });

  it("a delayed call is still delivered", async () => {
    fake.failNext("sendMessage", { delayMs: 5 });
    await newBot().telegram.sendMessage(CHAT, "late");
    expect(fake.chat(CHAT)).toHaveLength(1);
  });
});

describe("test-side helpers", () => {
  it("maxPerSecond counts calls per chat and overall within any one second", async () => {
    const times = [0, 400, 900, 1_500];
    await fake.close();
    fake = await startFakeBotApi({ clock: () => times.shift() ?? Number.NaN });
    const { telegram } = newBot();
    for (const chat of [1, 2, 1, 1]) await telegram.sendMessage(chat, "x");
    expect([fake.maxPerSecond(), fake.maxPerSecond(1), fake.maxPerSecond(2)]).toEqual([3, 2, 1]);
  });

  it("waitFor rejects on timeout listing the last calls", async () => {
    await newBot().telegram.sendMessage(CHAT, "only this");
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      const waiting = fake.waitFor((call) => call.method === "sendDocument", 1_000);
      vi.advanceTimersByTime(1_000);
      await expect(waiting).rejects.toThrow(/no Bot API call matched within 1000 ms[\s\S]*sendMessage chat=42 "only this"/);
    } finally {
      vi.useRealTimers();
    }
  });

  it("without history keeps no call or update, yet shows each call to a waitFor asked before it, numbered as ever", async () => {
    await fake.close();
    fake = await startFakeBotApi({ keepHistory: false });
    const seen: number[] = [];
    const watching = fake.waitFor((call) => {
      seen.push(call.seq);
      return call.text === "second";
    });
    const { telegram } = newBot();
    await telegram.sendMessage(CHAT, "first");
    const message = await telegram.sendMessage(CHAT, "second");
    expect(await watching).toMatchObject({ seq: 2, method: "sendMessage", text: "second" });
    expect(seen).toEqual([1, 2]);
    fake.pushText(CHAT, "hello");
    expect([fake.calls, fake.sent, fake.pushedUpdates]).toEqual([[], [], []]);
    // The chat keeps its messages: the bot can still edit what it sent.
    expect(await telegram.editMessageText(CHAT, message.message_id, undefined, "second, edited")).toMatchObject({ text: "second, edited" });
  });
});

describe("with a running Telegraf bot", () => {
  it("a Telegraf bot with bot.launch() against the fake answers /start", async () => {
    const bot = newBot();
    bot.start((ctx) => ctx.reply("Welcome"));
    launch(bot);
    fake.pushCommand(CHAT, "/start");
    const reply = await fake.waitFor((call) => call.method === "sendMessage");
    expect(reply).toMatchObject({ ok: true, chatId: CHAT, text: "Welcome" });
    expect(fake.sent.map((call) => call.method)).toEqual(["getMe", "deleteWebhook", "sendMessage"]);
  });

  it("a webhook bot gets the secret token and its webhook-reply answer is recorded", async () => {
    const bot = newBot();
    bot.on("callback_query", (ctx) => ctx.answerCbQuery("Noted"));
    const server = createServer(bot.webhookCallback("/hook", { secretToken: "s3cret" }));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
      const sent = await bot.telegram.sendMessage(CHAT, "Choose", Markup.inlineKeyboard([Markup.button.callback("A", "a")]));
      const id = fake.pushCallback(CHAT, sent.message_id, "a");
      const update = fake.pushedUpdates.at(-1);
      if (!update) throw new Error("no update was pushed");
      expect((await postUpdateToWebhook(url, update, "wrong")).status).toBe(403);
      const delivery = await fake.postUpdateToWebhook(url, update, "s3cret");
      expect(delivery.reply?.method).toBe("answerCallbackQuery");
      expect(fake.callbackAnswer(id)).toEqual({ text: "Noted" });
      expect(fake.sent.at(-1)).toMatchObject({ method: "answerCallbackQuery", via: "webhookReply", ok: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
