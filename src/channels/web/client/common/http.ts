/// <reference lib="dom" />
import * as z from "zod/mini";

/** The request never got an answer (offline, server down, connection cut). */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
}

/** The server answered with an error status (or a body of the wrong shape); `messages` are its `errors[].message`, when it sent any. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(readonly status: number, readonly messages: string[]) {
    super(`HTTP ${status}${messages.length > 0 ? `: ${messages.join("; ")}` : ""}`);
  }
}

/** The server was asked to slow down; `seconds` from its Retry-After. */
export class RateLimited extends Error {
  override readonly name = "RateLimited";
  constructor(readonly seconds: number) {
    super(`rate limited for ${seconds} s`);
  }
}

/** How every API of this server reports errors. */
const errorsSchema = z.object({ errors: z.array(z.object({ path: z.optional(z.string()), message: z.string() })) });

/** fetch, never cached; no answer at all is a NetworkError. */
export async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { ...init, cache: "no-store" });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : "fetch failed");
  }
}

/** The body, parsed and checked before it is used: one cut off mid-way is a lost connection, not a server error. */
export async function readJson<T>(response: Response, schema: z.ZodMiniType<T>): Promise<T> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw new NetworkError("incomplete response");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(response.status, parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  return parsed.data;
}

/** An error answer's messages, each with its path; none when its body is not the errors shape. */
export async function errorMessages(response: Response): Promise<string[]> {
  try {
    const parsed = errorsSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)) : [];
  } catch {
    return [];
  }
}

/** Whole seconds from a Retry-After header, `fallback` when it gives none. */
export function retryAfterSeconds(header: string | null, fallback: number): number {
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : fallback;
}

/** The file name a Content-Disposition header gives, if any. */
export function fileName(disposition: string | null): string | null {
  const named = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] : undefined;
  return named ? decodeURIComponent(named) : null;
}
