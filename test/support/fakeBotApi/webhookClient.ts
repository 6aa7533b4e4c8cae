import type { Update } from "telegraf/types";

/** A Bot API call the bot made in the body of its webhook response (telegraf's webhookReply). */
export interface WebhookReply {
  method: string;
  params: Record<string, unknown>;
}

export interface WebhookDelivery {
  status: number;
  reply: WebhookReply | undefined;
}

const SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** POSTs an update the way Telegram delivers it to a webhook. Loopback only: tests stay offline. */
export async function postUpdateToWebhook(url: string, update: Update, secretToken?: string): Promise<WebhookDelivery> {
  const target = new URL(url);
  if (!LOOPBACK_HOSTS.has(target.hostname)) {
    throw new Error(`postUpdateToWebhook: ${url} is not a loopback address; tests must not leave 127.0.0.1`);
  }
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (secretToken !== undefined) headers[SECRET_HEADER] = secretToken;
  const response = await fetch(target, { method: "POST", headers, body: JSON.stringify(update) });
  const body = await response.text();
  return { status: response.status, reply: webhookReplyOf(body) };
}

function webhookReplyOf(body: string): WebhookReply | undefined {
  if (body.trim() === "") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || !("method" in parsed) || typeof parsed.method !== "string") {
    return undefined;
  }
  const { method, ...params } = parsed as { method: string } & Record<string, unknown>;
  return { method, params };
}
