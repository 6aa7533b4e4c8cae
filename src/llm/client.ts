import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { z } from "zod";
import type { Config } from "../config.js";

export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** Read the reply as server-sent chunks; the result is the same joined text. */
  stream?: boolean;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export type LlmFailureKind = "timeout" | "rate_limited" | "server_error" | "client_error" | "network" | "bad_response" | "empty";

export interface LlmFailure {
  kind: LlmFailureKind;
  /** HTTP status, when the provider answered with one. */
  status?: number;
  message: string;
  /** Requests sent, the retry included. */
  attempts: number;
}

export type ChatResult = { ok: true; text: string; usage: TokenUsage | null; attempts: number } | { ok: false; failure: LlmFailure };

/** A chat model behind the Chat Completions API (OpenAI or any compatible provider). */
export interface LlmClient {
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatResult>;
}

export interface LlmClientOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Deadline for the whole call, the retry included. */
  timeoutMs: number;
  /** A retry-after longer than this is not waited for: the caller falls back at once. */
  maxRetryDelayMs?: number;
  wait?: (ms: number) => Promise<void>;
}

const DEFAULT_MAX_RETRY_DELAY_MS = 2_000;

/** Failures worth one more try: the provider or the line between us had a bad moment. */
const RETRYABLE = new Set<LlmFailureKind>(["rate_limited", "server_error", "network", "bad_response"]);

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }) })).min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});

const chunkSchema = z.object({
  choices: z.array(z.object({ delta: z.object({ content: z.string().nullish() }).nullish() })),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});

type Attempt = { ok: true; text: string; usage: TokenUsage | null } | { ok: false; failure: Omit<LlmFailure, "attempts">; retryAfterMs: number };

/** No key, no client: the assistant then answers from templates only. */
export function createLlmClient(config: Pick<Config, "OPENAI_API_KEY" | "OPENAI_BASE_URL" | "OPENAI_MODEL" | "LLM_TIMEOUT_MS">): LlmClient | null {
  if (!config.OPENAI_API_KEY) return null;
  return openAiClient({ apiKey: config.OPENAI_API_KEY, baseURL: config.OPENAI_BASE_URL, model: config.OPENAI_MODEL, timeoutMs: config.LLM_TIMEOUT_MS });
}

/**
 * Chat Completions through the openai package, with our own single retry rather than the SDK's,
 * so that a long retry-after gives up at once (a chat user should not wait for it) and one
 * deadline bounds the whole call.
 */
export function openAiClient(options: LlmClientOptions): LlmClient {
  const sdk = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 0, timeout: options.timeoutMs, logLevel: "off" });
  const maxRetryDelayMs = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const send = (request: ChatRequest, deadline: number) => attempt(sdk, options.model, request, deadline);
  return {
    model: options.model,
    async complete(request) {
      const deadline = Date.now() + options.timeoutMs;
      const first = await send(request, deadline);
      if (first.ok) return { ...first, attempts: 1 };
      const delay = first.retryAfterMs;
      if (!RETRYABLE.has(first.failure.kind) || delay > maxRetryDelayMs || Date.now() + delay >= deadline) {
        return { ok: false, failure: { ...first.failure, attempts: 1 } };
      }
      if (delay > 0) await wait(delay);
      const second = await send(request, deadline);
      return second.ok ? { ...second, attempts: 2 } : { ok: false, failure: { ...second.failure, attempts: 2 } };
    },
  };
}

async function attempt(sdk: OpenAI, model: string, request: ChatRequest, deadline: number): Promise<Attempt> {
  const controller = new AbortController();
  const remaining = Math.max(1, deadline - Date.now());
  const timer = setTimeout(() => controller.abort(), remaining);
  const requestOptions = { signal: controller.signal, timeout: remaining, maxRetries: 0 };
  try {
    const read = request.stream ? readStream(sdk, model, request, requestOptions) : readWhole(sdk, model, request, requestOptions);
    const { text, usage } = await read;
    if (text.trim() === "") return { ok: false, failure: { kind: "empty", message: "the reply has no content" }, retryAfterMs: 0 };
    return { ok: true, text, usage };
  } catch (error) {
    return classify(error, controller.signal.aborted);
  } finally {
    clearTimeout(timer);
  }
}

type RequestOptions = { signal: AbortSignal; timeout: number; maxRetries: number };

async function readWhole(sdk: OpenAI, model: string, request: ChatRequest, options: RequestOptions) {
  const raw: unknown = await sdk.chat.completions.create({ model, messages: request.messages }, options);
  const parsed = completionSchema.safeParse(raw);
  if (!parsed.success) throw new BadResponseError(`not a chat completion: ${parsed.error.issues[0]?.message ?? "unexpected shape"}`);
  return { text: parsed.data.choices[0]!.message.content ?? "", usage: toUsage(parsed.data.usage) };
}

async function readStream(sdk: OpenAI, model: string, request: ChatRequest, options: RequestOptions) {
  const stream = await sdk.chat.completions.create({ model, messages: request.messages, stream: true }, options);
  let text = "";
  let usage: TokenUsage | null = null;
  for await (const raw of stream as AsyncIterable<unknown>) {
    const chunk = chunkSchema.safeParse(raw);
    if (!chunk.success) throw new BadResponseError("a streamed chunk is not a chat completion chunk");
    text += chunk.data.choices[0]?.delta?.content ?? "";
    usage = toUsage(chunk.data.usage) ?? usage;
  }
  return { text, usage };
}

function toUsage(usage: { prompt_tokens: number; completion_tokens: number } | null | undefined): TokenUsage | null {
  return usage ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens } : null;
}

class BadResponseError extends Error {}

function classify(error: unknown, timedOut: boolean): Attempt {
  const fail = (kind: LlmFailureKind, message: string, status?: number, retryAfterMs = 0): Attempt => ({
    ok: false,
    failure: status === undefined ? { kind, message } : { kind, message, status },
    retryAfterMs,
  });
  if (timedOut || error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) return fail("timeout", "no reply before the deadline");
  if (error instanceof APIError && typeof error.status === "number") {
    const status = error.status;
    if (status === 429) return fail("rate_limited", "the provider limits our rate (HTTP 429)", status, retryAfterMs(error.headers));
    if (status >= 500 || status === 408 || status === 409) return fail("server_error", `the provider failed (HTTP ${status})`, status, retryAfterMs(error.headers));
    return fail("client_error", `the provider refused the request (HTTP ${status}); HTTP 401 means OPENAI_API_KEY is wrong`, status);
  }
  if (error instanceof APIError) return fail("network", "cannot reach the provider (check OPENAI_BASE_URL)");
  // A body that is not JSON, or JSON that is not a completion.
  if (error instanceof SyntaxError || error instanceof BadResponseError) return fail("bad_response", `malformed reply: ${error.message}`);
  return fail("network", `request failed: ${(error as Error).message ?? String(error)}`);
}

/** retry-after-ms, or retry-after in seconds or as a date; 0 when absent. */
function retryAfterMs(headers: Headers | undefined): number {
  const ms = Number(headers?.get("retry-after-ms"));
  if (Number.isFinite(ms) && ms > 0) return ms;
  const value = headers?.get("retry-after");
  if (!value) return 0;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());
}
