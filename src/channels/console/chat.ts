import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Choice, ConversationInput, ConversationService, Reply, Turn } from "../../conversation/index.js";
import type { Lang } from "../../i18n/lang.js";
import { t } from "../../i18n/translate.js";
import { toResultFile } from "../../result/resultFile.js";
import { summaryText } from "../../result/summaryText.js";
import type { CompiledRules } from "../../rules/loadRules.js";

export interface ConsoleChatOptions {
  input: Readable;
  output: Writable;
  conversations: ConversationService;
  lang?: Lang;
  /** Folder to write screening.json and result.json into when the chat ends (and reports, when asked for). */
  saveDir?: string;
  /** Shown when the chat waits for the next line (a person at a keyboard sees when it is their turn). */
  prompt?: string;
}

/** The terminal has one user at a time: an in-memory store makes each run a new conversation, a kept one carries on. */
const CONVERSATION = "cli";
const QUIT = new Set(["quit", "exit", "q", "退出", "结束"]);
const LANGUAGE_WORDS: Record<string, Lang> = { zh: "zh", chinese: "zh", 中文: "zh", en: "en", english: "en", 英文: "en" };

/**
 * The conversation in a terminal: numbered choices, typed answers and amounts, commands as words
 * or `/command`. Reads lines until EOF or "quit", so a whole interview can be piped in from a file.
 */
export async function runConsoleChat(options: ConsoleChatOptions): Promise<void> {
  const { input, output, conversations } = options;
  const chat = new ConsoleView(output, options.saveDir);
  const send = async (event: ConversationInput) => chat.show(await conversations.handle(CONVERSATION, event));
  if (await conversations.exists(CONVERSATION)) await carryOn(chat, conversations);
  else if (options.lang) await chooseLanguage(chat, send, options.lang);
  else await send({ type: "command", command: "start", args: "" });

  const prompt = () => options.prompt && output.write(options.prompt);
  prompt();
  for await (const line of createInterface({ input, crlfDelay: Infinity, terminal: false })) {
    const text = line.trim();
    if (QUIT.has(text.toLowerCase())) break;
    if (text !== "") await readLine(chat, send, line);
    prompt();
  }
  // A terminal keeps its input open after readline is done with it: let go, so the process ends now.
  input.destroy();
  // Quit or end of input mid-interview: the result so far, without asking the question again.
  if (!chat.finished && (await conversations.current(CONVERSATION))) chat.showResultsOnly(await conversations.handle(CONVERSATION, { type: "command", command: "result", args: "" }));
  const current = await conversations.current(CONVERSATION);
  if (current && options.saveDir) save(options.saveDir, current, conversations.deps.interview.rules, output);
}

/** One typed line: a number or word from the menu shown, the language, or text for the conversation. */
async function readLine(chat: ConsoleView, send: (event: ConversationInput) => Promise<void>, line: string): Promise<void> {
  const menu = chat.menuChoice(line.trim());
  if (menu?.action.kind === "lang") await chooseLanguage(chat, send, menu.action.lang);
  else if (menu) await send({ type: "action", action: menu.action });
  else if (chat.awaitingLanguage) chat.say(t("en", "bot.chooseLanguageAgain"), chat.menu);
  else await send({ type: "text", text: line });
}

/** A kept conversation shows where it stands: the current question, or the result and its case. */
async function carryOn(chat: ConsoleView, conversations: ConversationService): Promise<void> {
  const { replies } = await conversations.view(CONVERSATION);
  chat.awaitingLanguage = false;
  await chat.show({ replies, later: null, outcome: "ok" });
}

async function chooseLanguage(chat: ConsoleView, send: (event: ConversationInput) => Promise<void>, lang: Lang): Promise<void> {
  chat.awaitingLanguage = false;
  await send({ type: "action", action: { kind: "lang", lang } });
  chat.say(t(lang, "interview.commands"));
  await send({ type: "command", command: "check", args: "" });
}

/** What the terminal shows, and which numbered menu (if any) a typed number picks from. */
class ConsoleView {
  menu: Choice[] = [];
  awaitingLanguage = true;
  finished = false;

  constructor(
    private readonly output: Writable,
    private readonly saveDir: string | undefined,
  ) {}

  async show(turn: Turn): Promise<void> {
    for (const reply of turn.replies) this.print(reply);
    if (turn.later) for (const reply of await turn.later) this.print(reply);
  }

  showResultsOnly(turn: Turn): void {
    for (const reply of turn.replies) if (reply.type === "result") this.print(reply);
  }

  /** A menu choice typed as its number, its label, or (for the language menu) a language's name. */
  menuChoice(text: string): Choice | null {
    const lower = text.toLowerCase();
    const byNumber = /^\d{1,2}$/.test(text) ? this.menu[Number(text) - 1] : undefined;
    const byLang = LANGUAGE_WORDS[lower];
    return byNumber ?? this.menu.find((c) => c.label.toLowerCase() === lower || (c.action.kind === "lang" && c.action.lang === byLang)) ?? null;
  }

  say(text: string, choices: Choice[] = []): void {
    const lines = [text, ...choices.map((choice, i) => `  ${i + 1}. ${choice.label}`)];
    this.output.write(`${lines.join("\n")}\n\n`);
  }

  private print(reply: Reply): void {
    switch (reply.type) {
      case "question": {
        this.menu = [];
        const lines = [reply.text, ...reply.question.options.map((o, i) => `  ${i + 1}. ${o.ticked ? "[x] " : ""}${o.label}`)];
        if (reply.question.typingHint) lines.push(`(${reply.question.typingHint})`);
        this.output.write(`${lines.join("\n")}\n\n`);
        return;
      }
      case "result":
        if (reply.final) this.finished = true;
        this.say(reply.text);
        return;
      case "document":
        this.say(`${reply.caption}: ${this.writeDocument(reply)}`);
        return;
      case "message":
        // The language menu (and menus under a result) are answered by number; the welcome's Start is implied.
        this.menu = reply.choices && !reply.inPlace ? reply.choices.flat() : this.menu;
        this.say(reply.text, reply.choices && !reply.inPlace ? this.menu : []);
        return;
      case "notice":
        this.say(reply.text);
    }
  }

  private writeDocument(reply: Extract<Reply, { type: "document" }>): string {
    const dir = this.saveDir ?? tmpdir();
    mkdirSync(dir, { recursive: true });
    const file = join(dir, reply.filename);
    writeFileSync(file, reply.content);
    return file;
  }
}

/** The screening file (the screening CLI reads it back to the same result), its result file and a summary, in the chat's language. */
function save(dir: string, current: NonNullable<Awaited<ReturnType<ConversationService["current"]>>>, rules: CompiledRules, output: Writable): void {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ["screening.json", `${JSON.stringify(current.screening, null, 2)}\n`],
    ["result.json", `${JSON.stringify(toResultFile(current.evaluation, current.lang), null, 2)}\n`],
    ["summary.txt", `${summaryText(current.evaluation, rules, current.lang)}\n`],
  ];
  for (const [name, content] of files) writeFileSync(join(dir, name), content);
  output.write(`${files.map(([name]) => join(dir, name)).join("\n")}\n`);
}
