/// <reference lib="dom" />
import type * as z from "zod/mini";
import { createdSchema, errorsSchema, turnSchema, viewSchema, type Lang, type TurnInput } from "./wire.js";

/** The request never got an answer (offline, server down, connection cut). */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

/** The server answered with an error status; `messages` are its `errors[].message`, when it sent any. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(readonly status: number, readonly messages: string[]) {
    super(`HTTP ${status}${messages.length > 0 ? `: ${messages.join("; ")}` : ""}`);
  }
}

/** The server was asked to slow down; `seconds` from its Retry-After. */
export class RateLimited extends Error {
  override readonly name = "RateLimited";
  constructor(readonly seconds: number) {
    super(`rate limited for ${seconds} s`);
  }
}

const BASE = "/api/v1";

/**
 * The conversation endpoints of WEB-CONTRACT.md. The conversation id travels in the
 * X-Conversation-Id header (no cookies); every answer is parsed before it is used.
 */
export class ChatApi {
  conversationId: string | null = null;

  async create(lang?: Lang) {
    const init: RequestInit = { method: "POST" };
    if (lang) Object.assign(init, { body: JSON.stringify({ lang }), headers: { "content-type": "application/json" } });
    const created = parse(createdSchema, await this.json(await this.request("/conversations", init, false)));
    this.conversationId = created.conversationId;
    return created;
  }

  async view() {
    return parse(viewSchema, await this.json(await this.request("/conversation", { method: "GET" })));
  }

  async turn(input: TurnInput) {
    const init = { method: "POST", body: JSON.stringify(input), headers: { "content-type": "application/json" } };
    return parse(turnSchema, await this.json(await this.request("/conversation/turns", init)));
  }

  /** The HTML report of a case (the latest when none is named), as a file to save. */
  async report(caseId?: string): Promise<{ filename: string; blob: Blob }> {
    const query = caseId ? `?case=${encodeURIComponent(caseId)}` : "";
    const response = await this.request(`/conversation/report${query}`, { method: "GET" });
    const disposition = response.headers.get("content-disposition") ?? "";
    const named = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
    return { filename: named ? decodeURIComponent(named) : "report.html", blob: await response.blob() };
  }

  async erase(): Promise<void> {
    await this.request("/conversation", { method: "DELETE" });
  }

  private async request(path: string, init: RequestInit, withId = true): Promise<Response> {
    const headers = new Headers(init.headers);
    if (withId && this.conversationId) headers.set("x-conversation-id", this.conversationId);
    let response: Response;
    try {
      response = await fetch(BASE + path, { ...init, headers, cache: "no-store" });
    } catch (error) {
      throw new NetworkError(error instanceof Error ? error.message : "fetch failed");
    }
    if (response.status === 429) throw new RateLimited(retryAfterSeconds(response.headers.get("retry-after")));
    if (!response.ok) throw new ApiError(response.status, await errorMessages(response));
    return response;
  }

  private async json(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch {
      // A body cut off mid-way is a lost connection, not a server error.
      throw new NetworkError("incomplete response");
    }
  }
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError(200, parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  return parsed.data;
}

async function errorMessages(response: Response): Promise<string[]> {
  try {
    const parsed = errorsSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)) : [];
  } catch {
    return [];
  }
}

function retryAfterSeconds(header: string | null): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(Math.ceil(seconds), 120) : 5;
}
