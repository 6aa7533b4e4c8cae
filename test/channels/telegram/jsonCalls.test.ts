import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { Agent as HttpsAgent, createServer as createHttpsServer } from "node:https";
import type { AddressInfo, Server, Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Telegraf, TelegramError } from "telegraf";
import { afterEach, describe, expect, it, vi } from "vitest";
import { CallTimeoutError, carriesFile, deadlineOf, sendJsonCallsDirectly } from "../../../src/channels/telegram/jsonCalls.js";
import { classifySendError } from "../../../src/channels/telegram/telegramErrors.js";
import { startFakeBotApi, type FakeBotApi } from "../../support/fakeBotApi.js";

const TOKEN = "123456:TEST";
const closing: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0)) await close();
});

/** A Telegram client on `apiRoot` whose JSON calls go straight over HTTP, each with a deadline of `timeoutMs`. */
function clientWithEnd(apiRoot: string, { agent, timeoutMs = 5_000 }: { agent?: HttpsAgent; timeoutMs?: number } = {}) {
  const { telegram } = new Telegraf(TOKEN, { telegram: { apiRoot, webhookReply: false, ...(agent ? { agent } : {}) } });
  const endCalls = sendJsonCallsDirectly(telegram, timeoutMs);
  return { telegram, endCalls };
}
const client = (apiRoot: string, options?: { agent?: HttpsAgent; timeoutMs?: number }) => clientWithEnd(apiRoot, options).telegram;

async function fakeApi(): Promise<FakeBotApi> {
  const fake = await startFakeBotApi({ token: TOKEN });
  closing.push(() => fake.close());
  return fake;
}

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A bare HTTP server answering every request with `answer`, keeping what it was sent. */
async function rawServer(answer: (request: IncomingMessage, response: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      answer(request, response);
    });
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  closing.push(() => closeServer(server));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function closeServer(server: Server & { closeAllConnections?: () => void }) {
  server.closeAllConnections?.();
  return new Promise((resolve) => server.close(resolve));
}

describe("Bot API calls sent as JSON over node:http", () => {
  it("answer with the call's result, as one JSON POST to the method's address, leaving out null fields, not through node-fetch", async () => {
    const raw = await rawServer((_, response) => response.end(JSON.stringify({ ok: true, result: { message_id: 7 } })));
    const result = await client(raw.url).callApi("sendMessage", { chat_id: 1, text: "你好", reply_markup: undefined, parse_mode: null } as never);
    expect(result).toEqual({ message_id: 7 });
    const [call] = raw.seen;
    expect(call).toMatchObject({ method: "POST", url: `/bot${TOKEN}/sendMessage` });
    expect(JSON.parse(call!.body)).toEqual({ chat_id: 1, text: "你好" });
    expect(call!.headers["content-type"]).toBe("application/json");
    expect(Number(call!.headers["content-length"])).toBe(Buffer.byteLength(call!.body));
    // node-fetch names itself in every request it sends.
    expect(call!.headers["user-agent"] ?? "").not.toMatch(/node-fetch/);
  });

  it("reuse one connection for calls one after another", async () => {
    const sockets = new Set<unknown>();
    const raw = await rawServer((request, response) => {
      sockets.add(request.socket);
      response.end(JSON.stringify({ ok: true, result: true }));
    });
    const telegram = client(raw.url);
    for (let i = 0; i < 5; i++) await telegram.callApi("sendChatAction", { chat_id: 1, action: "typing" } as never);
    expect(raw.seen).toHaveLength(5);
    expect(sockets.size).toBe(1);
  });

  it("fail with Telegram's own error, code, description and parameters, as telegraf's client does", async () => {
    const fake = await fakeApi();
    const telegram = client(fake.url);
    fake.failNext("sendMessage", { status: 429, retryAfter: 3 });
    const limited = await telegram.sendMessage(1, "hi").catch((error: unknown) => error);
    expect(limited).toBeInstanceOf(TelegramError);
    expect(limited).toMatchObject({ code: 429, parameters: { retry_after: 3 }, on: { method: "sendMessage" } });
    expect(classifySendError(limited)).toEqual({ kind: "rate_limited", retryAfterMs: 3_000 });
    fake.failNext("sendMessage", { status: 400, description: "Bad Request: message is too long" });
    await expect(telegram.sendMessage(1, "hi")).rejects.toMatchObject({ code: 400, description: "Bad Request: message is too long" });
    // A good call afterwards reaches the fake and is answered.
    expect(await telegram.sendMessage(1, "hi")).toMatchObject({ chat: { id: 1 }, text: "hi" });
  });

  it("fail with the status for a 5xx whatever its body, which is often a proxy's HTML page", async () => {
    const raw = await rawServer((_, response) => {
      response.writeHead(502, "Bad Gateway", { "content-type": "text/html" });
      response.end("<html>502</html>");
    });
    const error = await client(raw.url).callApi("getMe", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramError);
    expect(error).toMatchObject({ code: 502, description: "Bad Gateway" });
    expect(classifySendError(error)).toMatchObject({ kind: "transient" });
  });

  it("fail as a network error (FetchError, which telegraf's polling retries) when nothing listens, the connection breaks or the answer is not JSON", async () => {
    const refused = await rawServer(() => undefined);
    const closed = refused.url;
    const port = Number(new URL(closed).port);
    await closing.pop()!();
    const noServer = await client(`http://127.0.0.1:${port}`).callApi("getMe", {}).catch((e: unknown) => e);
    expect(noServer).toMatchObject({ name: "FetchError", code: "ECONNREFUSED" });
    expect(classifySendError(noServer)).toMatchObject({ kind: "transient" });

    const broken = await rawServer((_, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      response.write('{"ok":tr');
      response.socket!.destroy();
    });
    await expect(client(broken.url).callApi("getMe", {})).rejects.toMatchObject({ name: "FetchError" });

    const notJson = await rawServer((_, response) => response.end("<html>maintenance</html>"));
    await expect(client(notJson.url).callApi("getMe", {})).rejects.toMatchObject({ name: "FetchError" });
  });

  it("end with an AbortError when the caller's signal aborts, as telegraf's polling expects when it stops", async () => {
    const raw = await rawServer(() => undefined);
    const controller = new AbortController();
    const call = client(raw.url).callApi("getUpdates", { timeout: 50 } as never, { signal: controller.signal } as never);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
  });

  it("end with a CallTimeoutError (a FetchError, which polling retries) when no answer comes by the deadline, and close the connection", async () => {
    let connection: Socket | undefined;
    const silent = await rawServer((request) => (connection = request.socket));
    const error = await client(silent.url, { timeoutMs: 100 }).callApi("sendMessage", { chat_id: 1, text: "hi" } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CallTimeoutError);
    expect(error).toMatchObject({ name: "FetchError", code: "ETIMEDOUT", type: "request-timeout", message: "sendMessage: no answer from the Bot API within 100 ms" });
    expect(classifySendError(error)).toMatchObject({ kind: "transient" });
    await vi.waitFor(() => expect(connection?.destroyed).toBe(true));
  });

  it("end every call in flight with an AbortError when told to (the bot stopping), and no other call", async () => {
    const silent = await rawServer(() => undefined);
    const { telegram, endCalls } = clientWithEnd(silent.url);
    // Each call's end is taken as it comes: a rejection nobody waits for yet would count as unhandled.
    const ends = [telegram.callApi("getUpdates", { timeout: 50 } as never), telegram.callApi("sendMessage", { chat_id: 1, text: "hi" } as never)].map((call) =>
      call.then(() => "answered", (error: Error) => error.name),
    );
    await vi.waitFor(() => expect(silent.seen).toHaveLength(2));
    endCalls();
    expect(await Promise.all(ends)).toEqual(["AbortError", "AbortError"]);
    const answered = await rawServer((_, response) => response.end(JSON.stringify({ ok: true, result: true })));
    const later = clientWithEnd(answered.url);
    const call = later.telegram.callApi("getMe", {});
    endCalls();
    expect(await call).toBe(true);
  });

  it("leave uploads to telegraf, which sends them as a multipart form", async () => {
    const fake = await fakeApi();
    await client(fake.url).sendDocument(5, { source: Buffer.from("report", "utf8"), filename: "report.html" }, { caption: "Report" });
    const upload = await fake.waitFor((call) => call.method === "sendDocument");
    expect(upload.chatId).toBe(5);
    expect(fake.chat(5).at(-1)).toMatchObject({ caption: "Report" });
  });

  it("go over https with the agent telegraf was given", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bot-tls-"));
    closing.push(async () => rmSync(dir, { recursive: true, force: true }));
    const [key, cert] = [join(dir, "key.pem"), join(dir, "cert.pem")];
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], { stdio: "ignore" });
    const server = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_, response) => response.end(JSON.stringify({ ok: true, result: { id: 1, is_bot: true } })));
    server.listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    closing.push(() => closeServer(server));
    const apiRoot = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // The certificate is self-signed: only an agent that trusts it gets an answer.
    expect(await client(apiRoot, { agent: new HttpsAgent({ ca: readFileSync(cert) }) }).getMe()).toEqual({ id: 1, is_bot: true });
    await expect(client(apiRoot).getMe()).rejects.toMatchObject({ name: "FetchError" });
  });
});

describe("a call's deadline", () => {
  it("is the timeout given, and for a long poll its server-side wait on top", () => {
    expect(deadlineOf("sendMessage", { chat_id: 1, timeout: 50 }, 15_000)).toBe(15_000);
    expect(deadlineOf("getUpdates", { timeout: 50, offset: 3 }, 15_000)).toBe(65_000);
    expect(deadlineOf("getUpdates", {}, 15_000)).toBe(15_000);
  });
});

describe("which calls carry a file", () => {
  it("is a call with a file's source or address, or a media object, alone or in a list", () => {
    expect(carriesFile({ chat_id: 1, document: { source: Buffer.from("x"), filename: "a.txt" } })).toBe(true);
    expect(carriesFile({ chat_id: 1, photo: { url: "https://example.org/a.png" } })).toBe(true);
    expect(carriesFile({ media: { type: "photo", media: { source: "a.png" } } })).toBe(true);
    expect(carriesFile({ chat_id: 1, media: [{ type: "photo", media: { source: "a.png" } }] })).toBe(true);
  });

  it("is not a text, a keyboard (whose buttons may carry a url), nor a link preview's address", () => {
    expect(carriesFile({ chat_id: 1, text: "hi", reply_markup: { inline_keyboard: [[{ text: "Go", url: "https://example.org" }]] } })).toBe(false);
    expect(carriesFile({ chat_id: 1, text: "hi", link_preview_options: { url: "https://example.org" } })).toBe(false);
    expect(carriesFile({ chat_id: 1, document: "file-id-on-telegram", entities: [{ type: "bold", offset: 0, length: 2 }] })).toBe(false);
  });
});
