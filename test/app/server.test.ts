import { afterEach, describe, expect, it, vi } from "vitest";
import type { Assistant, FaqReply } from "../../src/assistant/assistant.js";
import { createConversations } from "../../src/app/conversations.js";
import { startServer, type RunningServer } from "../../src/app/server.js";
import { readConfig } from "../../src/config.js";
import { memoryLogger } from "../../src/log.js";
import { openLowdbStore } from "../../src/store/lowdbStore.js";
import type { FakeBotApi } from "../support/fakeBotApi.js";
import { undeliveredBatches } from "../channels/telegram/childBot.js";
import { Dialog } from "../channels/telegram/dialog.js";
import { FAST, interview, newDataDir, NOW, removeDataDirs, startBot, startFake, TEST_TOKEN, type TestBot } from "../channels/telegram/harness.js";

const ANSWER: FaqReply = { text: "An answer written while the server stopped.", articles: [], source: "faq" };

/** An assistant whose answers come only when the test says so; `asked` counts the questions. */
function heldAssistant() {
  const waiting: ((reply: FaqReply) => void)[] = [];
  const assistant: Assistant = {
    ask: () => new Promise((resolve) => waiting.push(resolve)),
    explain: () => new Promise(() => undefined),
  };
  return {
    assistant,
    get asked() {
      return waiting.length;
    },
    answerAll: () => {
      for (const answer of waiting.splice(0)) answer(ANSWER);
    },
  };
}

let fake: FakeBotApi;
const cleanup: (() => Promise<void>)[] = [];

/** Stops what the test started, the last first. */
async function closeAll(): Promise<void> {
  for (const step of cleanup.splice(0).reverse()) await step();
}

afterEach(async () => {
  await closeAll();
  await fake.close();
  removeDataDirs();
});

/** `npm start`'s server with the bot polling the fake, stopping within `shutdownMs`. */
async function serve(dir: string, shutdownMs: number, assistant: Assistant): Promise<{ server: RunningServer; logger: ReturnType<typeof memoryLogger> }> {
  fake = await startFake();
  const config = readConfig({ TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dir, LOG_LEVEL: "silent", PORT: "0", SHUTDOWN_TIMEOUT_MS: String(shutdownMs) });
  const logger = memoryLogger();
  const store = await openLowdbStore({ dir, logger });
  cleanup.push(() => store.close());
  const conversations = createConversations({ config, store, logger, interview, assistant, clock: () => NOW });
  const server = await startServer({ config, conversations, logger, bot: { limits: FAST.limits, retry: FAST.retry } });
  cleanup.push(() => server.stop("test finished"));
  await fake.whenPolling();
  return { server, logger };
}

describe("stopping the server", () => {
  it("with FAQ answers that are never written, ends within SHUTDOWN_TIMEOUT_MS and says they are dropped", async () => {
    const held = heldAssistant();
    const { server, logger } = await serve(newDataDir(), 600, held.assistant);
    const dialogs = Array.from({ length: 5 }, (_, i) => new Dialog(fake, 8500 + i));
    for (const dlg of dialogs) dlg.command("/ask what does Article 6 pay?");
    await vi.waitFor(() => expect(held.asked).toBe(5));

    // Without the bound this never settles: the answers are never written.
    await server.stop("test");
    expect(logger.lines).toContainEqual(expect.objectContaining({ msg: "server stopped before replies still being written were done; they are dropped", unfinished: expect.any(Number) }));
    expect(logger.lines.at(-1)).toMatchObject({ msg: "server stopped" });
    held.answerAll();
  });

  it("an FAQ answer written after the bot stopped sending is kept in the outbox and delivered by the next start", async () => {
    const held = heldAssistant();
    const dir = newDataDir();
    const { server, logger } = await serve(dir, 2_000, held.assistant);
    const dlg = new Dialog(fake, 8600);
    dlg.command("/ask what does Article 6 pay?");
    await vi.waitFor(() => expect(held.asked).toBe(1));

    const stopping = server.stop("test");
    // The bot's outbox is closed once it says it stopped: the answer can no longer be sent, only kept.
    await vi.waitFor(() => expect(logger.lines.some((line) => line.msg === "bot stopped")).toBe(true), { timeout: 5_000 });
    held.answerAll();
    await stopping;
    expect(logger.lines.some((line) => line.msg === "server stopped before replies still being written were done; they are dropped")).toBe(false);
    expect(dlg.messages().filter((m) => m.from?.is_bot)).toEqual([]);
    expect(undeliveredBatches(dir)).toBe(1);
    await closeAll();

    const next: TestBot = await startBot(fake, { dir });
    cleanup.push(() => next.stop());
    await dlg.nextText(ANSWER.text);
    await vi.waitFor(() => expect(undeliveredBatches(dir)).toBe(0));
  });
});
