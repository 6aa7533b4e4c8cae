import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Readable, Writable } from "node:stream";
import { config as loadDotenv } from "dotenv";
import { todayInBeijing } from "../clock.js";
import { evaluate } from "../engine/evaluate.js";
import { parseScreening, type Screening } from "../engine/screening.js";
import { ConfigError } from "../config.js";
import { langSchema, type Lang } from "../i18n/lang.js";
import { loadQuestionBank } from "../interview/questionBank.js";
import { describeFact } from "../interview/render.js";
import { toResultFile } from "../result/resultFile.js";
import { summaryText } from "../result/summaryText.js";
import { loadRules, type CompiledRules } from "../rules/loadRules.js";
import { issueLine, type InputIssue } from "../validation/issues.js";
import { CSV_HEADER, csvErrorRow, csvRow } from "./csvRow.js";
import { BufferedWriter } from "./bufferedWriter.js";
import { CLI_USER, cliAssistant } from "./ask.js";

export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  today?: string;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

const USAGE = `usage: screen [--json | --explain] [--lang zh|en] FILE   (FILE may be - for stdin)
       screen --batch FILE.jsonl [--json | --csv]    (one screening per line)`;

/** The screening CLI: a screening file in, a readable or JSON result out; exit 2 on invalid input. */
export async function runScreen(argv: string[], io: CliIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: "boolean" }, csv: { type: "boolean" }, batch: { type: "string" }, lang: { type: "string", default: "en" }, explain: { type: "boolean" } },
    });
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT_INVALID;
  }
  const { values, positionals } = args;
  const lang = langSchema.safeParse(values.lang);
  if (!lang.success) return usage(io, `--lang must be zh or en, not ${values.lang}`);
  const rules = loadRules();
  const today = io.today ?? todayInBeijing();
  if (values.explain && (values.json || values.batch !== undefined)) return usage(io, "--explain adds words to the readable result: not with --json or --batch");
  if (values.batch !== undefined) {
    if (positionals.length > 0) return usage(io, "--batch takes no other file");
    if (values.json && values.csv) return usage(io, "choose one of --json and --csv");
    return runBatch(values.batch, values.csv ? "csv" : "json", rules, today, io);
  }
  if (positionals.length !== 1) return usage(io, "name one screening file (or - for stdin)");
  return runOne(positionals[0]!, values.json === true, values.explain === true, lang.data, rules, today, io);
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

type Checked = { ok: true; value: ReturnType<typeof evaluate>; name: string | undefined; screening: Screening } | { ok: false; issues: InputIssue[] };

function check(text: string, rules: CompiledRules, today: string): Checked {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, issues: [{ path: "(document)", message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const parsed = parseScreening(data);
  if (!parsed.ok) return parsed;
  return { ok: true, value: evaluate(parsed.value, rules, today), name: parsed.value.applicant?.name, screening: parsed.value };
}

async function runOne(file: string, json: boolean, explain: boolean, lang: Lang, rules: CompiledRules, today: string, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readSource(file, io);
  } catch (error) {
    io.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
  const result = check(text, rules, today);
  if (!result.ok) {
    io.stderr.write(result.issues.map((issue) => `${issueLine(issue)}\n`).join(""));
    return EXIT_INVALID;
  }
  io.stdout.write(json ? `${JSON.stringify(toResultFile(result.value, lang))}\n` : `${summaryText(result.value, rules, lang)}\n`);
  return explain ? printExplanation(result.value, result.screening, lang, rules, io) : EXIT_OK;
}

/** After the result, its explanation: the LLM's with OPENAI_API_KEY (environment or .env), else the template's. */
async function printExplanation(evaluation: ReturnType<typeof evaluate>, screening: Screening, lang: Lang, rules: CompiledRules, io: CliIo): Promise<number> {
  loadDotenv({ quiet: true });
  const describe = describeFact({ bank: loadQuestionBank(), rules, screening });
  try {
    const explanation = await cliAssistant(process.env, io.stderr, rules, describe).explain(evaluation, lang, CLI_USER);
    io.stdout.write(`\n${explanation.text}\n`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT_INVALID;
  }
}

/** Streams a JSON-lines file: one result (or CSV row) per input line, in order, without holding them. */
async function runBatch(file: string, format: "json" | "csv", rules: CompiledRules, today: string, io: CliIo): Promise<number> {
  const input = file === "-" ? io.stdin : createReadStream(file, { encoding: "utf8" });
  const out = new BufferedWriter(io.stdout);
  let invalid = 0;
  let line = 0;
  const opened = new Promise<void>((resolve, reject) => {
    if (file === "-") resolve();
    else input.once("open", () => resolve()).once("error", reject);
  });
  try {
    await opened;
  } catch (error) {
    io.stderr.write(`${file}: cannot read: ${(error as Error).message}\n`);
    return EXIT_INVALID;
  }
  if (format === "csv") await out.write(`${CSV_HEADER.join(",")}\n`);
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === "") continue;
    const result = check(text, rules, today);
    if (!result.ok) {
      invalid += 1;
      io.stderr.write(result.issues.map((issue) => `line ${line}: ${issueLine(issue)}\n`).join(""));
      const issues = result.issues.map(issueLine);
      await out.write(format === "csv" ? `${csvErrorRow(line, issues.join("; "))}\n` : `${JSON.stringify({ line, error: issues })}\n`);
      continue;
    }
    await out.write(format === "csv" ? `${csvRow(line, result.name, result.value)}\n` : `${JSON.stringify(toResultFile(result.value))}\n`);
  }
  await out.flush();
  return invalid > 0 ? EXIT_INVALID : EXIT_OK;
}
