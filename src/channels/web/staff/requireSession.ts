import type { MiddlewareHandler } from "hono";
import type { SessionManager } from "../../../staff/index.js";
import { refuse } from "./refusals.js";
import { clearSessionCookie, sessionCookie, type CookieSettings } from "./sessionCookie.js";
import type { StaffEnv } from "./staffEnv.js";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every staff API request but sign-in: a live session (else 401, and the stale cookie is
 * cleared), and on anything that changes state the session's CSRF token in X-CSRF-Token
 * (else 403). The cookie alone is SameSite=Strict already; the token also covers browsers and
 * set-ups where that is not enough (a sibling subdomain, an old browser).
 */
export function requireSession(sessions: SessionManager, cookies: CookieSettings): MiddlewareHandler<StaffEnv> {
  return async (c, next) => {
    const checked = await sessions.check(sessionCookie(c));
    if (!checked.ok) {
      if (checked.reason === "expired") clearSessionCookie(c, cookies);
      const message = checked.reason === "expired" ? "the session has ended; sign in again" : "sign in first";
      return refuse(c, 401, "(session)", message);
    }
    if (!SAFE_METHODS.has(c.req.method) && !sessions.checkCsrf(checked.session, c.req.header("x-csrf-token"))) {
      return refuse(c, 403, "x-csrf-token", "missing or wrong: send the csrfToken of the session in the X-CSRF-Token header");
    }
    c.set("staff", checked.session);
    await next();
  };
}
