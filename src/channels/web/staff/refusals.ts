import type { Context } from "hono";
import type { ProblemBody } from "../problems.js";

/** 401 (no valid session), 403 (not allowed, or no CSRF token) and 409 (not ready yet), in the API's error shape. */
export function refuse(c: Context, status: 401 | 403 | 409, path: string, message: string, headers: Record<string, string> = {}): Response {
  return c.json({ errors: [{ path, message }] } satisfies ProblemBody, status, headers);
}
