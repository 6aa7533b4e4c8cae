import { Hono } from "hono";
import type { Session, SessionManager, StaffConfig } from "../../../staff/index.js";
import { checked, jsonBody, problem } from "../problems.js";
import { refuse } from "./refusals.js";
import { requireSession } from "./requireSession.js";
import { signInSchema } from "./schemas.js";
import { clearSessionCookie, sessionCookie, setSessionCookie, type CookieSettings } from "./sessionCookie.js";
import type { StaffEnv } from "./staffEnv.js";

export interface SessionRoutesOptions {
  sessions: SessionManager;
  cookies: CookieSettings;
  policy: StaffConfig["sessions"];
}

/** When the session ends if it is not used again: idle time or its absolute end, whichever comes first. */
function sessionJson(session: Session, policy: StaffConfig["sessions"]) {
  const expiresAt = Math.min(session.lastSeenAt + policy.idleMs, session.createdAt + policy.absoluteMs);
  return { name: session.name, role: session.role, csrfToken: session.csrfToken, expiresAt: new Date(expiresAt).toISOString() };
}

/** Sign in, the current session, sign out. */
export function sessionRoutes({ sessions, cookies, policy }: SessionRoutesOptions): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  app.post("/session", async (c) => {
    // JSON only: a cross-site HTML form cannot send it, so no other site can sign a browser in to an account of its choosing.
    if (!/^application\/json\b/i.test(c.req.header("content-type") ?? "")) return problem(c, 400, [{ path: "content-type", message: "must be application/json" }]);
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    const input = checked(c, signInSchema, body.value);
    if (!input.ok) return input.response;
    const result = await sessions.signIn(input.value.name, input.value.password, c.get("clientIp"));
    if (result.ok) {
      setSessionCookie(c, result.session.id, cookies);
      return c.json(sessionJson(result.session, policy));
    }
    if (result.reason === "locked") {
      const seconds = Math.ceil(result.retryAfterMs / 1000);
      return problem(c, 429, [{ path: "(sign-in)", message: `too many failed sign-ins; try again in ${seconds} s` }], { "retry-after": String(seconds) });
    }
    return refuse(c, 401, "(sign-in)", "wrong name or password");
  });

  app.get("/session", requireSession(sessions, cookies), (c) => c.json(sessionJson(c.get("staff"), policy)));

  app.delete("/session", requireSession(sessions, cookies), async (c) => {
    await sessions.signOut(sessionCookie(c)!);
    clearSessionCookie(c, cookies);
    return c.body(null, 204);
  });

  return app;
}
