import { Hono, type Context, type Next } from "hono";
import type { Caller, ConversationService, Reply } from "../../conversation/index.js";
import { langFromAcceptLanguage } from "./acceptLanguage.js";
import { newWebConversationId } from "./conversationId.js";
import { checked, jsonBody, problem } from "./problems.js";
import { expiredLinkPage } from "./expiredLinkPage.js";
import { REPORT_LINK_TTL_MS, ReportLinks } from "./reportLinks.js";
import { hasResult, repliesJson, type ReplyJson } from "./replyJson.js";
import { REPORT_CSP } from "./securityHeaders.js";
import { acceptLanguageSchema, conversationHeadersSchema, conversationInputSchema, createConversationSchema, reportQuerySchema } from "./schemas.js";
import type { WebEnv } from "./webEnv.js";

type Ctx = Context<WebEnv>;

/**
 * The conversation endpoints: HTTP translated to ConversationService.handle, view and erase,
 * and replies translated to JSON. The conversation id travels in X-Conversation-Id (no cookies,
 * so no cross-site request can act for a visitor).
 */
export function conversationRoutes(conversations: ConversationService): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const links = new ReportLinks();

  /** Replies as JSON; a result gets its card, which names the questions of the conversation's screening. */
  const toJson = async (id: string, replies: readonly Reply[]): Promise<ReplyJson[]> =>
    repliesJson(replies, conversations.deps.interview, hasResult(replies) ? await conversations.current(id) : null);

  app.post("/conversations", async (c) => {
    const body = await jsonBody(c, {});
    if (!body.ok) return body.response;
    const input = checked(c, createConversationSchema, body.value);
    if (!input.ok) return input.response;
    const caller = callerOf(c);
    if (!caller.ok) return caller.response;
    const lang = input.value.lang ?? (caller.value.languageHint as "zh" | "en");
    const id = newWebConversationId();
    c.set("conversationId", id);
    // Choosing the language stores the conversation, so its id is known from now on; without a
    // choice in the body the browser's language is taken and the menu offered to change it.
    const chosen = await conversations.handle(id, { type: "action", action: { kind: "lang", lang } }, caller.value);
    if (chosen.outcome === "error") return problem(c, 500, [{ path: "(server)", message: "the conversation could not be stored; try again" }]);
    const replies = input.value.lang ? chosen.replies : (await conversations.view(id, caller.value)).replies;
    return c.json({ conversationId: id, lang, replies: await toJson(id, replies) }, 201);
  });

  app.use("/conversation", knownConversation(conversations));
  app.use("/conversation/*", knownConversation(conversations));

  app.get("/conversation", async (c) => {
    const id = c.get("conversationId")!;
    const caller = callerOf(c);
    if (!caller.ok) return caller.response;
    const view = await conversations.view(id, caller.value);
    return c.json({ lang: view.lang, replies: await toJson(id, view.replies) });
  });

  app.post("/conversation/turns", async (c) => {
    const id = c.get("conversationId")!;
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    const input = checked(c, conversationInputSchema, body.value);
    if (!input.ok) return input.response;
    const caller = callerOf(c);
    if (!caller.ok) return caller.response;
    const turn = await conversations.handle(id, input.value, caller.value);
    c.set("outcome", turn.outcome);
    if (turn.outcome === "dropped") return problem(c, 429, [{ path: "(conversation)", message: "too many turns of this conversation are waiting; send one at a time" }], { "retry-after": "1" });
    const later = turn.later ? await turn.later : [];
    return c.json({ replies: await toJson(id, turn.replies), later: await toJson(id, later), outcome: turn.outcome });
  });

  /** A case's report (the latest when none is named), or a 404 that says why there is none. */
  const report = async (c: Ctx, id: string, caseId: string | null, disposition: "attachment" | "inline"): Promise<Response> => {
    const caller = callerOf(c);
    if (!caller.ok) return caller.response;
    const turn = await conversations.handle(id, { type: "command", command: "report", args: caseId ?? "" }, caller.value);
    c.set("outcome", turn.outcome);
    const document = turn.replies.find((reply) => reply.type === "document");
    if (!document) {
      const said = turn.replies.map((reply) => ("text" in reply ? reply.text : "")).join(" ");
      return problem(c, 404, [{ path: caseId ? "case" : "(conversation)", message: said }]);
    }
    return c.body(document.content, 200, {
      "content-type": `${document.mediaType}; charset=utf-8`,
      "content-disposition": `${disposition}; filename="${document.filename}"`,
      "content-security-policy": REPORT_CSP,
    });
  };

  app.get("/conversation/report", async (c) => {
    const query = checked(c, reportQuerySchema, c.req.query());
    if (!query.ok) return query.response;
    return report(c, c.get("conversationId")!, query.value.case ?? null, "attachment");
  });

  // A link the page can navigate to where a script cannot save a file (WeChat's in-app browser).
  app.post("/conversation/report-links", async (c) => {
    const id = c.get("conversationId")!;
    const body = await jsonBody(c, {});
    if (!body.ok) return body.response;
    const input = checked(c, reportQuerySchema, body.value);
    if (!input.ok) return input.response;
    const caseId = input.value.case ?? null;
    // The report must exist now: a link to nothing would open an error page instead of the chat's own note.
    const now = await report(c, id, caseId, "inline");
    if (now.status !== 200) return now;
    return c.json({ url: `/api/v1/reports/${links.create(id, caseId)}`, expiresInSeconds: REPORT_LINK_TTL_MS / 1000 }, 201);
  });

  app.get("/reports/:token", async (c) => {
    const link = links.resolve(c.req.param("token"));
    // The visitor is looking at this page, not at the chat: a page in both languages, not JSON.
    if (!link || !(await conversations.exists(link.conversationId))) return c.html(expiredLinkPage(), 404);
    c.set("conversationId", link.conversationId);
    return report(c, link.conversationId, link.caseId, "inline");
  });

  app.delete("/conversation", async (c) => {
    links.forget(c.get("conversationId")!);
    await conversations.erase(c.get("conversationId")!);
    return c.body(null, 204);
  });

  return app;
}

/** The request's X-Conversation-Id, checked, and known to the store: 400 when malformed, 404 when deleted, expired or never made. */
function knownConversation(conversations: ConversationService) {
  return async (c: Ctx, next: Next) => {
    const header = checked(c, conversationHeadersSchema, { "x-conversation-id": c.req.header("x-conversation-id") });
    if (!header.ok) return header.response;
    const id = header.value["x-conversation-id"];
    c.set("conversationId", id);
    if (!(await conversations.exists(id))) {
      return problem(c, 404, [{ path: "x-conversation-id", message: "no such conversation (deleted, expired or never made): start one with POST /api/v1/conversations" }]);
    }
    await next();
  };
}

/** Who is talking: the web knows only the browser's language, resolved to zh or en. */
function callerOf(c: Ctx): { ok: true; value: Caller } | { ok: false; response: Response } {
  const header = checked(c, acceptLanguageSchema, c.req.header("accept-language"), "accept-language");
  return header.ok ? { ok: true, value: { languageHint: langFromAcceptLanguage(header.value) } } : header;
}
