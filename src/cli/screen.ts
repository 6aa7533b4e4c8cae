import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Readable, Writable } from "node:stream";
import { config as loadDotenv } from "dotenv";
import { todayInBeijing } from "../clock.js";
import type { Evaluation } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import { ConfigError } from "../config.js";
import { langSchema, type Lang } from "../i18n/lang.js";
import { loadQuestionBank } from "../rules/loadQuestions.js";
import { describeFact } from "../interview/render.js";
import { resultFileJson } from "../result/resultFileJson.js";
import { printedResult } from "../result/printedResult.js";
import { loadRules, type CompiledRules } from "../rules/loadRules.js";
import { issueLine } from "../validation/issues.js";
import { batchInputBytes, defaultJobs, runBatch } from "./runBatch.js";
import { checkScreening, type BatchFormat } from "./screenLines.js";
import { cliAssistant } from "./ask.js";
import { UNLIMITED_LLM } from "../assistant/assistant.js";

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
    const format = values.csv ? "csv" : "json";
    const jobs = values.jobs === undefined ? defaultJobs(await batchInputBytes(values.batch), format) : Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) return usage(io, `--jobs must be a whole number from 1 to 64, not ${values.jobs}`);
    return batch(values.batch, format, jobs, loadRules(), today, io);
  }
  if (positionals.length !== 1) return usage(io, "name one screening file (or - for stdin)");
  return runOne(positionals[0]!, values.json === true, values.explain === true, lang.data, loadRules(), today, io);
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`${message}\n${USAGE}\n`);
  return EXIT_INVALID;
}

async function readSource(file: string, io: CliIo): Promise<string> {
  if (file !== "-") return readFile(file, "utf8");
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
  if (json) io.stdout.write(`${resultFileJson(result.value, lang)}\n`);
  else {
    const describe = describeFact({ bank: loadQuestionBank(), rules, screening: result.screening });
    io.stdout.write(`${printedResult(result.value, rules, lang, { describe, name: result.screening.applicant?.name })}\n`);
  }
  return explain ? printExplanation(result.value, result.screening, lang, rules, io) : EXIT_OK;
}

/** After the result, its explanation: the LLM's with OPENAI_API_KEY (environment or .env), else the template's. */
async function printExplanation(evaluation: Evaluation, screening: Screening, lang: Lang, rules: CompiledRules, io: CliIo): Promise<number> {
  loadDotenv({ quiet: true });
  const describe = describeFact({ bank: loadQuestionBank(), rules, screening });
  try {
    const explanation = await cliAssistant(process.env, io.stderr, rules).explain(evaluation, lang, { describe, allowance: UNLIMITED_LLM });
    io.stdout.write(`\n${explanation.text}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT_INVALID;
  }
}

/** `jobs` threads screen: one is this thread alone, more are worker threads. */
async function batch(file: string, format: BatchFormat, jobs: number, rules: CompiledRules, today: string, io: CliIo): Promise<number> {
  try {
    return (await runBatch(file, format, rules, today, jobs === 1 ? 0 : jobs, io)) > 0 ? EXIT_INVALID : EXIT_OK;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    io.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
}
