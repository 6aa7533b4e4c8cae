import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAssistant, type AssistantDeps } from "../../src/assistant/llmAssistant.js";
import { templateAssistant } from "../../src/assistant/templateAssistant.js";
import { UNLIMITED_LLM } from "../../src/assistant/assistant.js";
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

const template = templateAssistant(rules);
const context = { describe: example.describe, allowance: UNLIMITED_LLM };

/** An allowance of `limit` calls that counts what it gave. */
function limited(limit: number) {
  const allowance = { given: 0, tryTake: () => (allowance.given < limit ? ((allowance.given += 1), true) : false) };
  return allowance;
}

function assistant(env: Record<string, string> = {}, extra: Partial<AssistantDeps> = {}) {
  const logger = memoryLogger();
  const config = readConfig({ OPENAI_API_KEY: "test", OPENAI_BASE_URL: mock.url, ...env });
  return { logger, assistant: createAssistant({ config, rules, logger, client: mockClient(mock.url), ...extra }) };
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
    const a = createAssistant({ config, rules, logger });
    expect(await a.explain(example.evaluation, "en", context)).toEqual(await template.explain(example.evaluation, "en", context));
    expect(await a.ask("什么是算力券", "zh", UNLIMITED_LLM)).toEqual(await template.ask("什么是算力券", "zh", UNLIMITED_LLM));
    expect(logger.lines.map((line) => line.msg)).toEqual(["LLM not configured: template answers only"]);
  });

  it("with a key words explanations and answers through the LLM", async () => {
    const { assistant: a } = assistant();
    expect((await a.explain(example.evaluation, "en", context)).source).toBe("llm");
    mock.script({ content: JSON.stringify({ claims: [{ text: "Computing vouchers are a form of support under {{article:6}}.", cite: { article: "6" }, quote: "computing vouchers" }] }) });
    expect(await a.ask("what are computing vouchers?", "en", UNLIMITED_LLM)).toMatchObject({ source: "llm", articles: ["6"] });
  });

  it("asks the caller's allowance for each LLM call and gives the template once it says no", async () => {
    const { assistant: a, logger } = assistant();
    const allowance = limited(2);
    expect((await a.explain(example.evaluation, "en", { describe: example.describe, allowance })).source).toBe("llm");
    expect((await a.explain(partial.evaluation, "en", { describe: example.describe, allowance })).source).toBe("llm");
    const third = await a.ask("what are computing vouchers?", "en", allowance);
    expect(third).toEqual(await template.ask("what are computing vouchers?", "en", UNLIMITED_LLM));
    expect(mock.requests).toHaveLength(2);
    expect(allowance.given).toBe(2);
    expect(logger.lines.map((line) => line.msg)).toContain("llm daily limit reached: template answer");
  });

  it("gives the template at once, without queueing, when every LLM slot is in use", async () => {
    const { client, pending } = heldClient();
    const { assistant: a, logger } = assistant({ LLM_CONCURRENCY: "1" }, { client });
    const first = a.explain(example.evaluation, "en", context);
    const second = await a.explain(example.evaluation, "zh", context);
    expect(second).toEqual(await template.explain(example.evaluation, "zh", context));
    expect(logger.lines.map((line) => line.msg)).toContain("llm busy: template answer");
    expect(pending).toHaveLength(1);
    pending[0]!({ ok: false, failure: { kind: "server_error", message: "down", attempts: 2 } });
    expect(await first).toEqual(await template.explain(example.evaluation, "en", context));
    const third = a.ask("what are computing vouchers?", "en", UNLIMITED_LLM);
    expect(pending).toHaveLength(2);
    pending[1]!({ ok: true, text: JSON.stringify({ claims: [{ text: "Vouchers are set by {{article:6}}.", cite: { article: "6" }, quote: "computing vouchers" }] }), usage: null, attempts: 1 });
    expect((await third).source).toBe("llm");
  });

  it("gives the template when the LLM path throws", async () => {
    const client: LlmClient = { model: "broken", complete: () => Promise.reject(new Error("bug")) };
    const { assistant: a, logger } = assistant({}, { client });
    expect(await a.explain(example.evaluation, "en", context)).toEqual(await template.explain(example.evaluation, "en", context));
    expect(await a.ask("什么是算力券", "zh", UNLIMITED_LLM)).toEqual(await template.ask("什么是算力券", "zh", UNLIMITED_LLM));
    expect(logger.lines.filter((line) => line.level === "error")).toHaveLength(2);
  });

  it("does not count a cached explanation against the daily limit", async () => {
    const { assistant: a } = assistant();
    const allowance = limited(1);
    await a.explain(example.evaluation, "en", { describe: example.describe, allowance });
    expect((await a.explain(example.evaluation, "en", { describe: example.describe, allowance })).source).toBe("llm");
    expect(mock.requests).toHaveLength(1);
    expect(allowance.given).toBe(1);
  });
});
