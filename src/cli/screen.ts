import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Readable, Writable } from "node:stream";
import { todayInBeijing } from "../clock.js";
import { langSchema, type Lang } from "../i18n/lang.js";
import { resultFileJson } from "../result/resultFileJson.js";
import { loadRules, type CompiledRules } from "../rules/loadRules.js";
import { issueLine } from "../validation/issues.js";
import { checkScreening, type BatchFormat } from "./screenLines.js";

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  today?: string;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

const USAGE = `usage: screen [--json | --explain] [--lang zh|en] FILE   (FILE may be - for stdin)
       screen --batch FILE.jsonl [--json | --csv] [--jobs N]   (one screening per line; on N threads, by default from the file's size)`;

/** The screening CLI: a screening file in, a readable or JSON result out; exit 2 on invalid input. */
export async function runScreen(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: "boolean" },
        csv: { type: "boolean" },
        batch: { type: "string" },
        jobs: { type: "string" },
        lang: { type: "string", default: "en" },
        explain: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT_INVALID;
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const lang = langSchema.safeParse(values.lang);
  if (!lang.success) return usage(io, `--lang must be zh or en, not ${values.lang}`);
  const today = io.today ?? todayInBeijing();
  if (values.explain && (values.json || values.batch !== undefined)) return usage(io, "--explain adds words to the readable result: not with --json or --batch");
  if (values.batch !== undefined) {
    if (positionals.length > 0) return usage(io, "--batch takes no other file");
    if (values.json && values.csv) return usage(io, "choose one of --json and --csv");
    return batch(values.batch, values.csv ? "csv" : "json", values.jobs, today, io);
  }
  if (positionals.length !== 1) return usage(io, "name one screening file (or - for stdin)");
  return runOne(positionals[0]!, values.json === true, values.explain === true, lang.data, loadRules(), today, io);
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`${message}\n${USAGE}\n`);
  return EXIT_INVALID;
}

async function readSource(file: string, io: CliIo): Promise<string> {
  if (file !== "-") return readFileSync(file, "utf8");
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

async function runOne(file: string, json: boolean, explain: boolean, lang: Lang, rules: CompiledRules, today: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readSource(file, io);
  } catch (error) {
    io.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
  const result = checkScreening(text, rules, today);
  if (!result.ok) {
    io.stderr.write(result.issues.map((issue) => `${issueLine(issue)}\n`).join(""));
    return EXIT_INVALID;
  }
  if (json) {
    io.stdout.write(`${resultFileJson(result.value, lang)}\n`);
    return EXIT_OK;
  }
  const { printReadable } = await import("./screenReadable.js");
  const run = { evaluation: result.value, screening: result.screening, lang, rules, explain };
  return (await printReadable(run, io.stdout, io.stderr)) ? EXIT_OK : EXIT_INVALID;
}

/**
 * `--jobs` threads screen, by default as many as the file's size calls for: one is this thread
 * alone, more are worker threads. The batch's module is loaded here only, so a one-shot run
 * does not load it, nor node:worker_threads with it.
 */
async function batch(file: string, format: BatchFormat, jobsOption: string | undefined, today: string, io: CliIo): Promise<number> {
  const { batchInputBytes, defaultJobs, runBatch } = await import("./runBatch.js");
  const jobs = jobsOption === undefined ? defaultJobs(await batchInputBytes(file), format) : Number(jobsOption);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) return usage(io, `--jobs must be a whole number from 1 to 64, not ${jobsOption}`);
  try {
    return (await runBatch(file, format, loadRules(), today, jobs === 1 ? 0 : jobs, io)) > 0 ? EXIT_INVALID : EXIT_OK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    io.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
}
