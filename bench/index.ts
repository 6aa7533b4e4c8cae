import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchEngine } from "./engine.js";
import { benchInterview } from "./interview.js";

/** `npm run bench`: every figure is measured in this run, on this machine. */
async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    const sections: [string, () => Promise<Record<string, number>>][] = [
      ["Rules engine and screening CLI", () => benchEngine(workDir)],
      ["Interview", () => benchInterview()],
    ];
    for (const [title, run] of sections) {
      console.log(`\n${title}`);
      for (const [name, value] of Object.entries(await run())) console.log(`  ${name.padEnd(44)} ${value}`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
