import type { Telegram } from "telegraf";
import { describe, expect, it } from "vitest";
import { Outbox } from "../../../src/channels/telegram/outbox.js";
import type { Send } from "../../../src/channels/telegram/sends.js";
import { memoryLogger } from "../../../src/log.js";
import { MemoryStore } from "../../../src/store/memoryStore.js";
import { newOutboxId } from "../../../src/store/outboxId.js";

const NO_LIMITS = { perChat: null, overall: null };
const RETRY = { horizonMs: 1_000, baseDelayMs: 10, maxDelayMs: 20, maxRateLimitWaits: 3, callTimeoutMs: 1_000 };

/** A Bot API that records the texts sent; while `held` is set, each send waits for it. */
function stubTelegram(store: MemoryStore) {
  const sent: string[] = [];
  const storedWhenSent: number[] = [];
  let release: (() => void) | undefined;
  let held: Promise<void> | undefined;
  const telegram = {
    sendMessage: async (_chatId: number, text: string) => {
      storedWhenSent.push((await store.outbox()).length);
      if (held) await held;
      sent.push(text);
      return {};
    },
  } as unknown as Telegram;
  return {
    telegram,
    sent,
    storedWhenSent,
    hold: () => (held = new Promise((resolve) => (release = resolve))),
    release: () => {
      held = undefined;
      release?.();
    },
  };
}

const text = (value: string): Send => ({ op: "text", text: value });

function outboxOn(store: MemoryStore, telegram: Telegram, logger = memoryLogger()): Outbox {
  return new Outbox(telegram, { store, logger, limits: NO_LIMITS, retry: RETRY });
}

describe("the outbox", () => {
  it("stores a batch before sending any of it, and forgets it once delivered", async () => {
    const store = new MemoryStore();
    const api = stubTelegram(store);
    const outbox = outboxOn(store, api.telegram);
    await outbox.replay();
    await outbox.queue(1, 10, [text("one"), text("two")]);
    await outbox.drain();
    await outbox.close();
    expect(api.sent).toEqual(["one", "two"]);
    expect(api.storedWhenSent[0]).toBe(1);
    expect(await store.outbox()).toEqual([]);
  });

  it("closing keeps what was not sent, without what was, for the next start", async () => {
    const store = new MemoryStore();
    const api = stubTelegram(store);
    const outbox = outboxOn(store, api.telegram);
    await outbox.replay();
    await outbox.queue(1, 10, [text("one")]);
    await outbox.drain();
    api.hold();
    await outbox.queue(1, 11, [text("two"), text("three")]);
    await outbox.close();
    api.release();
    const left = await store.outbox();
    expect(left.map((entry) => entry.payload)).toEqual([{ v: 1, chatId: 1, updateId: 11, sends: [text("two"), text("three")] }]);
  });

  it("sends stored batches before anything new, and knows the updates they answer", async () => {
    const store = new MemoryStore();
    const at = new Date("2026-03-01T02:00:00.000Z");
    await store.putOutbox({ id: newOutboxId("tg:1", at), conversationId: "tg:1", createdAt: at.toISOString(), payload: { v: 1, chatId: 1, updateId: 7, sends: [text("left over")] } });
    const api = stubTelegram(store);
    const logger = memoryLogger();
    const outbox = outboxOn(store, api.telegram, logger);
    void outbox.replay();
    await outbox.queue(1, 8, [text("new")]);
    expect(await outbox.alreadyHandled(7)).toBe(true);
    expect(await outbox.alreadyHandled(8)).toBe(false);
    expect(await outbox.alreadyHandled(8)).toBe(true);
    await outbox.drain();
    await outbox.close();
    expect(api.sent).toEqual(["left over", "new"]);
    expect(logger.lines.find((l) => l.msg === "outbox: sending replies left undelivered by the last run")).toMatchObject({ batches: 1, possibleDuplicates: 1 });
  });

  it("removes a stored batch it cannot read as one of its own, with an error in the log", async () => {
    const store = new MemoryStore();
    const at = new Date("2026-03-01T02:00:00.000Z");
    await store.putOutbox({ id: newOutboxId("tg:1", at), conversationId: "tg:1", createdAt: at.toISOString(), payload: { v: 9 } });
    const logger = memoryLogger();
    const outbox = outboxOn(store, stubTelegram(store).telegram, logger);
    await outbox.replay();
    await outbox.close();
    expect(await store.outbox()).toEqual([]);
    expect(logger.lines.some((l) => l.level === "error" && l.msg === "outbox: an undelivered batch is not one this bot wrote; removed")).toBe(true);
  });
});
