import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ConversationDeps } from "../../../conversation/index.js";
import type { Logger } from "../../../log.js";
import type { AuditLog, SessionManager, StaffConfig } from "../../../staff/index.js";
import { problem } from "../problems.js";
import { auditRoutes } from "./auditRoutes.js";
import { batchRoutes } from "./batchRoutes.js";
import { caseRoutes } from "./caseRoutes.js";
import { dashboardRoutes } from "./dashboardRoutes.js";
import { exportRoutes } from "./exportRoutes.js";
import { recheckRoutes } from "./recheckRoutes.js";
import { requireSession } from "./requireSession.js";
import type { CookieSettings } from "./sessionCookie.js";
import { sessionRoutes } from "./sessionRoutes.js";
import { staffPage } from "./staffPage.js";
import type { StaffEnv } from "./staffEnv.js";

/** What the staff console runs on: sign-in sessions, the audit log and their settings (src/staff). */
export interface StaffServices {
  sessions: SessionManager;
  audit: AuditLog;
  config: StaffConfig;
}

export interface StaffRoutesOptions {
  deps: ConversationDeps;
  staff: StaffServices;
  cookies: CookieSettings;
  /** The client build: staff.html. */
  staticDir: string;
  logger: Logger;
  bodyLimitBytes: number;
}

export interface StaffRoutes {
  /** The API, to mount at /staff. */
  app: Hono<StaffEnv>;
  /** GET /staff/ (a sub-app's "/" would be /staff, without the slash the page's relative links need). */
  page: ReturnType<typeof staffPage>;
  /** Removes the batch jobs' temporary files. */
  close(): Promise<void>;
}

/** The staff console: its page, and its JSON API under /staff/api/ (STAFF-CONTRACT.md). */
export function staffRoutes(options: StaffRoutesOptions): StaffRoutes {
  const { deps, staff, cookies, logger } = options;
  const app = new Hono<StaffEnv>();
  const batch = batchRoutes(deps, staff.audit, staff.config.upload);

  app.use("/api/*", async (c, next) => {
    await next();
    c.res.headers.set("cache-control", "no-store");
  });
  const limit = bodyLimit({ maxSize: options.bodyLimitBytes, onError: (c) => problem(c, 413, [{ path: "(body)", message: `must be at most ${options.bodyLimitBytes} bytes` }]) });
  app.use("/api/*", (c, next) => (c.req.path === "/staff/api/batch" ? next() : limit(c, next)));

  // Sign-in needs no session; its GET and DELETE check their own.
  app.route("/api", sessionRoutes({ sessions: staff.sessions, cookies, policy: staff.config.sessions }));
  app.use("/api/*", requireSession(staff.sessions, cookies));
  app.route("/api", dashboardRoutes(deps));
  app.route("/api", caseRoutes(deps, staff.audit));
  app.route("/api", exportRoutes(deps, staff.audit, logger));
  app.route("/api", recheckRoutes(deps, staff.audit));
  app.route("/api", batch.app);
  app.route("/api", auditRoutes(staff.audit));

  return { app, page: staffPage(options.staticDir), close: () => batch.jobs.close() };
}
