import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach } from "vitest";
import type { Assistant } from "../../../src/assistant/assistant.js";
import { createConversations } from "../../../src/app/conversations.js";
import { keepRetention } from "../../../src/app/retention.js";
import { runBot, type RunBotOptions, type RunningBot } from "../../../src/channels/telegram/runBot.js";
import { readConfig } from "../../../src/config.js";
import { loadQuestionBank } from "../../../src/rules/loadQuestions.js";
import type { InterviewContext } from "../../../src/interview/interview.js";
import { memoryLogger } from "../../../src/log.js";
import { loadRules } from "../../../src/rules/loadRules.js";
import { openLowdbStore } from "../../../src/store/lowdbStore.js";
import type { Store } from "../../../src/store/store.js";
import { startFakeBotApi, type FakeBotApi } from "../../support/fakeBotApi.js";
import { spawnBot, type ChildEntry, type RunAs } from "./childBot.js";

/** A token the configuration accepts (the fake's default is too short for its check). */
export const TEST_TOKEN = "123456:TEST-token-for-the-fake";
export const ADMIN_ID = 9001;
/** 10:00 in Beijing on 1 March 2026: screenings are dated 2026-03-01. */
export const NOW = new Date("2026-03-01T02:00:00.000Z");
export const AS_OF = "2026-03-01";

export const interview: InterviewContext = { bank: loadQuestionBank(), rules: loadRules() };

/** No rate limits and quick retries: most tests are about what is said, not when. */
export const FAST: Pick<RunBotOptions, "limits" | "retry"> = {
  limits: { perChat: null, overall: null },
  retry: { horizonMs: 10_000, baseDelayMs: 10, maxDelayMs: 40, maxRateLimitWaits: 10, callTimeoutMs: 5_000 },
};

export interface TestBot {
  bot: RunningBot;
  store: Store;
  logger: ReturnType<typeof memoryLogger>;
  stop(): Promise<void>;
}

const dirs: string[] = [];

export function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "bot-test-"));
  dirs.push(dir);
  return dir;
}

export function removeDataDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function startFake(): Promise<FakeBotApi> {
  return startFakeBotApi({ token: TEST_TOKEN });
}

export interface StartOptions extends Partial<Omit<RunBotOptions, "config" | "conversations" | "logger">> {
  /** Telegram's rate limits and the retries as configured by default, instead of FAST. */
  configured?: boolean;
  /** The assistant for /ask and Explain; the configuration's (templates without a key) by default. */
  assistant?: Assistant;
  clock?: () => Date;
  dir?: string;
  env?: Record<string, string>;
  /** Set after validation (PORT 0, which the configuration refuses, lets the system pick a port). */
  port?: number;
  store?: Store;
}

/** A bot on the fake through TELEGRAM_API_ROOT, with the lowdb store on a temporary DATA_DIR. */
export async function startBot(fake: FakeBotApi, options: StartOptions = {}): Promise<TestBot> {
  const dir = options.dir ?? newDataDir();
  const config = readConfig({
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: fake.url,
    DATA_DIR: dir,
    ADMIN_IDS: String(ADMIN_ID),
    LOG_LEVEL: "silent",
    ...options.env,
  });
  const logger = memoryLogger();
  const store = options.store ?? (await openLowdbStore({ dir, logger }));
  const { limits, retry, maxConcurrentRequests, drainTimeoutMs } = options;
  const overrides = Object.fromEntries(Object.entries({ limits, retry, maxConcurrentRequests, drainTimeoutMs }).filter(([, v]) => v !== undefined));
  const clock = options.clock ?? (() => NOW);
  const conversations = createConversations({ config, store, logger, interview, assistant: options.assistant, clock });
  const stopRetention = await keepRetention(store, config.RETENTION_DAYS, clock, logger);
  const bot = await runBot({ config: { ...config, PORT: options.port ?? config.PORT, TELEGRAM_BOT_TOKEN: TEST_TOKEN }, conversations, logger, ...(options.configured ? {} : FAST), ...overrides });
  if (bot.mode === "polling") await fake.whenPolling();
  return {
    bot,
    store,
    logger,
    stop: async () => {
      stopRetention();
      await bot.stop("test finished");
      await store.close();
    },
  };
}

/** What a test file of the bot works with: a fresh fake per test, and bots and child processes that end with the test. */
export interface BotTests {
  /** This test's fake Bot API. */
  readonly fake: FakeBotApi;
  /** A bot in this process, stopped after the test unless stopped before with `stop`. */
  start(options?: StartOptions): Promise<TestBot>;
  stop(bot: TestBot): Promise<void>;
  /** `npm start` in a child process on this test's fake, killed after the test. */
  spawn(dir: string, entry?: ChildEntry, env?: Record<string, string>, runAs?: RunAs): ChildProcess;
}

/**
 * The set-up the end-to-end bot tests share: before each test a new fake; after it, child
 * processes killed, bots stopped, the fake closed and the data folders removed.
 */
export function useBotTests(): BotTests {
  let current: FakeBotApi | undefined;
  const running: TestBot[] = [];
  const children: ChildProcess[] = [];
  beforeEach(async () => {
    current = await startFake();
  });
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill("SIGKILL");
    for (const bot of running.splice(0)) await bot.stop();
    await current?.close();
    current = undefined;
    removeDataDirs();
  });
  const tests: BotTests = {
    get fake() {
      if (!current) throw new Error("no fake Bot API outside a test: use tests.fake inside it or its hooks");
      return current;
    },
    async start(options) {
      const bot = await startBot(tests.fake, options);
      running.push(bot);
      return bot;
    },
    async stop(bot) {
      running.splice(running.indexOf(bot), 1);
      await bot.stop();
    },
    spawn(dir, entry, env, runAs) {
      const child = spawnBot(tests.fake, dir, entry, env, runAs);
      children.push(child);
      return child;
    },
  };
  return tests;
}
