import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLlmClient } from "../../src/llm/client.js";
import { startMockLlm, type MockLlm } from "../support/mockLlm.js";
import { mockClient } from "./fixtures.js";

let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const ask = { messages: [{ role: "user" as const, content: "hello" }] };

describe("LLM client", () => {
  it("is not created without an API key: the assistant answers from templates", () => {
    expect(createLlmClient({ OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, OPENAI_MODEL: "m", LLM_TIMEOUT_MS: 1000 })).toBeNull();
  });

  it("returns the reply's text and the usage the provider reports", async () => {
    mock.script({ content: "Hi there" });
    const result = await mockClient(mock.url).complete(ask);
    expect(result).toEqual({ ok: true, text: "Hi there", usage: { promptTokens: 2, completionTokens: 2 }, attempts: 1 });
    expect(mock.requests[0]).toMatchObject({ model: "mock-model", stream: false, messages: [{ role: "user", content: "hello" }] });
    expect(mock.requests[0]!.headers.authorization).toBe("Bearer test");
  });

  it("joins a streamed reply from its chunks", async () => {
    mock.script({ content: "A streamed reply, split into many small chunks." });
    const result = await mockClient(mock.url).complete({ ...ask, stream: true });
    expect(result).toMatchObject({ ok: true, text: "A streamed reply, split into many small chunks.", usage: { completionTokens: 12 } });
    expect(mock.requests[0]!.stream).toBe(true);
  });

  it("retries once after a 429 whose retry-after is short", async () => {
    mock.script({ status: 429, headers: { "retry-after": "0" } }, { content: "ok" });
    expect(await mockClient(mock.url).complete(ask)).toMatchObject({ ok: true, text: "ok", attempts: 2 });
    expect(mock.requests).toHaveLength(2);
  });

  it("gives up at once on a 429 that asks for a long wait", async () => {
    mock.script({ status: 429, headers: { "retry-after": "30" } }, { content: "too late" });
    expect(await mockClient(mock.url).complete(ask)).toEqual({ ok: false, failure: expect.objectContaining({ kind: "rate_limited", status: 429, attempts: 1 }) });
    expect(mock.requests).toHaveLength(1);
  });

  it("retries a 500 exactly once", async () => {
    mock.script({ status: 500 }, { status: 503 }, { content: "never asked for" });
    expect(await mockClient(mock.url).complete(ask)).toEqual({ ok: false, failure: expect.objectContaining({ kind: "server_error", status: 503, attempts: 2 }) });
    expect(mock.requests).toHaveLength(2);
  });

  it("reports a malformed body as a bad response after its one retry", async () => {
    mock.script({ malformed: true }, { malformed: true });
    expect(await mockClient(mock.url).complete(ask)).toEqual({ ok: false, failure: expect.objectContaining({ kind: "bad_response", attempts: 2 }) });
  });

  it("reports a reply without content as empty, without retrying", async () => {
    mock.script({ content: "  " });
    expect(await mockClient(mock.url).complete(ask)).toEqual({ ok: false, failure: expect.objectContaining({ kind: "empty", attempts: 1 }) });
    expect(mock.requests).toHaveLength(1);
  });

  it("stops waiting at the deadline, and does not retry past it", async () => {
    mock.script({ hang: true });
    expect(await mockClient(mock.url, 150).complete(ask)).toEqual({ ok: false, failure: expect.objectContaining({ kind: "timeout", attempts: 1 }) });
    expect(mock.requests).toHaveLength(1);
  });

  it("stops a stream that hangs at the deadline", async () => {
    mock.script({ hang: true });
    expect(await mockClient(mock.url, 150).complete({ ...ask, stream: true })).toEqual({ ok: false, failure: expect.objectContaining({ kind: "timeout" }) });
  });

  it("reports a refused request (401) without retrying, naming the key", async () => {
    mock.script({ status: 401 });
    const result = await mockClient(mock.url).complete(ask);
    expect(result).toEqual({ ok: false, failure: expect.objectContaining({ kind: "client_error", status: 401, attempts: 1 }) });
    expect(!result.ok && result.failure.message).toContain("OPENAI_API_KEY");
  });

  it("reports an unreachable provider as a network failure", async () => {
    const closed = await startMockLlm();
    await closed.close();
    expect(await mockClient(closed.url).complete(ask)).toEqual({ ok: false, failure: expect.objectContaining({ kind: "network", attempts: 2 }) });
  });
});
