import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ExplainView } from "../../src/llm/explainData.js";

/**
 * A local OpenAI-compatible server for tests: `POST /chat/completions` on 127.0.0.1 at a random
 * port, whole or streamed (SSE `data:` chunks, then `data: [DONE]`), with scripted replies and
 * faults. Usage is computed, not measured: a token is counted as 4 characters (prompt: all
 * message contents; completion: the reply), rounded up.
 */
export type MockReply =
  /** 200 with this content (streamed if the request asks for a stream). */
  | { content: string }
  /** An error status, e.g. 429 with { "retry-after": "0" }. */
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Never answers: the client's timeout must end the request. */
  | { hang: true }
  /** 200 with a body that is not JSON. */
  | { malformed: true };

export type Responder = MockReply | ((request: RecordedRequest) => MockReply);

export interface RecordedRequest {
  messages: { role: string; content: string }[];
  model: string;
  stream: boolean;
  headers: IncomingMessage["headers"];
  /** The usage the mock reported for it (null for faults). */
  usage: { prompt_tokens: number; completion_tokens: number } | null;
}

export interface MockLlm {
  /** The base URL, as OPENAI_BASE_URL. */
  url: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order; after them, the fallback (default: a 500 that names the gap). */
  script(...replies: Responder[]): void;
  setFallback(responder: Responder): void;
  /** Forgets the scripted replies left and the requests recorded. */
  reset(): void;
  close(): Promise<void>;
}

export const tokens = (text: string) => Math.ceil(text.length / 4);

export async function startMockLlm(): Promise<MockLlm> {
  const queue: Responder[] = [];
  const requests: RecordedRequest[] = [];
  let fallback: Responder = { status: 500, body: JSON.stringify({ error: { message: "mock: no scripted reply left" } }) };
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404).end();
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { model: string; stream?: boolean; messages: { role: string; content: string }[] };
    const recorded: RecordedRequest = { messages: body.messages, model: body.model, stream: body.stream === true, headers: req.headers, usage: null };
    requests.push(recorded);
    const responder = queue.shift() ?? fallback;
    const reply = typeof responder === "function" ? responder(recorded) : responder;
    if ("hang" in reply) return;
    if ("malformed" in reply) {
      res.writeHead(200, { "content-type": "application/json" }).end('{"id": "chatcmpl-mock", "choices": [');
      return;
    }
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers }).end(reply.body ?? JSON.stringify({ error: { message: `mock status ${reply.status}` } }));
      return;
    }
    const usage = { prompt_tokens: tokens(body.messages.map((m) => m.content).join("")), completion_tokens: tokens(reply.content) };
    recorded.usage = usage;
    if (recorded.stream) stream(res, body.model, reply.content, usage);
    else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(completion(body.model, reply.content, usage)));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (...replies) => void queue.push(...replies),
    setFallback: (responder) => {
      fallback = responder;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function completion(model: string, content: string, usage: object) {
  return {
    id: "chatcmpl-mock",
    object: "chat.completion",
    created: 0,
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: { ...usage, total_tokens: 0 },
  };
}

function stream(res: ServerResponse, model: string, content: string, usage: object): void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
  const chunk = (delta: object, finish: string | null, extra: object = {}) =>
    `data: ${JSON.stringify({ id: "chatcmpl-mock", object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }], ...extra })}\n\n`;
  res.write(chunk({ role: "assistant", content: "" }, null));
  // Split inside characters and placeholders alike, as real streams do.
  for (let i = 0; i < content.length; i += 7) res.write(chunk({ content: content.slice(i, i + 7) }, null));
  res.write(chunk({}, "stop", { usage }));
  res.end("data: [DONE]\n\n");
}

/** The result JSON an explanation request carries (the ```json block of its last user message with one). */
export function explainView(request: RecordedRequest): ExplainView {
  const message = request.messages.find((m) => m.role === "user" && m.content.includes("```json"));
  const match = /```json\n([\s\S]*?)\n```/.exec(message?.content ?? "");
  if (!match) throw new Error("mock: not an explanation request");
  return JSON.parse(match[1]!) as ExplainView;
}

/** A reply that follows every rule of the explain prompt, as a careful model would write it. */
export function faithfulExplanation(view: ExplainView, lang: "en" | "zh"): string {
  const en = lang === "en";
  const lines: string[] = [];
  const eligible = view.items.filter((item) => item.status === "eligible");
  const open = view.items.filter((item) => item.status === "needs_info");
  const closed = view.items.filter((item) => item.status === "not_eligible");
  lines.push(
    eligible.length > 0
      ? en
        ? `On your answers you may qualify under ${view.summary.eligibleItems} items, for up to ${view.summary.total} in total.`
        : `按目前回答，您可能符合${view.summary.eligibleItems}项支持，合计最高${view.summary.total}。`
      : en
        ? "On your answers no item applies yet."
        : "按目前回答，暂无适用的支持项目。",
  );
  for (const item of eligible) {
    const counted = item.countedInTotal === false ? (en ? " It is not counted in the total: the same project gets more under another item." : "该项不计入合计：同一项目在另一项下获得的支持更高。") : "";
    lines.push(en ? `- ${item.name}: up to ${item.maxSupport}.${counted}` : `- ${item.name}：最高${item.maxSupport}。${counted}`);
  }
  for (const item of open) {
    const potential = item.potentialMaxSupport ?? "";
    const ask = (item.toDecide ?? []).join(en ? " / " : "；");
    lines.push(en ? `- ${item.name} is not decided yet; it could reach ${potential} once you answer: ${ask}` : `- ${item.name}尚未确定，最高可能达到${potential}；需确认：${ask}`);
  }
  for (const item of closed) lines.push(en ? `- ${item.name} does not apply: ${item.reasons[0]?.sentence ?? ""}` : `- ${item.name}不适用：${item.reasons[0]?.sentence ?? ""}`);
  lines.push(
    en
      ? "All amounts are maxima (up to); the Tongzhou District Bureau of Economy and Information Technology decides eligibility and the actual amounts."
      : "所有金额均为最高金额，是否支持及实际金额由通州区经济和信息化局决定。",
  );
  return lines.join("\n");
}

/** A responder that answers every explanation request faithfully. */
export const faithfulResponder =
  (lang: "en" | "zh"): Responder =>
  (request) => ({ content: faithfulExplanation(explainView(request), lang) });

/** Ways a model may get a faithful explanation wrong; null where the result offers no chance. */
export const TAMPERS: Record<string, (reply: string, view: ExplainView) => string | null> = {
  arabic: (reply) => withTotal(reply, "240000"),
  wan: (reply) => withTotal(reply, "24万元"),
  chinese: (reply) => withTotal(reply, "二十四万元"),
  formal: (reply) => withTotal(reply, "贰拾肆万元"),
  percentWords: (reply) => withTotal(reply, "百分之三十"),
  percentSign: (reply) => withTotal(reply, "30%"),
  articleNumber: (reply) => `${reply}\nSee Article 15.`,
  articleNotInResult: (reply, view) => (view.items.some((item) => item.key === "18") ? null : `${reply}\n{{article:18}}`),
  amountOfIneligible: (reply, view) => {
    const item = view.items.find((i) => i.status !== "eligible");
    return item ? `${reply}\n- ${item.name}: up to {{amount:${item.key}}}.` : null;
  },
  claimsEligible: (reply, view) => {
    const item = view.items.find((i) => i.status !== "eligible");
    if (!item) return null;
    return /\p{Script=Han}/u.test(reply) ? `${reply}\n您也符合${item.name}的条件。` : `${reply}\nYou are also eligible for ${item.name}.`;
  },
  omitsItem: (reply, view) => {
    const item = view.items.find((i) => i.status === "eligible");
    return item ? reply.split("\n").filter((line) => !line.includes(`{{amount:${item.key}}}`)).join("\n") : null;
  },
  unknownPlaceholder: (reply) => `${reply}\n{{bonus:6}}`,
  empty: () => "",
};

/** The total replaced by a figure written out; the reply then has that one numeral of its own. */
function withTotal(reply: string, figure: string): string | null {
  return reply.includes("{{total}}") ? reply.replace("{{total}}", figure) : null;
}

/** One claim of an FAQ reply in the quote-per-claim format of prompts/faq.*.md. */
export interface FaqClaim {
  text: string;
  cite: { article: string | number; clause?: string | number | null };
  quote: string;
}

/** A scripted FAQ reply made of claims. */
export const faqClaimsReply = (...claims: FaqClaim[]): MockReply => ({ content: JSON.stringify({ claims }) });
