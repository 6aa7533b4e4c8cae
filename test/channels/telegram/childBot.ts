import { spawn, type ChildProcess } from "node:child_process";
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../../../src/paths.js";
import type { FakeBotApi } from "../../support/fakeBotApi.js";

export type ChildEntry = "source" | "bundle";

/**
 * Another user to run the child as (a test running as root, for whom file modes stop nothing).
 * That user may not reach the project itself (a checkout under /root is 0700): such a child runs
 * the built bundle from a copy every user can read.
 */
export interface RunAs {
  uid: number;
  gid: number;
}

let readable: string | null = null;

/** The built app (its bundles, rules, prompts and package.json) copied once into a folder every user can read. */
function readableCopy(): string {
  if (readable) return readable;
  const dir = mkdtempSync(join(tmpdir(), "app-copy-"));
  chmodSync(dir, 0o755);
  for (const part of ["dist", "rules", "prompts", "package.json"]) cpSync(join(projectRoot, part), join(dir, part), { recursive: true });
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  readable = dir;
  return dir;
}

/**
 * `npm start` in a child process on the fake: from the sources (node itself with tsx, not the
 * tsx wrapper, so signals reach the process that holds the store), or the built bundle.
 */
export function spawnBot(fake: FakeBotApi, dir: string, entry: ChildEntry = "source", env: Record<string, string> = {}, runAs?: RunAs): ChildProcess {
  const root = runAs ? readableCopy() : projectRoot;
  const args = entry === "source" && !runAs ? ["--import", "tsx", join(root, "src", "bin", "start.ts")] : [join(root, "dist", "start.mjs")];
  return spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, TELEGRAM_BOT_TOKEN: fake.token, TELEGRAM_API_ROOT: fake.url, DATA_DIR: dir, LOG_LEVEL: "warn", WEBHOOK_URL: "", OPENAI_API_KEY: "", PORT: "0", ...env },
    stdio: ["ignore", "ignore", "pipe"],
    ...runAs,
  });
}

/** Batches of replies waiting in the data folder's outbox log: kept and not yet delivered. */
export function undeliveredBatches(dir: string): number {
  const log = join(dir, "outbox.jsonl");
  const waiting = new Set<string>();
  // The last line may be one the bot is writing at this moment: only whole lines count.
  const lines = existsSync(log) ? readFileSync(log, "utf-8").split("\n").slice(0, -1) : [];
  for (const line of lines) {
    const parsed = JSON.parse(line) as { put?: { id: string }; done?: string };
    if (parsed.put) waiting.add(parsed.put.id);
    else waiting.delete(parsed.done!);
  }
  return waiting.size;
}
