import type { Context } from "hono";
import type { z } from "zod";
import { toInputIssues, type InputIssue } from "../../validation/issues.js";

/** The error body of every failed request: what is wrong, and where. */
export interface ProblemBody {
  errors: InputIssue[];
}

export function problem(c: Context, status: 400 | 404 | 405 | 413 | 429 | 500 | 503, errors: InputIssue[], headers: Record<string, string> = {}): Response {
  return c.json({ errors } satisfies ProblemBody, status, headers);
}

export type Checked<T> = { ok: true; value: T } | { ok: false; response: Response };

/** Parses an input with its schema; a failure is a 400 naming each problem's path. `at` prefixes the paths (a header's name). */
export function checked<T>(c: Context, schema: z.ZodType<T>, input: unknown, at = ""): Checked<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = toInputIssues(parsed.error).map((issue) => (at === "" ? issue : { ...issue, path: issue.path === "(document)" ? at : `${at}.${issue.path}` }));
  return { ok: false, response: problem(c, 400, issues) };
}

/** A request body as JSON; an empty body is `empty`. */
export async function jsonBody(c: Context, empty: unknown = undefined): Promise<Checked<unknown>> {
  const text = await c.req.text();
  if (text.trim() === "") return { ok: true, value: empty };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, response: problem(c, 400, [{ path: "(document)", message: `not valid JSON: ${(error as Error).message}` }]) };
  }
}
