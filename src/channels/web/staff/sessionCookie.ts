import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

export const SESSION_COOKIE = "staff_session";

export interface CookieSettings {
  /** `always`: every cookie Secure; `auto`: Secure when the request came over HTTPS. */
  secure: "auto" | "always";
  /** Reverse proxies in front: only then is X-Forwarded-Proto believed. */
  trustProxy: number;
}

/** Over HTTPS: the URL says so, or a trusted proxy that terminated TLS does. */
function cameOverHttps(c: Context, trustProxy: number): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  const forwarded = c.req.header("x-forwarded-proto")?.split(",").map((p) => p.trim().toLowerCase());
  return trustProxy > 0 && forwarded !== undefined && forwarded[Math.max(0, forwarded.length - trustProxy)] === "https";
}

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends
 * it), Path=/staff (the chat and API never see it), no Max-Age (the browser forgets it when
 * closed; the server ends it sooner anyway).
 */
export function setSessionCookie(c: Context, sessionId: string, settings: CookieSettings): void {
  setCookie(c, SESSION_COOKIE, sessionId, { httpOnly: true, sameSite: "Strict", path: "/staff", secure: settings.secure === "always" || cameOverHttps(c, settings.trustProxy) });
}

export function clearSessionCookie(c: Context, settings: CookieSettings): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: "Strict", path: "/staff", secure: settings.secure === "always" || cameOverHttps(c, settings.trustProxy) });
}

export const sessionCookie = (c: Context): string | undefined => getCookie(c, SESSION_COOKIE);
