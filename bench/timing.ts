import { spawn } from "node:child_process";

/** Wall time of a child process, in milliseconds, with its output discarded. */
export function timeProcess(command: string, args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "inherit"] });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0 && code !== 2) reject(new Error(`${args.join(" ")} exited ${code}`));
      else resolve(Number(process.hrtime.bigint() - start) / 1e6);
    });
  });
}

export const elapsedMs = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const round = (n: number, digits = 1) => Number(n.toFixed(digits));
