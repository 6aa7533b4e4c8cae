import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConversations } from "../../../src/app/conversations.js";
import { startServer, WEB_DIR, type RunningServer } from "../../../src/app/server.js";
import type { ConversationService } from "../../../src/conversation/index.js";
import { readConfig } from "../../../src/config.js";
import { memoryLogger } from "../../../src/log.js";
import { projectRoot } from "../../../src/paths.js";
import { openLowdbStore } from "../../../src/store/lowdbStore.js";
import type { Store } from "../../../src/store/store.js";

const CLIENT_SOURCES = join(projectRoot, "src", "channels", "web", "client");

/**
 * The page the server serves is the client's build (dist/web). Tests of an older build than
 * the sources would pass or fail for the wrong reasons, so they stop here and say so.
 */
export function expectFreshClientBuild(): void {
  const built = join(WEB_DIR, "assets", "app.js");
  let builtAt: number;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    throw new Error(`${built} is missing: run "npm run build" before the web chat's browser tests.`);
  }
  const newer = readdirSync(CLIENT_SOURCES).filter((name) => statSync(join(CLIENT_SOURCES, name)).mtimeMs > builtAt);
  if (newer.length > 0) throw new Error(`dist/web is older than ${newer.join(", ")} in src/channels/web/client: run "npm run build".`);
}

/**
 * The real server as `npm start` composes it (the file store in a temporary DATA_DIR, the
 * conversation service, the web app on 127.0.0.1), on a port the system chooses. It can be
 * stopped and started again on the same port with the same store, as after a restart.
 */
export class TestServer {
  private running: RunningServer | null = null;
  port = 0;

  private constructor(readonly dataDir: string, private readonly store: Store, readonly conversations: ConversationService) {}

  static async start(): Promise<TestServer> {
    const dataDir = mkdtempSync(join(tmpdir(), "web-e2e-"));
    const logger = memoryLogger();
    const store = await openLowdbStore({ dir: dataDir, logger });
    const conversations = createConversations({ config: configOf(dataDir, 0), store, logger });
    const server = new TestServer(dataDir, store, conversations);
    await server.listen();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/`;
  }

  /** Listens again (on the same port after a stop). */
  async listen(): Promise<void> {
    const logger = memoryLogger();
    this.running = await startServer({ config: configOf(this.dataDir, this.port), conversations: this.conversations, logger });
    this.port = this.running.web.port;
  }

  /** What SIGTERM does to `npm start`: stop taking requests, close idle connections, finish the turns in hand. */
  async stop(): Promise<void> {
    await this.running?.stop("test");
    this.running = null;
  }

  async close(): Promise<void> {
    await this.stop();
    await this.store.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

function configOf(dataDir: string, port: number) {
  // Many pages from one address in a short time: the per-IP limit would only add waiting.
  return readConfig({ HOST: "127.0.0.1", PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: "silent", RATE_LIMIT_PER_MINUTE: "0" });
}
