import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { afterAll } from "vitest";
import { createConversations } from "../../../src/app/conversations.js";
import { runConsoleChat } from "../../../src/channels/console/chat.js";
import { readConfig } from "../../../src/config.js";
import type { ConversationService } from "../../../src/conversation/index.js";
import type { Lang } from "../../../src/i18n/lang.js";
import { t } from "../../../src/i18n/translate.js";
import { parseKey, type InterviewEvent } from "../../../src/interview/index.js";
import { memoryLogger } from "../../../src/log.js";
import { openLowdbStore, type LowdbStore } from "../../../src/store/lowdbStore.js";
import { channelContract, type ContractDriver, type ContractSession } from "../channelContract.js";
import { AS_OF, interview, NOW } from "../web/harness.js";

/** The chat's prompt: where it is shown, the chat waits for the next line, so everything before it is the turn's answer. */
const PROMPT = "<your turn>\n";
const CONVERSATION = "cli";

const dirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The terminal chat on a kept store, typed into line by line as a person types. */
class Terminal {
  private output = "";
  private read = 0;
  private wake: () => void = () => {};
  private readonly input = new PassThrough();
  private readonly ended: Promise<void>;

  constructor(
    readonly conversations: ConversationService,
    lang: Lang | undefined,
    saveDir: string,
  ) {
    const output = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        this.output += chunk.toString("utf8");
        this.wake();
        done();
      },
    });
    this.ended = runConsoleChat({ input: this.input, output, conversations, lang, saveDir, prompt: PROMPT }).finally(() => this.wake());
  }

  /** What the chat showed up to its next prompt. */
  async shown(): Promise<string> {
    let settled = false;
    void this.ended.then(() => (settled = true));
    while (this.output.indexOf(PROMPT, this.read) < 0) {
      if (settled) throw new Error(`the chat ended without a prompt; it showed:\n${this.output.slice(this.read)}`);
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    const at = this.output.indexOf(PROMPT, this.read);
    const text = this.output.slice(this.read, at);
    this.read = at + PROMPT.length;
    return text;
  }

  async type(line: string): Promise<string> {
    this.input.write(`${line}\n`);
    return this.shown();
  }

  /** Ends the input, as Ctrl-D does. */
  async close(): Promise<void> {
    this.input.end();
    await this.ended;
  }
}

/** The numbered menu of the last thing shown ("  1. Yes, delete"), read as a person reads it. */
function menuNumber(shown: string, label: string): string {
  const line = shown.split("\n").find((l) => l.trim().replace(/^\d+\. /, "") === label);
  const number = line && /^\s+(\d+)\. /.exec(line)?.[1];
  if (!number) throw new Error(`no menu entry "${label}" in:\n${shown}`);
  return number;
}

/** The terminal adapter driven through its input and output streams, its conversation kept in a lowdb store. */
async function consoleDriver(): Promise<ContractDriver> {
  const dataDir = tempDir("console-contract-");
  const saveDir = tempDir("console-documents-");
  const config = readConfig({ DATA_DIR: dataDir, LOG_LEVEL: "silent", OPENAI_API_KEY: "" });
  const logger = memoryLogger();
  let store: LowdbStore = await openLowdbStore({ dir: dataDir, logger });
  const compose = () => createConversations({ config, store, logger, interview, clock: () => NOW });
  let terminal: Terminal | null = null;
  let lang: Lang = "en";
  let ticked: string[] = [];
  const typed = () => terminal!;

  /** The question on screen, as the conversation layer gave it to the terminal. */
  const shownQuestion = async () => {
    const { replies } = await typed().conversations.view(CONVERSATION);
    const question = replies.find((reply) => reply.type === "question");
    return question?.type === "question" ? question : null;
  };

  /** The number shown beside an option of the current question: its place among the question's answer buttons. */
  const optionNumber = async (value: string | boolean): Promise<string> => {
    const question = await shownQuestion();
    const values = question ? question.choices.flat().flatMap(({ action }) => (action.kind === "answer" ? [action.value] : action.kind === "toggle" ? [action.option] : [])) : [];
    const index = values.indexOf(value);
    if (index < 0) throw new Error(`option ${String(value)} is not offered`);
    return String(index + 1);
  };

  const press = async (event: InterviewEvent): Promise<string> => {
    switch (event.type) {
      case "answer":
        if (typeof event.value === "boolean") return typed().type(t(lang, event.value ? "interview.yes" : "interview.no"));
        return typed().type(await optionNumber(event.value as string));
      case "confirm":
        return typed().type(t(lang, event.yes ? "interview.yes" : "interview.no"));
      case "skip":
        return typed().type(t(lang, "interview.dontKnow"));
      case "toggle":
        // A terminal ticks several options in one line: the numbers are typed with Done.
        ticked.push(await optionNumber(event.option));
        return "";
      case "done": {
        // None of them: the question says to type 0.
        const line = ticked.length > 0 ? ticked.join(", ") : "0";
        ticked = [];
        return typed().type(line);
      }
      default:
        throw new Error(`the contract does not press ${event.type}`);
    }
  };

  return {
    interview,
    asOf: AS_OF,
    dataDir,
    refusals: {
      stale: false,
      forged: (refusalLang, key) => {
        const type = parseKey(interview.bank, key)!.question.type;
        return t(refusalLang, type === "yes_no" ? "interview.invalid.yesNo" : type === "single" ? "interview.invalid.choice" : "interview.invalid.choices");
      },
    },
    async begin(chosen) {
      if (terminal) throw new Error("a terminal holds one conversation: begin once per driver");
      lang = chosen;
      terminal = new Terminal(compose(), chosen, saveDir);
      // The terminal starts the interview as soon as its language is chosen.
      const opening = await terminal.shown();
      const session: ContractSession = {
        conversationId: CONVERSATION,
        open: async () => opening,
        press: (event) => press(event),
        type: (text) => typed().type(text),
        pressForged: async (key) => {
          if (parseKey(interview.bank, key)!.question.type === "yes_no") return typed().type("3");
          // One past the last number shown.
          return typed().type(String(((await shownQuestion())?.question.options.length ?? 0) + 1));
        },
        resume: () => typed().type("/check"),
        report: async () => {
          const shown = await typed().type("/report");
          const file = /: (\S+\.html)$/m.exec(shown)?.[1];
          if (!file) throw new Error(`no report file in:\n${shown}`);
          return readFileSync(file, "utf8");
        },
        erase: async () => {
          const asked = await typed().type("/delete");
          await typed().type(menuNumber(asked, t(lang, "bot.button.deleteYes")));
        },
      };
      return session;
    },
    async restart() {
      await terminal?.close();
      await store.close();
      store = await openLowdbStore({ dir: dataDir, logger });
      terminal = new Terminal(compose(), undefined, saveDir);
      await terminal.shown();
    },
    async stop() {
      await terminal?.close();
      await store.close();
    },
  };
}

channelContract("console", consoleDriver);
