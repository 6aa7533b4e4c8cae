import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { t } from "../../../src/i18n/translate.js";
import { ROOT } from "../../support/runCli.js";

/**
 * The terminal chat in a real pseudo-terminal: util-linux `script` gives it a TTY, so it behaves
 * as it does for a person at a keyboard (a TTY's input stays open until the program lets go of it).
 */
class Terminal {
  output = "";
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(args: string[]) {
    const command = [process.execPath, "--import", "tsx", join(ROOT, "src", "bin", "chat.ts"), ...args].map((a) => `'${a}'`).join(" ");
    this.child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: ROOT, env: { ...process.env, OPENAI_API_KEY: "" } });
    this.child.stdout.setEncoding("utf8").on("data", (chunk: string) => (this.output += chunk));
    this.exited = new Promise((resolve) => this.child.on("close", resolve));
  }

  /** Types keys as a person would (a line ends with Enter; "\x04" is Ctrl-D). */
  type(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** Waits until the screen shows `text` (or the program has ended). */
  async waitFor(text: string): Promise<void> {
    while (!this.output.includes(text)) {
      const ended = await Promise.race([this.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 50))]);
      if (ended) break;
    }
    expect(this.output).toContain(text);
  }

  kill(): void {
    this.child.kill("SIGKILL");
  }
}

const open: Terminal[] = [];
afterEach(() => {
  for (const term of open.splice(0)) term.kill();
});

function terminal(args: string[]): Terminal {
  const term = new Terminal(args);
  open.push(term);
  return term;
}

describe("the terminal chat in a pseudo-terminal", () => {
  it("quit ends it at once after the interview, with exit code 0", async () => {
    const term = terminal(["--lang", "en"]);
    await term.waitFor("Question 1");
    term.type("no\r");
    await term.waitFor("Case number");
    term.type("quit\r");
    expect(await term.exited).toBe(0);
  });

  it("退出 ends it mid-interview, printing the result so far", async () => {
    const term = terminal(["--lang", "zh"]);
    await term.waitFor("第1题");
    term.type("是\r");
    await term.waitFor("第2题");
    term.type("退出\r");
    expect(await term.exited).toBe(0);
    expect(term.output).toContain(t("zh", "screen.interim"));
  });

  it("Ctrl-D mid-question prints the result so far and exits, without asking the question again", async () => {
    const term = terminal(["--lang", "en"]);
    await term.waitFor("Question 1");
    term.type("yes\r");
    await term.waitFor("Question 2");
    const asked = term.output.length;
    term.type("\x04");
    expect(await term.exited).toBe(0);
    const after = term.output.slice(asked);
    expect(after).toContain(t("en", "screen.interim"));
    expect(after).not.toContain("Question 2");
  });

  it("says how to choose when the language typed is not one it knows", async () => {
    const term = terminal([]);
    await term.waitFor("Choose a language");
    term.type("français\r");
    await term.waitFor("Type 1 for 中文 or 2 for English");
    term.type("2\r");
    await term.waitFor("Question 1");
    term.type("quit\r");
    expect(await term.exited).toBe(0);
  });
});
