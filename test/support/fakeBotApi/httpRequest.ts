import type { IncomingMessage, ServerResponse } from "node:http";
import { badRequest } from "./apiError.js";
import { type MultipartFile, MultipartError, boundaryOf, parseMultipart } from "./multipart.js";
import { normaliseParams } from "./params.js";

export interface Route {
  token: string;
  method: string;
}

export interface RequestParams {
  params: Record<string, unknown>;
  uploads: Record<string, MultipartFile>;
}

/** `/bot<token>/<method>`, as telegraf builds it from apiRoot (also `/bot<token>/test/<method>`). */
export function routeOf(url: string | undefined): Route | undefined {
  const { pathname } = new URL(url ?? "/", "http://127.0.0.1");
  const match = /^\/bot([^/]+)\/(?:test\/)?([^/]+)$/.exec(pathname);
  return match?.[1] && match[2] ? { token: decodeURIComponent(match[1]), method: match[2] } : undefined;
}

/** Parameters from the query string and a JSON, urlencoded or multipart body, as Telegram accepts. */
export async function readParams(request: IncomingMessage): Promise<RequestParams> {
  const body = await readBody(request);
  const query = Object.fromEntries(new URL(request.url ?? "/", "http://127.0.0.1").searchParams);
  const contentType = request.headers["content-type"] ?? "";
  const fromBody = body.length === 0 ? { params: {}, uploads: {} } : parseBody(body, contentType);
  return { params: normaliseParams({ ...query, ...fromBody.params }), uploads: fromBody.uploads };
}

function parseBody(body: Buffer, contentType: string): RequestParams {
  const type = contentType.split(";")[0]?.trim().toLowerCase();
  if (type === "application/json") {
    const parsed: unknown = parseJson(body);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw badRequest("request body must be a JSON object");
    }
    return { params: parsed as Record<string, unknown>, uploads: {} };
  }
  if (type === "application/x-www-form-urlencoded") {
    return { params: Object.fromEntries(new URLSearchParams(body.toString("utf8"))), uploads: {} };
  }
  if (type === "multipart/form-data") {
    const boundary = boundaryOf(contentType);
    if (!boundary) throw badRequest("multipart/form-data without a boundary");
    try {
      const form = parseMultipart(body, boundary);
      return { params: form.fields, uploads: form.files };
    } catch (error) {
      if (error instanceof MultipartError) throw badRequest(`can't parse multipart body: ${error.message}`);
      throw error;
    }
  }
  throw badRequest(`unsupported Content-Type "${contentType}"`);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw badRequest("can't parse JSON request body");
  }
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function writeJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.writableEnded || response.destroyed) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** Aborts when the client goes away before its answer, as telegraf does on bot.stop(). */
export function disconnectSignal(response: ServerResponse): AbortSignal {
  const controller = new AbortController();
  response.on("close", () => {
    if (!response.writableFinished) controller.abort();
  });
  return controller.signal;
}
