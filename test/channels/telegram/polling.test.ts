import { describe, expect, it } from "vitest";
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

  it.each(["0", "101", "2.5", "many"])("refuses TELEGRAM_POLL_BATCH=%s at start-up", (value) => {
    expect(() => readConfig({ TELEGRAM_POLL_BATCH: value })).toThrow(ConfigError);
    expect(() => readConfig({ TELEGRAM_POLL_BATCH: value })).toThrow(/TELEGRAM_POLL_BATCH: must be a whole number/);
  });
});
