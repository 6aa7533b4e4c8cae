/// <reference lib="dom" />
import { ApiError, errorMessages, fileName, RateLimited, readJson, retryAfterSeconds, send } from "./common/http.js";
import { createdSchema, reportLinkSchema, turnSchema, viewSchema, type Lang, type TurnInput } from "./wire.js";

export { ApiError, NetworkError, RateLimited } from "./common/http.js";

const BASE = "/api/v1";

/**
 * The conversation endpoints. The conversation id travels in the X-Conversation-Id header (no
 * cookies); every answer is parsed before it is used.
 */
export class ChatApi {
  conversationId: string | null = null;

  async create(lang?: Lang) {
    const init: RequestInit = { method: "POST" };
    if (lang) Object.assign(init, { body: JSON.stringify({ lang }), headers: { "content-type": "application/json" } });
    const created = await readJson(await this.request("/conversations", init, false), createdSchema);
    this.conversationId = created.conversationId;
    return created;
  }

  async view() {
    return readJson(await this.request("/conversation", { method: "GET" }), viewSchema);
  }

  async turn(input: TurnInput) {
    const init = { method: "POST", body: JSON.stringify(input), headers: { "content-type": "application/json" } };
    return readJson(await this.request("/conversation/turns", init), turnSchema);
  }

  /** The HTML report of a case (the latest when none is named), as a file to save. */
  async report(caseId?: string): Promise<{ filename: string; blob: Blob }> {
    const query = caseId ? `?case=${encodeURIComponent(caseId)}` : "";
    const response = await this.request(`/conversation/report${query}`, { method: "GET" });
    return { filename: fileName(response.headers.get("content-disposition")) ?? "report.html", blob: await response.blob() };
  }

  /** A link that opens the report as a page for a few minutes, for browsers that cannot save a file a script makes. */
  async reportLink(caseId?: string): Promise<string> {
    const init = { method: "POST", body: JSON.stringify(caseId ? { case: caseId } : {}), headers: { "content-type": "application/json" } };
    return (await readJson(await this.request("/conversation/report-links", init), reportLinkSchema)).url;
  }

  async erase(): Promise<void> {
    await this.request("/conversation", { method: "DELETE" });
  }

  private async request(path: string, init: RequestInit, withId = true): Promise<Response> {
    const headers = new Headers(init.headers);
    if (withId && this.conversationId) headers.set("x-conversation-id", this.conversationId);
    const response = await send(BASE + path, { ...init, headers });
    // A wait of more than two minutes is not worth showing a phone: it tries again sooner.
    if (response.status === 429) throw new RateLimited(Math.min(retryAfterSeconds(response.headers.get("retry-after"), 5), 120));
    if (!response.ok) throw new ApiError(response.status, await errorMessages(response));
    return response;
  }
}
