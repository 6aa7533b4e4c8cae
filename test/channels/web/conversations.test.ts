import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { t } from "../../../src/i18n/translate.js";
import { removeDataDirs, startWeb, WebClient, type Reply, type TestWeb } from "./harness.js";

let web: TestWeb;
let zh: WebClient;

beforeAll(async () => {
  web = await startWeb();
  zh = new WebClient(web.base);
});

afterAll(async () => {
  await web.stop();
  removeDataDirs();
});

const langButtons = (reply: Reply | undefined) => reply?.choices?.flat().map((choice) => choice.action);

describe("creating a conversation", () => {
  it("makes a web: id of 22 base64url characters, in Chinese by default, and offers the language menu", async () => {
    const created = await zh.create();
    expect(created.conversationId).toMatch(/^web:[A-Za-z0-9_-]{22}$/);
    expect(created.lang).toBe("zh");
    expect(created.replies[0]?.text).toBe(t("zh", "bot.chooseLanguage"));
    expect(langButtons(created.replies[0])).toEqual([{ kind: "lang", lang: "zh" }, { kind: "lang", lang: "en" }]);
    expect((await web.store.getConversation(created.conversationId))?.lang).toBe("zh");
  });

  it("speaks English when the browser prefers it, and Chinese when it prefers neither", async () => {
    expect((await new WebClient(web.base, "en-GB,en;q=0.9,zh;q=0.5").create()).lang).toBe("en");
    expect((await new WebClient(web.base, "fr-FR,fr;q=0.9").create()).lang).toBe("zh");
    expect((await new WebClient(web.base, "fr,en;q=0.5").create()).lang).toBe("en");
  });

  it("with a language in the body, answers with the welcome in it", async () => {
    const created = await zh.create("en");
    expect(created.lang).toBe("en");
    expect(created.replies.map((reply) => reply.text).join("\n")).toContain(t("en", "welcome.title"));
  });

  it("gives every conversation a different id", async () => {
    const ids = await Promise.all(Array.from({ length: 20 }, async () => (await zh.create()).conversationId));
    expect(new Set(ids).size).toBe(20);
  });
});

describe("a result on the web", () => {
  it("carries a card in the reply's language instead of the engine's evaluation, and the view shows it again", async () => {
    const { conversationId: id } = await zh.create("zh");
    await zh.turn(id, { type: "action", action: { kind: "go" } });
    const turn = await zh.turn(id, { type: "text", text: "否" });
    const result = turn.replies.find((reply) => reply.type === "result")!;
    expect(result).not.toHaveProperty("evaluation");
    const card = result.card as { items: { statusText: string; reasons: string[] }[]; totalText: string; disclaimer: string };
    expect(card.items).toHaveLength(13);
    expect(card.items[0]!.statusText).toBe(t("zh", "status.not_eligible"));
    expect(card.totalText).toContain("按第十六条");
    expect(card.disclaimer).toContain("本结果为预筛查");
    const view = (await (await zh.fetch("/api/v1/conversation", { id })).json()) as { lang: string; replies: Reply[] };
    expect(view.lang).toBe("zh");
    expect(view.replies.find((reply) => reply.type === "result")?.card).toEqual(card);
  });

  it("lists the documents of eligible items and what would settle open ones", async () => {
    const en = new WebClient(web.base, "en");
    const { conversationId: id } = await en.create("en");
    await en.turn(id, { type: "action", action: { kind: "go" } });
    await en.turn(id, { type: "text", text: "yes" });
    const turn = await en.turn(id, { type: "command", command: "result", args: "" });
    const card = turn.replies.find((reply) => reply.type === "result")?.card as { items: { status: string; missing: string[]; documents: string[] }[] };
    const open = card.items.filter((item) => item.status === "needs_info");
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((item) => item.missing.length > 0 && item.missing.every((words) => !/^[a-z]+(?:\.[A-Za-z]+)+$/.test(words)))).toBe(true);
    expect(card.items.filter((item) => item.status !== "eligible").every((item) => item.documents.length === 0)).toBe(true);
  });
});

describe("the report and erasure", () => {
  it("downloads the report of the latest case as an HTML attachment carrying its case id; an unknown case is 404", async () => {
    const { conversationId: id } = await zh.create("en");
    await zh.turn(id, { type: "action", action: { kind: "go" } });
    const done = await zh.turn(id, { type: "text", text: "no" });
    const caseId = /TZ-\d{8}-[0-9A-Z]{8}/.exec(JSON.stringify(done))![0];
    const report = await zh.fetch("/api/v1/conversation/report", { id });
    expect(report.status).toBe(200);
    expect(report.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(report.headers.get("content-disposition")).toBe(`attachment; filename="${caseId}.html"`);
    expect(await report.text()).toContain(caseId);
    expect((await zh.fetch(`/api/v1/conversation/report?case=${caseId}`, { id })).status).toBe(200);
    expect((await zh.fetch("/api/v1/conversation/report?case=TZ-20260301-AAAAAAAA", { id })).status).toBe(404);
    expect((await zh.fetch("/api/v1/conversation/report?case=nonsense", { id })).status).toBe(400);
  });

  it("gives a report link that opens the report as a page without the conversation id, until the conversation is erased", async () => {
    const { conversationId: id } = await zh.create("en");
    await zh.turn(id, { type: "action", action: { kind: "go" } });
    const done = await zh.turn(id, { type: "text", text: "no" });
    const caseId = /TZ-\d{8}-[0-9A-Z]{8}/.exec(JSON.stringify(done))![0];
    const made = await zh.fetch("/api/v1/conversation/report-links", { method: "POST", id, body: JSON.stringify({ case: caseId }) });
    expect(made.status).toBe(201);
    const { url, expiresInSeconds } = (await made.json()) as { url: string; expiresInSeconds: number };
    expect(expiresInSeconds).toBe(600);
    expect(url).toMatch(/^\/api\/v1\/reports\/[A-Za-z0-9_-]{32}$/);
    expect(url).not.toContain(id.slice(4));
    // Opened as a page would be: no X-Conversation-Id.
    const opened = await fetch(web.base + url);
    expect(opened.status).toBe(200);
    expect(opened.headers.get("content-disposition")).toBe(`inline; filename="${caseId}.html"`);
    expect(await opened.text()).toContain(caseId);
    expect(JSON.stringify(web.logger.lines)).not.toContain(url.split("/").at(-1));

    expect((await zh.fetch("/api/v1/conversation/report-links", { method: "POST", id, body: JSON.stringify({ case: "TZ-20260301-AAAAAAAA" }) })).status).toBe(404);
    expect((await zh.fetch("/api/v1/conversation/report-links", { method: "POST", id, body: JSON.stringify({ case: "nonsense" }) })).status).toBe(400);
    const unknown = await fetch(`${web.base}/api/v1/reports/not-a-token`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("tap Download again");

    expect((await zh.fetch("/api/v1/conversation", { method: "DELETE", id })).status).toBe(204);
    expect((await fetch(web.base + url)).status).toBe(404);
    expect(await web.store.getConversation(id)).toBeNull();
  });

  it("DELETE erases the conversation and its cases; the id is then unknown (404)", async () => {
    const { conversationId: id } = await zh.create("en");
    await zh.turn(id, { type: "action", action: { kind: "go" } });
    await zh.turn(id, { type: "text", text: "no" });
    const stem = id.replace(":", "_");
    const names = () => readdirSync(web.dir, { recursive: true, encoding: "utf8" });
    expect(names().some((name) => name.includes(stem))).toBe(true);
    expect((await zh.fetch("/api/v1/conversation", { method: "DELETE", id })).status).toBe(204);
    expect(names().filter((name) => name.includes(stem))).toEqual([]);
    expect(await web.store.casesOf(id)).toEqual([]);
    expect((await zh.fetch("/api/v1/conversation", { id })).status).toBe(404);
    expect((await zh.fetch("/api/v1/conversation/turns", { method: "POST", id, body: JSON.stringify({ type: "text", text: "hi" }) })).status).toBe(404);
  });

  it("the Delete button of the chat erases as well", async () => {
    const { conversationId: id } = await zh.create("en");
    const turn = await zh.turn(id, { type: "action", action: { kind: "delete", yes: true } });
    expect(turn.replies[0]?.text).toBe(t("en", "bot.delete.done"));
    expect(await web.store.getConversation(id)).toBeNull();
  });
});

describe("requests the server refuses", () => {
  const problems = async (response: Response) => ({ status: response.status, body: (await response.json()) as { errors: { path: string; message: string }[] } });

  it("400 for a missing or malformed X-Conversation-Id, naming the header", async () => {
    const missing = await problems(await zh.fetch("/api/v1/conversation"));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]?.path).toBe("x-conversation-id");
    const forged = await problems(await zh.fetch("/api/v1/conversation", { id: "web:../../etc/passwd" }));
    expect([forged.status, forged.body.errors[0]?.path]).toEqual([400, "x-conversation-id"]);
  });

  it("404 for a well-formed id the server never made", async () => {
    const unknown = await problems(await zh.fetch("/api/v1/conversation", { id: "web:AAAAAAAAAAAAAAAAAAAAAA" }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0]?.message).toContain("POST /api/v1/conversations");
  });

  it("400 with paths for bodies that are not JSON or not a conversation input", async () => {
    const { conversationId: id } = await zh.create("en");
    const notJson = await problems(await zh.fetch("/api/v1/conversation/turns", { method: "POST", id, body: "{nope" }));
    expect(notJson.status).toBe(400);
    expect(notJson.body.errors[0]?.path).toBe("(document)");
    const badAction = await problems(await zh.fetch("/api/v1/conversation/turns", { method: "POST", id, body: JSON.stringify({ type: "action", action: { kind: "answer", key: "jurisdiction", turn: -1, value: true } }) }));
    expect(badAction.status).toBe(400);
    expect(badAction.body.errors.map((e) => e.path)).toContain("action.turn");
    const extra = await problems(await zh.fetch("/api/v1/conversations", { method: "POST", body: JSON.stringify({ lang: "fr", x: 1 }) }));
    expect(extra.body.errors.map((e) => e.path).sort()).toEqual(["lang", "x"]);
  });

  it("413 for a body over the limit", async () => {
    const { conversationId: id } = await zh.create("en");
    const big = await zh.fetch("/api/v1/conversation/turns", { method: "POST", id, body: JSON.stringify({ type: "text", text: "x".repeat(70 * 1024) }) });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { errors: unknown[] }).errors).toHaveLength(1);
  });

  it("404 in JSON for an unknown route", async () => {
    const response = await zh.fetch("/api/v1/nothing");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/json");
  });
});

describe("what every response carries", () => {
  it("a CSP without inline code, nosniff, no referrer, no caching of API answers", async () => {
    const response = await zh.fetch("/api/v1/rules");
    expect(response.headers.get("content-security-policy")).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self';.*frame-ancestors 'self'$/);
    expect(response.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("logs one JSON line per request, with no message text and no conversation id", async () => {
    const { conversationId: id } = await zh.create("en");
    const before = web.logger.lines.length;
    await zh.turn(id, { type: "text", text: "a secret answer 12345" });
    const lines = web.logger.lines.slice(before).filter((line) => line.msg === "request");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: "POST", path: "/api/v1/conversation/turns", status: 200, outcome: "ok", conversation: expect.stringMatching(/^web#[0-9a-f]{12}$/) });
    const all = JSON.stringify(web.logger.lines);
    expect(all).not.toContain("secret answer");
    expect(all).not.toContain(id.slice(4));
  });
});
