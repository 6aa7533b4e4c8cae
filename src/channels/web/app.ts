import { createHash } from "node:crypto";
import { Hono, type Context, type Next } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { ConversationService } from "../../conversation/index.js";
import type { Logger } from "../../log.js";
import { apiRoutes } from "./apiRoutes.js";
import { clientIp } from "./clientIp.js";
import { conversationRoutes } from "./conversationRoutes.js";
import { openApiDocument } from "./openapi.js";
import { checked, problem } from "./problems.js";
import { RateLimiter } from "./rateLimit.js";
import { securityHeaders } from "./securityHeaders.js";
import { staffRoutes, type StaffServices } from "./staff/staffRoutes.js";
import { staticFiles } from "./staticFiles.js";
import type { WebEnv } from "./webEnv.js";
import { z } from "zod";

export interface WebSettings {
  /** Reverse proxies in front (X-Forwarded-For is read only when > 0). */
  trustProxy: number;
  rateLimitPerMinute: number;
  rateLimitBurst: number;
  bodyLimitBytes: number;
  batchLimitBytes: number;
  frameAncestors: string;
  llmDailyLimit: number;
  /** The staff session cookie: Secure `always`, or `auto` (when the request came over HTTPS). */
  staffCookieSecure: "auto" | "always";
}

/** A request handler another channel serves on this server (Telegram's webhook). */
export type MountedHandler = (request: Request) => Promise<Response>;

export interface WebAppOptions {
  conversations: ConversationService;
  logger: Logger;
  settings: WebSettings;
  /** The client's build output: index.html, staff.html and assets/. */
  staticDir: string;
  /** The staff console's sessions and audit log; without them /staff/ is not served. */
  staff?: StaffServices;
}

export interface WebApp {
  fetch: Hono<WebEnv>["fetch"];
  /** Every route but the staff console's, for the OpenAPI test. */
  routes: readonly { method: string; path: string }[];
  /** Serves `handler` at exactly `path`, ahead of everything else (no rate limit: Telegram posts from a few addresses). */
  mount(path: string, handler: MountedHandler): void;
  /** Stops the rate limiter's sweep and removes the staff uploads' temporary files. */
  close(): void;
}

const forwardedForSchema = z.string().max(2000, { error: "must be at most 2000 characters" }).optional();
const SWEEP_MS = 60_000;

/** The whole HTTP surface: the web chat's files, the JSON API, /healthz, and what other channels mount. */
export function createWebApp(options: WebAppOptions): WebApp {
  const { conversations, logger, settings } = options;
  const app = new Hono<WebEnv>();
  const mounts = new Map<string, MountedHandler>();
  const limiter = new RateLimiter(settings.rateLimitPerMinute, settings.rateLimitBurst);
  const sweep = setInterval(() => limiter.sweep(), SWEEP_MS);
  sweep.unref();
  const headers = Object.entries(securityHeaders(settings.frameAncestors));
  const files = staticFiles(options.staticDir);
  const openApi = JSON.stringify(openApiDocument(conversations.deps.interview.rules.rulesVersion));

  app.use("*", async (c, next) => {
    const started = performance.now();
    await next();
    // A route may set a stricter policy of its own (a report's); every other header is the app's.
    for (const [name, value] of headers) if (name !== "content-security-policy" || !c.res.headers.has(name)) c.res.headers.set(name, value);
    if (c.req.path.startsWith("/api/")) c.res.headers.set("cache-control", "no-store");
    logRequest(logger, c, performance.now() - started);
  });

  app.use("*", async (c, next) => {
    const mounted = mounts.get(c.req.path);
    if (mounted) return mounted(c.req.raw);
    await next();
  });

  app.get("/healthz", (c) => c.json({ status: "ok" }));

  app.use("*", async (c: Context<WebEnv>, next: Next) => {
    const forwarded = checked(c, forwardedForSchema, c.req.header("x-forwarded-for"), "x-forwarded-for");
    if (!forwarded.ok) return forwarded.response;
    const ip = clientIp(c.env?.incoming?.socket.remoteAddress, forwarded.value, settings.trustProxy);
    c.set("clientIp", ip);
    const admitted = limiter.take(ip);
    if (!admitted.ok) {
      return problem(c, 429, [{ path: "(client)", message: `too many requests from this address; try again in ${admitted.retryAfterSeconds} s` }], { "retry-after": String(admitted.retryAfterSeconds) });
    }
    await next();
  });

  // Every body but a batch's (streamed, with its own limit) is read whole: bounded here.
  const limit = bodyLimit({ maxSize: settings.bodyLimitBytes, onError: (c) => problem(c, 413, [{ path: "(body)", message: `must be at most ${settings.bodyLimitBytes} bytes` }]) });
  app.use("/api/v1/*", (c, next) => (c.req.path === "/api/v1/screen/batch" ? next() : limit(c, next)));

  app.route("/api/v1", conversationRoutes(conversations));
  app.route("/api/v1", apiRoutes({ conversations, logger, batchLimitBytes: settings.batchLimitBytes, llmDailyLimit: settings.llmDailyLimit }));
  app.get("/api/v1/openapi.json", (c) => c.body(openApi, 200, { "content-type": "application/json; charset=utf-8" }));

  const staff = options.staff
    ? staffRoutes({ deps: conversations.deps, staff: options.staff, cookies: { secure: settings.staffCookieSecure, trustProxy: settings.trustProxy }, staticDir: options.staticDir, logger, bodyLimitBytes: settings.bodyLimitBytes })
    : null;
  if (staff) {
    app.get("/staff", (c) => c.redirect("/staff/"));
    app.get("/staff/", staff.page);
    app.route("/staff", staff.app);
  }

  app.get("/", files.index);
  app.get("/assets/*", files.asset);
  // Browsers ask for it by this name on pages that name no icon (a report opened as a page).
  app.get("/favicon.ico", files.icon);

  app.notFound((c) => problem(c, 404, [{ path: "(url)", message: `no such route: ${c.req.method} ${c.req.path.slice(0, 100)}` }]));
  app.onError((error, c) => {
    if (error instanceof HTTPException && error.status === 413) return problem(c, 413, [{ path: "(body)", message: "too large" }]);
    logger.error("request failed", { path: c.req.path.slice(0, 100), error: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : typeof error });
    return problem(c, 500, [{ path: "(server)", message: "something went wrong on our side; try again" }]);
  });

  return {
    fetch: app.fetch,
    // The staff console's routes are not the public API: STAFF-CONTRACT.md describes them, not the OpenAPI document.
    routes: app.routes.filter((route) => route.method !== "ALL" && !route.path.startsWith("/staff")).map(({ method, path }) => ({ method, path })),
    mount: (path, handler) => void mounts.set(path, handler),
    close: () => {
      clearInterval(sweep);
      void staff?.close();
    },
  };
}

/**
 * One line per request, never a message text. A conversation id is a bearer secret (whoever
 * holds it can read the conversation), so the log carries a digest that correlates lines only.
 */
function logRequest(logger: Logger, c: Context<WebEnv>, ms: number): void {
  const conversation = c.get("conversationId");
  logger.info("request", {
    method: c.req.method,
    // A report link's token opens a report for ten minutes: the log keeps the route, not the token.
    path: c.req.path.replace(/^\/api\/v1\/reports\/.*/, "/api/v1/reports/…").slice(0, 100),
    status: c.res.status,
    ms: Math.round(ms * 100) / 100,
    ...(conversation ? { conversation: `web#${createHash("sha256").update(conversation).digest("hex").slice(0, 12)}` } : {}),
    ...(c.get("outcome") ? { outcome: c.get("outcome") } : {}),
  });
}
