import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { recheckCsvLines, recheckScreenings, recheckTable } from "../conversation/staff/recheck/index.js";
import { createLogger } from "../log.js";
import { loadRules } from "../rules/loadRules.js";
import { openLowdbStore } from "../store/lowdbStore.js";

export interface RecheckIo {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
}

const USAGE = `usage: recheck [--data DIR] [--rules DIR] [--csv FILE] [--save]
Judges every stored screening again with the current rules (each on its own date) and lists those
whose items or total change; the stored screenings are not altered.
--data DIR   the data folder (default: DATA_DIR, or data)
--rules DIR  a rules folder to try before installing it (default: the project's rules/)
--csv FILE   also writes the changes as CSV, one row per changed item (- for stdout, without the table)
--save       keeps each changed screening's new result beside the original, with its rules version`;

/** `npm run recheck`: what a new rules version changes in the stored screenings. */
export async function runRecheck(argv: string[], io: RecheckIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, options: { data: { type: "string" }, rules: { type: "string" }, csv: { type: "string" }, save: { type: "boolean" }, help: { type: "boolean" } } });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (args.values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const rules = loadRules(args.values.rules);
  const store = await openLowdbStore({ dir: args.values.data ?? (io.env.DATA_DIR || "data"), logger: createLogger("warn", (line) => io.stderr.write(line)) });
  try {
    const report = await recheckScreenings(store.screenings("0000-01-01", "9999-12-31"), rules);
    const csv = args.values.csv;
    if (csv !== "-") io.stdout.write(recheckTable(report));
    if (csv !== undefined) await writeLines(csv === "-" ? io.stdout : createWriteStream(csv), recheckCsvLines(report), csv !== "-");
    if (args.values.save) {
      for (const change of report.changes) await store.addRecheck(change.after);
      io.stderr.write(`kept ${report.changes.length} new results beside the stored screenings, under rules ${report.rulesVersion}\n`);
    }
  } finally {
    await store.close();
  }
  return 0;
}

async function writeLines(out: Writable, lines: Iterable<string>, close: boolean): Promise<void> {
  for (const line of lines) if (!out.write(`${line}\r\n`)) await once(out, "drain");
  if (close) {
    out.end();
    await once(out, "finish");
  }
}
