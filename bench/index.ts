import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchEngine } from "./engine.js";
import { benchInterview } from "./interview.js";
import { benchLlm } from "./llm.js";
import { benchStore } from "./store.js";

/** `npm run bench`: every figure is measured in this run, on this machine. */
async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    const sections: [string, () => Promise<Record<string, number>>][] = [
      ["Rules engine and screening CLI", () => benchEngine(workDir)],
      ["Interview", () => benchInterview()],
      ["LLM: FAQ retrieval and explanation checks (mock model)", () => benchLlm()],
      ["Store: one write per answer", () => benchStore(workDir)],
    ];
    for (const [title, run] of sections) {
      console.log(`\n${title}`);
      for (const [name, value] of Object.entries(await run())) console.log(`  ${name.padEnd(52)} ${value}`);
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
