import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../../../src/paths.js";
import type { FakeBotApi } from "../../support/fakeBotApi.js";

export type ChildEntry = "source" | "bundle";

/** Another user to run the child as (a test running as root, for whom file modes stop nothing). */
export interface RunAs {
  uid: number;
  gid: number;
}

/**
 * `npm start` in a child process on the fake: from the sources (node itself with tsx, not the
 * tsx wrapper, so signals reach the process that holds the store), or the built bundle.
 */
export function spawnBot(fake: FakeBotApi, dir: string, entry: ChildEntry = "source", env: Record<string, string> = {}, runAs?: RunAs): ChildProcess {
  const args = entry === "source" ? ["--import", "tsx", join(projectRoot, "src", "bin", "start.ts")] : [join(projectRoot, "dist", "start.mjs")];
  return spawn(process.execPath, args, {
    cwd: projectRoot,
    env: { ...process.env, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dir, LOG_LEVEL: "warn", WEBHOOK_URL: "", OPENAI_API_KEY: "", PORT: "0", ...env },
    stdio: ["ignore", "ignore", "pipe"],
    ...runAs,
  });
}

/** Batches of replies waiting in the data folder's outbox. */
export function outboxFiles(dir: string): number {
  const outbox = join(dir, "outbox");
  return existsSync(outbox) ? readdirSync(outbox).filter((name) => name.endsWith(".json") && !name.startsWith(".")).length : 0;
}
