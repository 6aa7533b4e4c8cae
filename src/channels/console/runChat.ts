import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { createConversations } from "../../app/conversations.js";
import { readConfig } from "../../config.js";
import { langSchema } from "../../i18n/lang.js";
import { createLogger, type LogLevel } from "../../log.js";
import { openLowdbStore } from "../../store/lowdbStore.js";
import { MemoryStore } from "../../store/memoryStore.js";
import { runConsoleChat } from "./chat.js";

export interface ChatIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

const USAGE = `usage: chat [--lang zh|en] [--save DIR] [--keep DIR]
  --lang   the conversation's language (asked first when not given)
  --save   write DIR/screening.json and DIR/result.json when the chat ends
  --keep   keep the conversation in DIR as it goes: after quit, Ctrl-C or a crash, the next chat
           with the same DIR carries on where it stopped (without it, each chat starts afresh)
Type answers, option numbers, amounts (1,200,000 · 120万 · 1.2m); commands: back, skip, result,
summary, edit N, restart, lang zh|en, explain, ask QUESTION, quit; /help lists the rest.`;

/** The terminal chat: arguments read, the conversation layer composed on an in-memory or a kept store, then the chat. */
export async function runChat(argv: string[], io: ChatIo): Promise<number> {
  let values: { lang?: string; save?: string; keep?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { lang: { type: "string" }, save: { type: "string" }, keep: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (error) {
    io.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const lang = values.lang === undefined ? undefined : langSchema.safeParse(values.lang);
  if (lang && !lang.success) {
    io.stderr.write(`--lang must be zh or en\n${USAGE}\n`);
    return 2;
  }
  const config = readConfig(io.env);
  // A one-shot terminal session: only warnings and errors on stderr unless LOG_LEVEL says otherwise.
  const level: LogLevel = io.env.LOG_LEVEL ? config.LOG_LEVEL : "warn";
  const logger = createLogger(level, (line) => io.stderr.write(line));
  const store = values.keep === undefined ? new MemoryStore() : await openLowdbStore({ dir: values.keep, logger });
  try {
    const conversations = createConversations({ config, store, logger });
    // A prompt for a person at a keyboard; a pipe gets only the conversation.
    const prompt = (io.stdin as Readable & { isTTY?: boolean }).isTTY ? "> " : undefined;
    await runConsoleChat({ input: io.stdin, output: io.stdout, conversations, lang: lang?.data, saveDir: values.save, prompt });
  } finally {
    await store.close();
  }
  return 0;
}
