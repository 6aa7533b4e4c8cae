import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import { currentResult, step, type InterviewContext } from "../interview/interview.js";
import type { InterviewEvent, OutMessage } from "../interview/messages.js";
import { describeFact, renderMessage, type Rendered } from "../interview/render.js";
import { initialState, type InterviewState } from "../interview/state.js";
import { toResultFile } from "../result/resultFile.js";
import type { DescribeFact } from "../result/resultScreen.js";
import type { Assistant } from "../assistant/assistant.js";
import { templateAssistant } from "../assistant/templateAssistant.js";
import { parseCommand } from "../interview/parseReply.js";

export interface ConsoleChatOptions {
  input: Readable;
  output: Writable;
  ctx: InterviewContext;
  today: string;
  lang?: Lang;
  /** Folder to write screening.json and result.json into when the chat ends. */
  saveDir?: string;
  /** Explanations and FAQ answers; the template one (no LLM) by default. */
  assistant?: (describe: DescribeFact) => Assistant;
}

/** `explain`, and `ask …` (or any text once the interview is over): the assistant's, not the interview's. */
const EXPLAIN = new Set(["explain", "解释", "说明"]);
const ASK = /^(?:ask|问|提问)\s+(.+)$/su;
const CONSOLE_USER = "console";

const QUIT = new Set(["quit", "exit", "q", "退出", "结束"]);
const LANGUAGE_PROMPT = "请选择语言 / Choose a language:\n  1. 中文\n  2. English";

function printRendered(output: Writable, r: Rendered): void {
  const lines = [r.text];
  r.options.forEach((option, i) => lines.push(`  ${i + 1}. ${option.ticked ? "[x] " : ""}${option.label}`));
  if (r.typingHint) lines.push(`(${r.typingHint})`);
  output.write(`${lines.join("\n")}\n\n`);
}

function chooseLanguage(text: string): Lang | null {
  const answer = text.trim().toLowerCase();
  if (["1", "zh", "中文", "chinese"].includes(answer)) return "zh";
  if (["2", "en", "english", "英文"].includes(answer)) return "en";
  return null;
}

/**
 * The interview in a terminal: numbered choices, typed amounts, commands as words. Reads
 * lines until EOF or "quit", so a whole interview can be piped in from a file.
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<InterviewState | null> {
  const { input, output, ctx } = options;
  let state: InterviewState | null = options.lang ? initialState(options.lang, options.today) : null;
  const describe: DescribeFact = (path, lang) => describeFact({ bank: ctx.bank, rules: ctx.rules, screening: currentResult(ctx, state!).screening })(path, lang);
  const assistant = (options.assistant ?? ((d: DescribeFact) => templateAssistant(ctx.rules, d)))(describe);
  const show = (out: OutMessage[]) => {
    for (const msg of out) printRendered(output, renderMessage(msg, { bank: ctx.bank, rules: ctx.rules, lang: state!.lang, screening: currentResult(ctx, state!).screening }));
  };
  const apply = (event: InterviewEvent) => {
    const next = step(ctx, state!, event);
    state = next.state;
    show(next.out);
  };
  const begin = () => {
    output.write(`${t(state!.lang, "welcome.title")}\n${t(state!.lang, "welcome.body")}\n${t(state!.lang, "interview.commands")}\n\n`);
    apply({ type: "start" });
  };
  if (state) begin();
  else output.write(`${LANGUAGE_PROMPT}\n`);
  for await (const line of createInterface({ input, crlfDelay: Infinity, terminal: false })) {
    if (QUIT.has(line.trim().toLowerCase())) break;
    if (!state) {
      const lang = chooseLanguage(line);
      if (lang) {
        state = initialState(lang, options.today);
        begin();
      } else output.write(`${LANGUAGE_PROMPT}\n`);
      continue;
    }
    if (line.trim() === "") continue;
    const text = line.trim();
    const question = ASK.exec(text)?.[1] ?? (state.done && parseCommand(text) === null && !EXPLAIN.has(text.toLowerCase()) ? text : null);
    if (EXPLAIN.has(text.toLowerCase())) {
      output.write(`${(await assistant.explain(currentResult(ctx, state).evaluation, state.lang, CONSOLE_USER)).text}\n\n`);
    } else if (question !== null) {
      output.write(`${(await assistant.ask(question, state.lang, CONSOLE_USER)).text}\n\n`);
    } else apply({ type: "text", text: line });
  }
  if (state && !(state as InterviewState).done) apply({ type: "result" });
  if (state && options.saveDir) save(options.saveDir, ctx, state, output);
  return state;
}

function save(dir: string, ctx: InterviewContext, state: InterviewState, output: Writable): void {
  const { screening, evaluation } = currentResult(ctx, state);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "screening.json"), `${JSON.stringify(screening, null, 2)}\n`);
  writeFileSync(join(dir, "result.json"), `${JSON.stringify(toResultFile(evaluation, "en"), null, 2)}\n`);
  output.write(`${join(dir, "screening.json")}\n${join(dir, "result.json")}\n`);
}
