import { Telegram } from "telegraf";
import { describe, expect, it } from "vitest";
import { pacePolls } from "../../../src/channels/telegram/pollBatch.js";
import { ConfigError, readConfig } from "../../../src/config.js";
import { useBotTests } from "./harness.js";

const tests = useBotTests();
const DEFAULT_BATCH = readConfig({}).TELEGRAM_POLL_BATCH;

/** Pushes `count` /start commands from as many chats before the bot starts, and waits until each chat is answered. */
async function backlogAnswered(count: number, env?: Record<string, string>) {
  const chats = Array.from({ length: count }, (_, i) => 8_100 + i);
  for (const chat of chats) tests.fake.pushCommand(chat, "/start");
  const bot = await tests.start({ env });
  for (const chat of chats) await tests.fake.waitFor((call) => call.method === "sendMessage" && call.chatId === chat);
  await tests.stop(bot);
  const polls = tests.fake.calls.filter((call) => call.method === "getUpdates");
  // The long poll in hand when the bot stopped was cut off and took nothing.
  const taken = polls.map((call) => (Array.isArray(call.result) ? call.result.length : 0));
  const answered = tests.fake.sent.filter((call) => call.method === "sendMessage").map((call) => call.chatId);
  return { chats, polls, taken, answered };
}

describe("long polling", () => {
  it(`takes at most ${DEFAULT_BATCH} updates a call by default, however many wait, and answers every one once`, async () => {
    const { chats, polls, taken, answered } = await backlogAnswered(2 * DEFAULT_BATCH + 5);
    expect(taken.reduce((sum, n) => sum + n, 0)).toBe(chats.length);
    expect(Math.max(...taken)).toBe(DEFAULT_BATCH);
    expect(taken.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    // Every long poll asked for the cap; the call that confirms the offset on stop keeps its own limit of 1.
    expect(polls.slice(0, -1).map((call) => call.params.limit)).toEqual(polls.slice(0, -1).map(() => DEFAULT_BATCH));
    expect(polls.at(-1)!.params).toMatchObject({ limit: 1 });
    expect(answered.sort()).toEqual(chats);
  });

  it("takes TELEGRAM_POLL_BATCH updates a call when it is set", async () => {
    const { chats, taken, answered } = await backlogAnswered(12, { TELEGRAM_POLL_BATCH: "5" });
    expect(Math.max(...taken)).toBe(5);
    expect(taken.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    expect(answered.sort()).toEqual(chats);
  });

  it("starts its long polls TELEGRAM_POLL_INTERVAL_MS apart at the least, taking what came meanwhile together", async () => {
    const { chats, polls, taken, answered } = await backlogAnswered(12, { TELEGRAM_POLL_BATCH: "2", TELEGRAM_POLL_INTERVAL_MS: "100" });
    const arrivals = polls.filter((call) => call.params.timeout).map((call) => call.receivedAt);
    // The fake notes when a poll arrives, not when the bot sent it: the way there, a few milliseconds
    // on a busy machine, is allowed for. Unpaced, each came as soon as the batch before it was handled.
    for (let i = 1; i < arrivals.length; i++) expect(arrivals[i]! - arrivals[i - 1]!).toBeGreaterThanOrEqual(75);
    expect(taken.filter((n) => n > 0).length).toBeGreaterThanOrEqual(6);
    expect(answered.sort()).toEqual(chats);
  });

  it.each(["-1", "1001", "2.5", "soon"])("refuses TELEGRAM_POLL_INTERVAL_MS=%s at start-up", (value) => {
    expect(() => readConfig({ TELEGRAM_POLL_INTERVAL_MS: value })).toThrow(/TELEGRAM_POLL_INTERVAL_MS: must be a whole number/);
  });

  it.each(["0", "101", "2.5", "many"])("refuses TELEGRAM_POLL_BATCH=%s at start-up", (value) => {
    expect(() => readConfig({ TELEGRAM_POLL_BATCH: value })).toThrow(ConfigError);
    expect(() => readConfig({ TELEGRAM_POLL_BATCH: value })).toThrow(/TELEGRAM_POLL_BATCH: must be a whole number/);
  });
});

describe("the pause between long polls", () => {
  /** A Telegram client whose calls are recorded and answered at once, its long polls spaced `intervalMs` apart. */
  function paced(intervalMs: number) {
    const telegram = new Telegram("123456:TEST");
    const calls: string[] = [];
    telegram.callApi = (async (method: string, payload: { timeout?: number }) => {
      calls.push(payload.timeout ? `${method} long` : method);
      return [];
    }) as Telegram["callApi"];
    pacePolls(telegram, intervalMs);
    return { telegram, calls };
  }

  it("holds back only the long poll: other calls, and the offset sync on stop, go at once", async () => {
    const { telegram, calls } = paced(200);
    await telegram.callApi("getUpdates", { timeout: 50 });
    const second = telegram.callApi("getUpdates", { timeout: 50 });
    await telegram.callApi("sendMessage", { chat_id: 1, text: "hi" });
    await telegram.callApi("getUpdates", { offset: 3, limit: 1 });
    expect(calls).toEqual(["getUpdates long", "sendMessage", "getUpdates"]);
    await second;
    expect(calls.at(-1)).toBe("getUpdates long");
  });

  it("ends its wait with an AbortError when polling stops, and sends nothing", async () => {
    const { telegram, calls } = paced(60_000);
    await telegram.callApi("getUpdates", { timeout: 50 });
    const controller = new AbortController();
    const second = telegram.callApi("getUpdates", { timeout: 50 }, { signal: controller.signal } as never);
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: "AbortError" });
    expect(calls).toEqual(["getUpdates long"]);
  });
});
