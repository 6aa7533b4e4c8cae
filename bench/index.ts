import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchEngine } from "./engine.js";
import { benchInterview } from "./interview.js";
import { benchLlm } from "./llm.js";
import { benchStore } from "./store.js";

const SECTIONS: Record<string, [title: string, run: (workDir: string) => Promise<Record<string, number | string>>]> = {
  engine: ["Rules engine and screening CLI", benchEngine],
  interview: ["Interview", () => benchInterview()],
  llm: ["LLM: FAQ retrieval and explanation checks (mock model)", () => benchLlm()],
  store: ["Store: one write per answer", benchStore],
};

async function runSection(name: string): Promise<void> {
  const [title, run] = SECTIONS[name]!;
  const workDir = mkdtempSync(join(tmpdir(), "bench-"));
  try {
    const figures = await run(workDir);
    console.log(`\n${title}`);
    for (const [label, value] of Object.entries(figures)) console.log(`  ${label.padEnd(52)} ${value}`);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * `npm run bench`: every figure is measured in this run, on this machine. Each section runs in
 * a fresh Node process, so no section's heap or compiled code colours the next one's figures;
 * `npm run bench -- interview store` runs only the sections named.
 */
function main(): void {
  const only = process.argv.slice(2);
  for (const name of only.length > 0 ? only : Object.keys(SECTIONS)) {
    if (!(name in SECTIONS)) {
      console.error(`unknown section "${name}"; sections: ${Object.keys(SECTIONS).join(", ")}`);
      process.exit(2);
    }
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--section", name], { stdio: "inherit" });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}

if (process.argv[2] === "--section") await runSection(process.argv[3]!);
else main();
