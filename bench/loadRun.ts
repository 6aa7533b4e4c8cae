/**
 * What the load benchmarks (bot.ts, web.ts) share: children that run TypeScript and talk over
 * IPC, the store filled between phases, and figures printed as aligned tables.
 */
import { fork, spawnSync, type ChildProcess } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const MB = 1024 * 1024;

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

/** A bench/ script in a child process, run as this one is (tsx), with IPC. */
/** A bench process run through tsx, as this one is; `node` adds options for it alone (a CPU profile). */
export const spawnTs = (file: string, args: string[], node: string[] = []): ChildProcess =>
  fork(join(import.meta.dirname, file), args, { execArgv: [...process.execArgv, ...node], stdio: ["ignore", "inherit", "inherit", "ipc"] });

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
