/**
 * What the load benchmarks (bot.ts, web.ts) share: children that talk over IPC (the server under
 * test built, the others run through tsx), the store filled between phases, and figures printed
 * as aligned tables.
 */
import { fork, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../src/paths.js";

export const MB = 1024 * 1024;

/** The polling settings a bot bench may be given in its environment (`TELEGRAM_POLL_INTERVAL_MS=0 npm run bench:bot`); the defaults otherwise. */
export function pollingEnv(): Record<string, string> {
  const names = ["TELEGRAM_POLL_BATCH", "TELEGRAM_POLL_INTERVAL_MS"];
  return Object.fromEntries(names.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])));
}

/** Bytes of every file under `dir`. */
export function sizeOnDisk(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).reduce((sum, name) => {
    const stat = statSync(join(dir, name));
    return stat.isFile() ? sum + stat.size : sum;
  }, 0);
}

/** The next IPC message of a given type from a child. */
export function message<T extends { type: string }>(child: ChildProcess, type: T["type"]): Promise<T> {
  return new Promise((resolve) => {
    const listen = (received: T) => {
      if (received.type !== type) return;
      child.off("message", listen);
      resolve(received);
    };
    child.on("message", listen);
  });
}

/** A bench/ script in a child process, run through tsx as this one is, with IPC. */
export const spawnTs = (file: string, args: string[]): ChildProcess =>
  fork(join(import.meta.dirname, file), args, { execArgv: process.execArgv, stdio: ["ignore", "inherit", "inherit", "ipc"] });

/**
 * A server under test from its bundle in dist/ (scripts/build.mjs), run by plain `node` as
 * `npm start` runs the server, with IPC; `node` adds options for it (a CPU profile).
 */
export function spawnBuilt(bundle: string, args: string[], node: string[] = []): ChildProcess {
  const file = join(projectRoot, "dist", bundle);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build first`);
  return fork(file, args, { execArgv: node, stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

/**
 * `count` finished screenings over the past year written into the store on `dir` by botFill.ts;
 * returns the seconds it took. Then waits for the kernel to flush them, so the next phase
 * measures steady work and not that one-off writeback.
 */
export function fillStore(dir: string, count: number): number {
  const fill = spawnSync(process.execPath, [...process.execArgv, join(import.meta.dirname, "botFill.ts"), dir, String(count)], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (fill.status !== 0) throw new Error(`botFill.ts failed with status ${fill.status}`);
  spawnSync("sync");
  return Number(fill.stdout.trim());
}

export function print(title: string, figures: Record<string, number | string>, width = 44): void {
  console.log(`\n${title}`);
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(width)} ${value}`);
}
