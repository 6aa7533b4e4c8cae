import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAssistant, type AssistantDeps } from "../../src/assistant/llmAssistant.js";
import { templateAssistant } from "../../src/assistant/templateAssistant.js";
import { readConfig } from "../../src/config.js";
import type { ChatResult, LlmClient } from "../../src/llm/client.js";
import { memoryLogger } from "../../src/log.js";
import { faithfulResponder, startMockLlm, type MockLlm } from "../support/mockLlm.js";
import { example, mockClient, partial, rules } from "./fixtures.js";

let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm();
});
afterAll(() => mock.close());
beforeEach(() => {
  mock.reset();
  mock.setFallback(faithfulResponder("en"));
});

const template = templateAssistant(rules, example.describe);

function assistant(env: Record<string, string> = {}, extra: Partial<AssistantDeps> = {}) {
  const logger = memoryLogger();
  const config = readConfig({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: mock.url, ...env });
  return { logger, assistant: createAssistant({ config, rules, describe: example.describe, logger, client: mockClient(mock.url), ...extra }) };
}

/** A client whose replies the test releases by hand: calls stay in flight until then. */
function heldClient() {
  const pending: ((result: ChatResult) => void)[] = [];
  const client: LlmClient = { model: "held", complete: () => new Promise((resolve) => pending.push(resolve)) };
  return { client, pending };
}

describe("the assistant", () => {
  it("without an API key answers from templates, and says so once at start-up", async () => {
    const logger = memoryLogger();
    const config = readConfig({});
    const a = createAssistant({ config, rules, describe: example.describe, logger });
    expect(await a.explain(example.evaluation, "en", "u1")).toEqual(await template.explain(example.evaluation, "en", "u1"));
    expect(await a.ask("什么是算力券", "zh", "u1")).toEqual(await template.ask("什么是算力券", "zh", "u1"));
    expect(logger.lines.map((line) => line.msg)).toEqual(["LLM not configured: template answers only"]);
  });

  it("with a key words explanations and answers through the LLM", async () => {
    const { assistant: a } = assistant();
    expect((await a.explain(example.evaluation, "en", "u1")).source).toBe("llm");
    mock.script({ content: JSON.stringify({ claims: [{ text: "Computing vouchers are a form of support under {{article:6}}.", cite: { article: "6" }, quote: "computing vouchers" }] }) });
    expect(await a.ask("what are computing vouchers?", "en", "u1")).toMatchObject({ source: "llm", articles: ["6"] });
  });

  it("gives a user the template once the day's LLM calls are spent, and the LLM again the next Beijing day", async () => {
    let now = new Date("2026-03-01T15:00:00Z"); // 23:00 in Beijing
    const { assistant: a, logger } = assistant({ LLM_DAILY_LIMIT_PER_USER: "2" }, { now: () => now });
    expect((await a.explain(example.evaluation, "en", "u1")).source).toBe("llm");
    expect((await a.explain(partial.evaluation, "en", "u1")).source).toBe("llm");
    const third = await a.ask("what are computing vouchers?", "en", "u1");
    expect(third).toEqual(await template.ask("what are computing vouchers?", "en", "u1"));
    expect(mock.requests).toHaveLength(2);
    expect(logger.lines.map((line) => line.msg)).toContain("llm daily limit reached: template answer");
    expect((await a.explain(example.evaluation, "en", "u2")).source).toBe("llm");
    now = new Date("2026-03-01T16:30:00Z"); // 00:30 the next day in Beijing
    mock.script({ content: JSON.stringify({ claims: [{ text: "Computing vouchers are a form of support under {{article:6}}.", cite: { article: "6" }, quote: "computing vouchers" }] }) });
    expect((await a.ask("what are computing vouchers?", "en", "u1")).source).toBe("llm");
  });

  it("gives the template at once, without queueing, when every LLM slot is in use", async () => {
    const { client, pending } = heldClient();
    const { assistant: a, logger } = assistant({ LLM_CONCURRENCY: "1" }, { client });
    const first = a.explain(example.evaluation, "en", "u1");
    const second = await a.explain(example.evaluation, "zh", "u2");
    expect(second).toEqual(await template.explain(example.evaluation, "zh", "u2"));
    expect(logger.lines.map((line) => line.msg)).toContain("llm busy: template answer");
    expect(pending).toHaveLength(1);
    pending[0]!({ ok: false, failure: { kind: "server_error", message: "down", attempts: 2 } });
    expect(await first).toEqual(await template.explain(example.evaluation, "en", "u1"));
    const third = a.ask("what are computing vouchers?", "en", "u3");
    expect(pending).toHaveLength(2);
    pending[1]!({ ok: true, text: JSON.stringify({ claims: [{ text: "Vouchers are set by {{article:6}}.", cite: { article: "6" }, quote: "computing vouchers" }] }), usage: null, attempts: 1 });
    expect((await third).source).toBe("llm");
  });

  it("gives the template when the LLM path throws", async () => {
    const client: LlmClient = { model: "broken", complete: () => Promise.reject(new Error("bug")) };
    const { assistant: a, logger } = assistant({}, { client });
    expect(await a.explain(example.evaluation, "en", "u1")).toEqual(await template.explain(example.evaluation, "en", "u1"));
    expect(await a.ask("什么是算力券", "zh", "u1")).toEqual(await template.ask("什么是算力券", "zh", "u1"));
    expect(logger.lines.filter((line) => line.level === "error")).toHaveLength(2);
  });

  it("does not count a cached explanation against the daily limit", async () => {
    const { assistant: a } = assistant({ LLM_DAILY_LIMIT_PER_USER: "1" });
    await a.explain(example.evaluation, "en", "u1");
    expect((await a.explain(example.evaluation, "en", "u1")).source).toBe("llm");
    expect(mock.requests).toHaveLength(1);
  });
});
