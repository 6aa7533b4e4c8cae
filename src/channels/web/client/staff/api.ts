/// <reference lib="dom" />
import type * as z from "zod/mini";
import { ApiError, errorMessages, fileName, readJson, retryAfterSeconds, send } from "../common/http.js";
import { batchJobSchema, batchStartedSchema, sessionSchema, type StaffSession } from "./wire.js";

export { ApiError, NetworkError } from "../common/http.js";

/** The session is gone (expired, signed out elsewhere, server restarted): the page asks to sign in again. */
export class SessionExpired extends Error {
  override readonly name = "SessionExpired";
}

/** A sign-in refused for a while after repeated failures; `seconds` from Retry-After. */
export class LockedOut extends Error {
  override readonly name = "LockedOut";
  constructor(readonly seconds: number) {
    super(`locked out for ${seconds} s`);
  }
}

export const API = "/staff/api";

export interface Download {
  filename: string;
  blob: Blob;
}

/**
 * The staff routes of STAFF-CONTRACT.md. The session is an HttpOnly cookie the browser sends by
 * itself; the CSRF token it came with goes in X-CSRF-Token on every request that changes
 * something. A 401 anywhere means the session is over.
 */
export class StaffApi {
  private csrfToken: string | null = null;

  /** The language item titles and labels come back in (sent as Accept-Language: the query strings are the contract's alone). */
  lang: "zh" | "en" = "zh";

  async signIn(name: string, password: string): Promise<StaffSession> {
    const response = await this.send("/session", { method: "POST", body: JSON.stringify({ name, password }), headers: { "content-type": "application/json" } });
    if (response.status === 429) throw new LockedOut(retryAfterSeconds(response.headers.get("retry-after"), 60));
    if (response.status === 401) throw new ApiError(401, await errorMessages(response));
    return this.remember(await readJson(response, sessionSchema));
  }

  /** The current session, or null when there is none. */
  async session(): Promise<StaffSession | null> {
    const response = await this.send("/session", { method: "GET" });
    if (response.status === 401) return null;
    return this.remember(await readJson(response, sessionSchema));
  }

  async signOut(): Promise<void> {
    await this.request("/session", { method: "DELETE" });
    this.csrfToken = null;
  }

  get<T>(path: string, schema: z.ZodMiniType<T>): Promise<T> {
    return this.request(path, { method: "GET" }).then((response) => readJson(response, schema));
  }

  /** A file the server makes (export, template, result), with the name it gives. */
  async download(path: string, fallbackName: string): Promise<Download> {
    const response = await this.request(path, { method: "GET" });
    return { filename: fileName(response.headers.get("content-disposition")) ?? fallbackName, blob: await response.blob() };
  }

  /** Sends a filled template as the raw body; the server tells XLSX from CSV by its type. */
  async startBatch(file: File): Promise<string> {
    const type = /\.csv$/i.test(file.name) ? "text/csv" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    const headers = { "content-type": type, "x-file-name": encodeURIComponent(file.name) };
    const response = await this.request("/batch", { method: "POST", body: file, headers });
    return (await readJson(response, batchStartedSchema)).jobId;
  }

  batchJob(jobId: string) {
    return this.get(`/batch/${encodeURIComponent(jobId)}`, batchJobSchema);
  }

  private remember(session: StaffSession): StaffSession {
    this.csrfToken = session.csrfToken;
    return session;
  }

  /** Any answer but 401 (which ends the session) and other errors (thrown with the server's messages). */
  private async request(path: string, init: RequestInit): Promise<Response> {
    const response = await this.send(path, init);
    if (response.status === 401) {
      this.csrfToken = null;
      throw new SessionExpired("no session");
    }
    if (!response.ok) throw new ApiError(response.status, await errorMessages(response));
    return response;
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("accept-language", this.lang === "en" ? "en" : "zh-CN");
    if (init.method !== "GET" && this.csrfToken) headers.set("x-csrf-token", this.csrfToken);
    return send(API + path, { ...init, headers, credentials: "same-origin" });
  }
}
