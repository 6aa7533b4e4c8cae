import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";

/** Asks for a line of secret text; null when the input ended or the person pressed Ctrl-C. */
export type AskSecret = (prompt: string) => Promise<string | null>;

type TtyInput = Readable & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };

/**
 * In a terminal, reads keystrokes in raw mode and echoes nothing; from a pipe (scripts, tests),
 * takes one line per question.
 */
export function secretPrompt(stdin: TtyInput, prompts: Writable): { ask: AskSecret; close: () => void } {
  if (stdin.isTTY && stdin.setRawMode) return { ask: (prompt) => readHidden(stdin, prompts, prompt), close: () => undefined };
  const lines = createInterface({ input: stdin, crlfDelay: Infinity })[Symbol.asyncIterator]();
  return {
    ask: async (prompt) => {
      prompts.write(prompt);
      const next = await lines.next();
      prompts.write("\n");
      return next.done ? null : next.value;
    },
    close: () => void lines.return?.(),
  };
}

const ENTER = new Set(["\r", "\n"]);
const ABORT = new Set(["\u0003", "\u0004"]);
const ERASE = new Set(["\u007f", "\b"]);

function readHidden(stdin: TtyInput, prompts: Writable, prompt: string): Promise<string | null> {
  prompts.write(prompt);
  stdin.setRawMode!(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  let text = "";
  return new Promise((resolve) => {
    const done = (value: string | null) => {
      stdin.off("data", onData);
      stdin.setRawMode!(false);
      stdin.pause();
      prompts.write("\n");
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (ENTER.has(char)) return done(text);
        if (ABORT.has(char)) return done(null);
        text = ERASE.has(char) ? [...text].slice(0, -1).join("") : text + char;
      }
    };
    stdin.on("data", onData);
  });
}
