import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { faithfulResponder, startMockLlm, type MockLlm } from "../support/mockLlm.js";
import { ROOT, runCli } from "../support/runCli.js";

let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

/** Empty values count as unset and keep a developer's .env or shell key out of the test. */
const NO_KEY = { OPENAI_API_KEY: "", OPENAI_BASE_URL: "", LOG_LEVEL: "" };
const withMock = () => ({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: mock.url, LOG_LEVEL: "" });
const example = join(ROOT, "examples", "spec-example.json");

describe("ask CLI", () => {
  it("answers offline without a key, citing the right Article first, and prints nothing else", async () => {
    const run = await runCli("ask", ["--json", "什么是算力券"], undefined, NO_KEY);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const reply = JSON.parse(run.stdout);
    expect(Object.keys(reply)).toEqual(["articles", "answer", "source"]);
    expect(reply.articles[0]).toBe("6");
    expect(reply.source).toBe("faq");
    expect(reply.answer).toContain("算力券");
  });

  it("answers in the question's language unless --lang says otherwise", async () => {
    const english = await runCli("ask", ["what are computing vouchers?"], undefined, NO_KEY);
    expect(english.stdout).toContain("Article 6");
    const chinese = await runCli("ask", ["--lang", "zh", "what are computing vouchers?"], undefined, NO_KEY);
    expect(chinese.stdout).toContain("第六条");
  });

  it("gives a refusal source faq and no articles", async () => {
    const run = await runCli("ask", ["--json", "今天北京天气怎么样？"], undefined, NO_KEY);
    expect(JSON.parse(run.stdout)).toMatchObject({ articles: [], source: "faq" });
  });

  it("words the answer through the LLM with a key, and checks it", async () => {
    mock.script({ content: JSON.stringify({ claims: [{ text: "算力券是{{article:6}}规定的支持方式。", cite: { article: "6" }, quote: "computing vouchers" }] }) });
    const run = await runCli("ask", ["--json", "什么是算力券"], undefined, withMock());
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toMatchObject({ articles: ["6"], source: "llm" });
    expect(JSON.parse(run.stdout).answer).toContain("算力券是第六条规定的支持方式。");
    expect(mock.requests).toHaveLength(1);
  });

  it("falls back to the offline answer when the LLM fails, with a warning on stderr", async () => {
    mock.script({ status: 500 }, { status: 500 });
    const run = await runCli("ask", ["--json", "什么是算力券"], undefined, withMock());
    expect(JSON.parse(run.stdout)).toMatchObject({ source: "faq" });
    expect(run.stderr).toContain("llm answer failed");
  });

  it("exits 2 with the usage without a question or with a bad option", async () => {
    for (const args of [[], ["--lang", "fr", "q"], ["--nope", "q"]]) {
      const run = await runCli("ask", args, undefined, NO_KEY);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("usage: ask");
    }
  });

  it("exits 2 naming the variable when the configuration is wrong", async () => {
    const run = await runCli("ask", ["什么是算力券"], undefined, { ...NO_KEY, OPENAI_BASE_URL: "not a url" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("OPENAI_BASE_URL");
  });
});

describe("screen --explain", () => {
  it("prints the result, then the template explanation without a key", async () => {
    const run = await runCli("screen", ["--explain", "--lang", "zh", example], undefined, NO_KEY);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const [result, explanation] = run.stdout.split("\n\n按目前回答");
    expect(result).toContain("预筛查结果");
    expect(explanation).toContain("可能符合11项支持，合计最高1,624万元");
  });

  it("prints the LLM's checked explanation with a key", async () => {
    mock.script(faithfulResponder("en"));
    const run = await runCli("screen", ["--explain", example], undefined, withMock());
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toContain("On your answers you may qualify under 11 items, for up to RMB 16,240,000 in total.");
    expect(run.stdout).toContain("- Article 6 Model and computing vouchers for SMEs: up to RMB 240,000.");
  });

  it("does not combine --explain with --json", async () => {
    const run = await runCli("screen", ["--explain", "--json", example], undefined, NO_KEY);
    expect(run.code).toBe(2);
  });
});
