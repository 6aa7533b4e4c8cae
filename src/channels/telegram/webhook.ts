import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Logger } from "../../log.js";

const SECRET_HEADER = "x-telegram-bot-api-secret-token";
/** Telegram's updates are a few kilobytes; anything near this is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookOptions {
  /** The path of WEBHOOK_URL, e.g. /telegram/hook. */
  path: string;
  secret: string;
  onUpdate: (update: unknown) => void;
  logger: Logger;
}

/**
 * The webhook endpoint and /healthz on one node:http server. Telegram sends the secret token
 * set with setWebhook in a header; a request without it (or with another) gets 403, so no one
 * who merely guesses the path can inject updates. Updates are acknowledged at once and handled
 * in the background, as Telegram asks.
 */
export function createWebhookServer(options: WebhookOptions): Server {
  const secret = Buffer.from(options.secret);
  return createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz" && (request.method === "GET" || request.method === "HEAD")) return reply(response, 200, { status: "ok" });
    if (url.pathname !== options.path) return reply(response, 404, { error: "not found" });
    if (request.method !== "POST") return reply(response, 405, { error: "method not allowed" });
    const given = Buffer.from(String(request.headers[SECRET_HEADER] ?? ""));
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
      options.logger.warn("webhook request without the right secret token", { outcome: "refused" });
      request.resume();
      return reply(response, 403, { error: "forbidden" });
    }
    readBody(request).then(
      (body) => {
        let update: unknown;
        try {
          update = JSON.parse(body);
        } catch {
          return reply(response, 400, { error: "body is not JSON" });
        }
        reply(response, 200, {});
        options.onUpdate(update);
      },
      () => reply(response, 413, { error: "body too large" }),
    );
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        request.destroy();
        reject(new Error("body too large"));
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function reply(response: ServerResponse, status: number, body: object): void {
  if (response.headersSent) return;
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
