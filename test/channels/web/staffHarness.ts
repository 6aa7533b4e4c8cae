import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConversations } from "../../../src/app/conversations.js";
import { startServer } from "../../../src/app/server.js";
import { readConfig } from "../../../src/config.js";
import type { InterviewContext } from "../../../src/interview/index.js";
import { memoryLogger } from "../../../src/log.js";
import { loadQuestionBank } from "../../../src/rules/loadQuestions.js";
import { loadRules } from "../../../src/rules/loadRules.js";
import { AccountStore, accountsFile, readStaffConfig, type Role } from "../../../src/staff/index.js";
import { openLowdbStore, type LowdbStore } from "../../../src/store/lowdbStore.js";
import { manualClock, TEST_COST } from "../../staff/fixtures.js";

/** 10:00 in Beijing on 1 March 2026. */
export const NOW = new Date("2026-03-01T02:00:00.000Z");
export const interview: InterviewContext = { bank: loadQuestionBank(), rules: loadRules() };
export const PASSWORD = "correct horse battery";

const dirs: string[] = [];
export function removeStaffDirs(): void {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface StaffWeb {
  base: string;
  dir: string;
  store: LowdbStore;
  clock: ReturnType<typeof manualClock>;
  /** Adds an account through src/staff, as `npm run staff -- add` does. */
  addAccount(name: string, role?: Role): Promise<void>;
  stop(): Promise<void>;
}

/** The server as `npm start` composes it, on 127.0.0.1 with a temporary DATA_DIR, the staff clock in the test's hand. */
export async function startStaffWeb(env: Record<string, string> = {}): Promise<StaffWeb> {
  const dir = mkdtempSync(join(tmpdir(), "staff-web-"));
  dirs.push(dir);
  const config = readConfig({ DATA_DIR: dir, PORT: "0", LOG_LEVEL: "silent", OPENAI_API_KEY: "", RATE_LIMIT_PER_MINUTE: "0", ...env });
  const logger = memoryLogger();
  const store = await openLowdbStore({ dir, logger });
  const conversations = createConversations({ config, store, logger, interview, clock: () => NOW });
  const clock = manualClock(NOW.getTime());
  const server = await startServer({ config, conversations, logger, staticDir: join(dir, "no-build"), staff: { config: readStaffConfig(env), now: clock.now, cost: TEST_COST } });
  const accounts = new AccountStore({ file: accountsFile(dir), cost: TEST_COST });
  return {
    base: server.web.url.replace(/\/$/, ""),
    dir,
    store,
    clock,
    addAccount: async (name, role = "staff") => void (await accounts.add(name, role, PASSWORD)),
    stop: async () => {
      await server.stop("test finished");
      await store.close();
    },
  };
}

/** A browser's view of the staff API: the session cookie it keeps, and the CSRF token the page keeps. */
export class StaffClient {
  cookie: string | null = null;
  csrfToken: string | null = null;
  lastSetCookie: string | null = null;

  constructor(readonly base: string) {}

  async signIn(name: string, password = PASSWORD): Promise<Response> {
    const response = await this.fetch("/staff/api/session", { method: "POST", json: { name, password } });
    if (response.status === 200) this.csrfToken = ((await response.clone().json()) as { csrfToken: string }).csrfToken;
    return response;
  }

  async json<T>(path: string): Promise<T> {
    const response = await this.fetch(path);
    if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  async fetch(path: string, init: { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>; csrf?: string | null } = {}): Promise<Response> {
    const method = init.method ?? "GET";
    const csrf = init.csrf === undefined ? (method === "GET" ? null : this.csrfToken) : init.csrf;
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(init.json !== undefined ? { "content-type": "application/json" } : {}),
        ...(csrf ? { "x-csrf-token": csrf } : {}),
        ...init.headers,
      },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
    const set = response.headers.get("set-cookie");
    if (set) {
      this.lastSetCookie = set;
      const [pair = ""] = set.split(";");
      const [name, value = ""] = pair.split("=");
      this.cookie = value === "" ? null : `${name}=${value}`;
    }
    return response;
  }
}
