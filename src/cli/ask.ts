import { parseArgs } from "node:util";
import type { Writable } from "node:stream";
import { UNLIMITED_LLM, type Assistant, type FaqReply } from "../assistant/assistant.js";
import { createAssistant } from "../assistant/llmAssistant.js";
import { ConfigError, readConfig } from "../config.js";
import { langSchema, type Lang } from "../i18n/lang.js";
import { createLogger, type LogLevel } from "../log.js";
import { loadRules, type CompiledRules } from "../rules/loadRules.js";

export interface AskIo {
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 2;

const USAGE = `usage: ask [--json] [--lang zh|en] "question"
  --json   print {"articles": [...], "answer": "...", "source": "faq|article|llm"};
           refusals and how-much questions are answered from the FAQ's fixed texts: source "faq"
  --lang   the answer's language; by default Chinese if the question has Chinese characters
With OPENAI_API_KEY set (environment or .env) the LLM words the answer from the retrieved
passages, checked against the official text; otherwise the answer is retrieved offline.`;

/** Answers one question about the Rules: readable text, or JSON with --json. */
export async function runAsk(argv: string[], io: AskIo): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: "boolean" }, lang: { type: "string" }, help: { type: "boolean", short: "h" } } });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = args;
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return EXIT_OK;
  }
  const question = positionals.join(" ").trim();
  if (question === "") return usage(io, "ask one question");
  const lang = values.lang === undefined ? guessLang(question) : langSchema.safeParse(values.lang).data;
  if (!lang) return usage(io, `--lang must be zh or en, not ${values.lang}`);
  let assistant: Assistant;
  try {
    assistant = cliAssistant(io.env, io.stderr, loadRules());
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr.write(`${error.message}\n`);
    return EXIT_INVALID;
  }
  const reply = await assistant.ask(question, lang, UNLIMITED_LLM);
  io.stdout.write(values.json ? `${JSON.stringify(toJson(reply))}\n` : `${reply.text}\n`);
  return EXIT_OK;
}

function usage(io: AskIo, message: string): number {
  io.stderr.write(`${message}\n${USAGE}\n`);
  return EXIT_INVALID;
}

function guessLang(question: string): Lang {
  return /\p{Script=Han}/u.test(question) ? "zh" : "en";
}

/** The --json shape: refusals and how-much pointers are the FAQ's own fixed answers. */
function toJson(reply: FaqReply): { articles: string[]; answer: string; source: "faq" | "article" | "llm" } {
  const source = reply.source === "refusal" || reply.source === "how_much" ? "faq" : reply.source;
  return { articles: reply.articles, answer: reply.text, source };
}

/**
 * The assistant for a command-line run, from the environment. Logs go to stderr as JSON lines;
 * unless LOG_LEVEL is set, only warnings and errors, so a one-shot command stays quiet.
 */
export function cliAssistant(env: Record<string, string | undefined>, stderr: Writable, rules: CompiledRules): Assistant {
  const config = readConfig(env);
  const level: LogLevel = env.LOG_LEVEL ? config.LOG_LEVEL : "warn";
  const logger = createLogger(level, (line) => stderr.write(line));
  return createAssistant({ config, rules, logger });
}
