import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createConversations } from "../../../src/app/conversations.js";
import { startServer, type RunningServer } from "../../../src/app/server.js";
import { readConfig } from "../../../src/config.js";
import { memoryLogger } from "../../../src/log.js";
import { openLowdbStore } from "../../../src/store/lowdbStore.js";
import type { Store } from "../../../src/store/store.js";
import { postUpdateToWebhook, type FakeBotApi } from "../../support/fakeBotApi.js";
import { Dialog } from "./dialog.js";
import { questionWords, startModel } from "./driveInterview.js";
import { ADMIN_ID, FAST, interview, newDataDir, NOW, removeDataDirs, startFake, TEST_TOKEN } from "./harness.js";

const SECRET = "webhook-secret-0123456789";
const PUBLIC_URL = "https://bot.example.org/telegram/hook";

let fake: FakeBotApi;
let hook: string;
/** The bot in webhook mode, its webhook a route of the server `npm start` runs. */
let bot: { bot: { mode: string; port: number }; store: Store; logger: ReturnType<typeof memoryLogger>; server: RunningServer };

beforeAll(async () => {
  fake = await startFake();
  const dir = newDataDir();
  const config = readConfig({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dir, ADMIN_IDS: String(ADMIN_ID), LOG_LEVEL: "silent", WEBHOOK_URL: PUBLIC_URL, WEBHOOK_SECRET: SECRET, PORT: "0" });
  const logger = memoryLogger();
  const store = await openLowdbStore({ dir, logger });
  const conversations = createConversations({ config, store, logger, interview, clock: () => NOW });
  const server = await startServer({ config, conversations, logger, bot: FAST });
  bot = { bot: { mode: server.bot!.mode, port: server.web.port }, store, logger, server };
  hook = `http://127.0.0.1:${bot.bot.port}/telegram/hook`;
});

afterAll(async () => {
  await bot.server.stop("test finished");
  await bot.store.close();
  await fake.close();
  removeDataDirs();
});

/** The user acts; the update is what Telegram would post to the webhook. */
function lastUpdate() {
  const update = fake.pushedUpdates.at(-1);
  if (!update) throw new Error("nothing was pushed");
  return update;
}

describe("webhook mode", () => {
  it("registers WEBHOOK_URL with the secret token instead of polling", () => {
    expect(bot.bot.mode).toBe("webhook");
    expect(fake.webhook).toMatchObject({ url: PUBLIC_URL, secretToken: SECRET, allowedUpdates: ["message", "callback_query", "my_chat_member"] });
    expect(fake.count("getUpdates")).toBe(0);
  });

  it("answers /healthz", async () => {
    const response = await fetch(`http://127.0.0.1:${bot.bot.port}/healthz`);
    expect([response.status, await response.json()]).toEqual([200, { status: "ok" }]);
  });

  it("handles an update posted with the right secret token", async () => {
    const dlg = new Dialog(fake, 701);
    dlg.command("/check");
    const delivery = await fake.postUpdateToWebhook(hook, lastUpdate(), SECRET);
    expect(delivery.status).toBe(200);
    await dlg.nextText(questionWords(startModel("en")));
  });

  it("refuses an update without the secret token, or with another, with 403, and ignores it", async () => {
    const dlg = new Dialog(fake, 702);
    dlg.command("/check");
    const update = lastUpdate();
    expect((await postUpdateToWebhook(hook, update)).status).toBe(403);
    expect((await postUpdateToWebhook(hook, update, "wrong-secret-0123456789")).status).toBe(403);
    dlg.command("/help");
    await fake.postUpdateToWebhook(hook, lastUpdate(), SECRET);
    const reply = await dlg.next((call) => call.method === "sendMessage");
    expect(reply.text).toContain("/check");
    expect(bot.logger.lines.filter((line) => line.msg === "webhook request without the right secret token")).toHaveLength(2);
  });

  it("a user blocking the bot (my_chat_member: kicked) marks the chat inactive; unblocking, active again", async () => {
    const dlg = new Dialog(fake, 703);
    dlg.command("/check");
    await fake.postUpdateToWebhook(hook, lastUpdate(), SECRET);
    await dlg.nextText(questionWords(startModel("en")));
    const membership = (updateId: number, status: string) => ({
      update_id: updateId,
      my_chat_member: { chat: { id: 703, type: "private", first_name: "Test" }, from: { id: 703, is_bot: false, first_name: "Test" }, date: 0, old_chat_member: { status: "member" }, new_chat_member: { status } },
    });
    await postUpdateToWebhook(hook, membership(900_001, "kicked") as never, SECRET);
    await vi.waitFor(async () => expect((await bot.store.getConversation(`tg:${703}`))?.active).toBe(false));
    await postUpdateToWebhook(hook, membership(900_002, "member") as never, SECRET);
    await vi.waitFor(async () => expect((await bot.store.getConversation(`tg:${703}`))?.active).toBe(true));
  });

  it("answers 200 once the update's reply is stored, and handles an update posted twice (a Telegram retry) once", async () => {
    const dlg = new Dialog(fake, 704);
    dlg.command("/help");
    const update = lastUpdate();
    expect((await postUpdateToWebhook(hook, update, SECRET)).status).toBe(200);
    expect(await bot.store.outbox().then((entries) => entries.length + fake.sent.filter((c) => c.chatId === 704).length)).toBeGreaterThan(0);
    expect((await postUpdateToWebhook(hook, update, SECRET)).status).toBe(200);
    await dlg.nextText("/check");
    await bot.server.bot!.app.deps.outbox.drain();
    expect(fake.sent.filter((call) => call.chatId === 704 && call.method === "sendMessage")).toHaveLength(1);
  });

  it("answers 404 off the webhook path and 405 to other methods on it", async () => {
    expect((await fetch(`http://127.0.0.1:${bot.bot.port}/other`, { method: "POST", body: "{}" })).status).toBe(404);
    expect((await fetch(hook)).status).toBe(405);
  });
});
