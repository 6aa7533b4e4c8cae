import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConversations } from "../../../src/app/conversations.js";
import { startServer, type RunningServer } from "../../../src/app/server.js";
import type { Assistant } from "../../../src/assistant/assistant.js";
import { readConfig } from "../../../src/config.js";
import type { Lang } from "../../../src/i18n/lang.js";
import { loadQuestionBank, type InterviewContext } from "../../../src/interview/index.js";
import { memoryLogger } from "../../../src/log.js";
import { loadRules } from "../../../src/rules/loadRules.js";
import { openLowdbStore } from "../../../src/store/lowdbStore.js";
import type { Store } from "../../../src/store/store.js";

/** 10:00 in Beijing on 1 March 2026: screenings are dated 2026-03-01. */
export const NOW = new Date("2026-03-01T02:00:00.000Z");
export const AS_OF = "2026-03-01";
export const interview: InterviewContext = { bank: loadQuestionBank(), rules: loadRules() };

export interface TestWeb {
  base: string;
  server: RunningServer;
  store: Store;
  logger: ReturnType<typeof memoryLogger>;
  dir: string;
  stop(): Promise<void>;
}

const dirs: string[] = [];

export function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "web-test-"));
  dirs.push(dir);
  return dir;
}

export function removeDataDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface StartOptions {
  dir?: string;
  env?: Record<string, string>;
  assistant?: Assistant;
  staticDir?: string;
}

/** The server as `npm start` composes it, on 127.0.0.1 and a free port, with the lowdb store on a temporary DATA_DIR. */
export async function startWeb(options: StartOptions = {}): Promise<TestWeb> {
  const dir = options.dir ?? newDataDir();
  const config = readConfig({ DATA_DIR: dir, PORT: "0", LOG_LEVEL: "silent", OPENAI_API_KEY: "", RATE_LIMIT_PER_MINUTE: "0", ...options.env });
  const logger = memoryLogger();
  const store = await openLowdbStore({ dir, logger });
  const conversations = createConversations({ config, store, logger, interview, assistant: options.assistant, clock: () => NOW });
  const server = await startServer({ config, conversations, logger, staticDir: options.staticDir });
  return {
    base: server.web.url.replace(/\/$/, ""),
    server,
    store,
    logger,
    dir,
    stop: async () => {
      await server.stop("test finished");
      await store.close();
    },
  };
}

export interface Reply {
  type: string;
  text?: string;
  choices?: { label: string; action: Record<string, unknown> }[][];
  question?: { key: string; turn: number; answer: string };
  card?: Record<string, unknown>;
  content?: string;
  filename?: string;
}

export interface TurnBody {
  replies: Reply[];
  later: Reply[];
  outcome: string;
}

/** The API as a browser's script uses it. */
export class WebClient {
  constructor(
    readonly base: string,
    private readonly acceptLanguage = "zh-CN,zh;q=0.9",
  ) {}

  async create(lang?: Lang): Promise<{ conversationId: string; lang: Lang; replies: Reply[] }> {
    const response = await this.fetch("/api/v1/conversations", { method: "POST", body: lang ? JSON.stringify({ lang }) : undefined });
    if (response.status !== 201) throw new Error(`create: ${response.status} ${await response.text()}`);
    return (await response.json()) as { conversationId: string; lang: Lang; replies: Reply[] };
  }

  async turn(id: string, input: unknown): Promise<TurnBody> {
    const response = await this.fetch("/api/v1/conversation/turns", { method: "POST", id, body: JSON.stringify(input) });
    if (response.status !== 200) throw new Error(`turn: ${response.status} ${await response.text()}`);
    return (await response.json()) as TurnBody;
  }

  fetch(path: string, init: { method?: string; id?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    return fetch(`${this.base}${path}`, {
      method: init.method ?? "GET",
      headers: { "accept-language": this.acceptLanguage, ...(init.body !== undefined ? { "content-type": "application/json" } : {}), ...(init.id ? { "x-conversation-id": init.id } : {}), ...init.headers },
      body: init.body,
    });
  }
}

/** Everything a turn showed, as one text. */
export function shown(turn: { replies: Reply[]; later?: Reply[] }): string {
  return [...turn.replies, ...(turn.later ?? [])].map((reply) => reply.text ?? reply.content ?? "").join("\n");
}
