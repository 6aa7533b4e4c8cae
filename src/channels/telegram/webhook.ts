import { timingSafeEqual } from "node:crypto";
import type { Logger } from "../../log.js";

const SECRET_HEADER = "x-telegram-bot-api-secret-token";
/** Telegram's updates are a few kilobytes; anything near this is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookOptions {
  secret: string;
  /**
   * Takes an update; resolves once it is handled (its turn saved, its replies stored), or to
   * false once the bot is stopping (503, so Telegram delivers it again later).
   */
  onUpdate: (update: unknown) => Promise<boolean>;
  logger: Logger;
}

/** Where the webhook is served: the shared HTTP server mounts a handler at the path of WEBHOOK_URL. */
export interface WebhookHost {
  mount(path: string, handler: (request: Request) => Promise<Response>): void;
}

/**
 * The webhook endpoint, as a handler of the shared server. Telegram sends the secret token set
 * with setWebhook in a header; a request without it (or with another) gets 403, so no one who
 * merely guesses the path can inject updates. An update is acknowledged (200) only once it is
 * handled, so one lost to a crash in between is delivered again; a turn takes milliseconds, well
 * within Telegram's patience, and the replies themselves go out afterwards from the outbox.
 */
export function createWebhookHandler(options: WebhookOptions): (request: Request) => Promise<Response> {
  const secret = Buffer.from(options.secret);
  return async (request) => {
    if (request.method !== "POST") return reply(405, { error: "method not allowed" });
    const given = Buffer.from(request.headers.get(SECRET_HEADER) ?? "");
    if (given.length !== secret.length || !timingSafeEqual(given, secret)) {
      options.logger.warn("webhook request without the right secret token", { outcome: "refused" });
      await request.body?.cancel();
      return reply(403, { error: "forbidden" });
    }
    const body = await readBody(request);
    if (body === null) return reply(413, { error: "body too large" });
    let update: unknown;
    try {
      update = JSON.parse(body);
    } catch {
      return reply(400, { error: "body is not JSON" });
    }
    return (await options.onUpdate(update)) ? reply(200, {}) : reply(503, { error: "stopping" });
  };
}

/** The body as text, or null past MAX_BODY_BYTES (read no further). */
async function readBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return null;
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function reply(status: number, body: object): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}
