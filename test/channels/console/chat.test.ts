import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatYuan } from "../../../src/i18n/formatMoney.js";
import { runCli } from "../../support/runCli.js";

/** An SME in Tongzhou buying model services, typed as a person would, through a pipe. */
const SCRIPT = ["2", "yes", "1", "1, 4", "3", "skip", "yes", "120万", "yes", "0", "yes", "0", "0"].join("\n");

describe("console chat", () => {
  it("runs a whole interview from piped input, in English, and saves files the screening CLI reads back to the same result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chat-"));
    const run = await runCli("chat", ["--save", dir], SCRIPT);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Question 5 of about");
    expect(run.stdout).toContain("You entered RMB 1,200,000 (120万元). Is that right?");
    expect(run.stdout).toContain("Your pre-screening result:");
    const saved = JSON.parse(readFileSync(join(dir, "result.json"), "utf8")) as { items: { id: string; maxSupport: number }[]; totalMaxSupport: number };
    // The amount is the rules' (30% of the contract up to the model-voucher cap in force), not written here.
    const article6 = saved.items.find((item) => item.id === "6")!;
    expect(article6.maxSupport).toBeGreaterThan(0);
    expect(run.stdout).toContain(`Article 6 Model and computing vouchers for SMEs: up to ${formatYuan(Math.round(article6.maxSupport * 100), "en")}`);
    const again = await runCli("screen", ["--json", join(dir, "screening.json")]);
    expect(again.code).toBe(0);
    const reread = JSON.parse(again.stdout);
    expect(reread.items).toEqual(saved.items);
    expect(reread.totalMaxSupport).toBe(saved.totalMaxSupport);
  });

  it("speaks Chinese with --lang zh and reads Chinese amounts", async () => {
    const run = await runCli("chat", ["--lang", "zh"], ["是", "1", "1", "3", "跳过", "是", "一百二十万", "是", "0", "是", "0", "0"].join("\n"));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("第1题");
    expect(run.stdout).toContain("您输入的是 RMB 1,200,000 (120万元)，对吗？");
    expect(run.stdout).toContain("您的预筛查结果");
  });

  it("prints the result so far when the input ends mid-interview", async () => {
    const run = await runCli("chat", ["--lang", "en"], "yes\n1\n");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Result so far");
  });

  it("writes the result file and a summary in the chat's language with --save", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chat-"));
    const run = await runCli("chat", ["--lang", "zh", "--save", dir], "否\n");
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, "summary.txt"), "utf8")).toContain("第一条");
    expect(JSON.parse(readFileSync(join(dir, "result.json"), "utf8")).items.length).toBeGreaterThan(0);
  });

  it("with --keep, carries on where the last chat on the same folder stopped", async () => {
    const dir = mkdtempSync(join(tmpdir(), "chat-kept-"));
    const first = await runCli("chat", ["--lang", "en", "--keep", dir], "yes\n");
    expect(first.code).toBe(0);
    const asked = /Question 2 · [^\n]*\n\n([^\n]+)/.exec(first.stdout)?.[1];
    expect(asked).toBeDefined();
    const again = await runCli("chat", ["--keep", dir], "");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Question 2 · `);
    expect(again.stdout).toContain(asked);
    expect(again.stdout).not.toContain("Question 1 · ");
  });

  it.each(["chat", "screen", "ask"])("%s --help prints its usage and exits 0", async (bin) => {
    const run = await runCli(bin, ["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: /);
    expect(run.stderr).toBe("");
  });

  it("refuses an unknown language with exit code 2", async () => {
    const run = await runCli("chat", ["--lang", "fr"], "");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--lang must be zh or en");
  });

  it("explains a result and answers questions about the rules once the interview is over", async () => {
    const run = await runCli("chat", ["--lang", "en"], ["no", "explain", "ask what is a computing voucher", "Can a branch office apply?"].join("\n"), { OPENAI_API_KEY: "" });
    expect(run.code).toBe(0);
    const after = run.stdout.slice(run.stdout.indexOf("Your pre-screening result:") + 1);
    expect(after).toContain("Article 1: the applicant is not registered and operating in Tongzhou District");
    expect(after).toContain("Official text, Article 6");
    expect(after.match(/Cited: /g)?.length).toBeGreaterThanOrEqual(2);
  });
});
