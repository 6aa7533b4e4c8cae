import { describe, expect, it } from "vitest";
import { POLL_BATCH } from "../../../src/channels/telegram/pollBatch.js";
import { useBotTests } from "./harness.js";

const tests = useBotTests();

describe("long polling", () => {
  it(`takes at most ${POLL_BATCH} updates a call, however many wait, and answers every one`, async () => {
    const chats = Array.from({ length: 2 * POLL_BATCH + 5 }, (_, i) => 8_100 + i);
    for (const chat of chats) tests.fake.pushCommand(chat, "/start");
    const bot = await tests.start();
    for (const chat of chats) await tests.fake.waitFor((call) => call.method === "sendMessage" && call.chatId === chat);
    await tests.stop(bot);

    const polls = tests.fake.calls.filter((call) => call.method === "getUpdates");
    // The long poll in hand when the bot stopped was cut off and took nothing.
    const taken = polls.map((call) => (Array.isArray(call.result) ? call.result.length : 0));
    expect(taken.reduce((sum, n) => sum + n, 0)).toBe(chats.length);
    expect(Math.max(...taken)).toBe(POLL_BATCH);
    expect(taken.filter((n) => n > 0).length).toBeGreaterThanOrEqual(3);
    // Every long poll asked for the cap; the call that confirms the offset on stop keeps its own limit of 1.
    expect(polls.slice(0, -1).map((call) => call.params.limit)).toEqual(polls.slice(0, -1).map(() => POLL_BATCH));
    expect(polls.at(-1)!.params).toMatchObject({ limit: 1 });
    expect(tests.fake.sent.filter((call) => call.method === "sendMessage").map((call) => call.chatId).sort()).toEqual(chats);
  });
});
