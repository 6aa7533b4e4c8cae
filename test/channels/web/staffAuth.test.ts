import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { auditFile } from "../../../src/staff/index.js";
import { removeStaffDirs, StaffClient, startStaffWeb, type StaffWeb } from "./staffHarness.js";

afterAll(() => removeStaffDirs());

const auditActions = (web: StaffWeb) =>
  readFileSync(auditFile(web.dir), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { action: string; name: string });

describe("staff sign-in and sessions over HTTP", () => {
  let web: StaffWeb;
  beforeEach(async () => {
    web = await startStaffWeb({ STAFF_LOCKOUT_FAILURES: "3", STAFF_SESSION_IDLE_MINUTES: "30" });
    await web.addAccount("wang", "admin");
    await web.addAccount("li");
  });
  afterEach(async () => {
    await web.stop();
  });

  it("signs in with an HttpOnly, SameSite=Strict cookie on /staff, reads the session back, and signs out", async () => {
    const client = new StaffClient(web.base);
    const response = await client.signIn("wang");
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    expect(body).toMatchObject({ name: "wang", role: "admin", expiresAt: "2026-03-01T02:30:00.000Z" });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(client.lastSetCookie).toMatch(/^staff_session=[A-Za-z0-9_-]{40,}; Path=\/staff; HttpOnly; SameSite=Strict$/);
    expect(response.headers.get("cache-control")).toBe("no-store");

    expect(await client.json("/staff/api/session")).toMatchObject({ name: "wang", role: "admin", csrfToken: body.csrfToken });
    const out = await client.fetch("/staff/api/session", { method: "DELETE" });
    expect(out.status).toBe(204);
    expect(client.lastSetCookie).toMatch(/^staff_session=; Max-Age=0; Path=\/staff; HttpOnly; SameSite=Strict/);
    expect(client.cookie).toBeNull();
    expect((await client.fetch("/staff/api/session")).status).toBe(401);
    expect(auditActions(web).map((e) => e.action)).toEqual(["sign_in", "sign_out"]);
  });

  it("marks the cookie Secure when a trusted proxy says the request came over HTTPS, or when STAFF_COOKIE_SECURE=always", async () => {
    const proxied = await startStaffWeb({ TRUST_PROXY: "1" });
    const always = await startStaffWeb({ STAFF_COOKIE_SECURE: "always" });
    try {
      await proxied.addAccount("wang");
      await always.addAccount("wang");
      const viaProxy = new StaffClient(proxied.base);
      await viaProxy.fetch("/staff/api/session", { method: "POST", json: { name: "wang", password: "correct horse battery" }, headers: { "x-forwarded-proto": "https", "x-forwarded-for": "1.2.3.4" } });
      expect(viaProxy.lastSetCookie).toMatch(/; Secure;/);
      const plain = new StaffClient(proxied.base);
      await plain.signIn("wang");
      expect(plain.lastSetCookie).not.toMatch(/Secure/);
      const client = new StaffClient(always.base);
      await client.signIn("wang");
      expect(client.lastSetCookie).toMatch(/; Secure;/);
    } finally {
      await proxied.stop();
      await always.stop();
    }
  });

  it("answers a wrong password and an unknown name alike with 401, and audits both", async () => {
    const client = new StaffClient(web.base);
    const wrong = await client.signIn("wang", "not the password at all");
    const unknown = await client.signIn("nobody", "not the password at all");
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect(client.cookie).toBeNull();
    expect(auditActions(web)).toEqual([expect.objectContaining({ action: "sign_in_failed", name: "wang" }), expect.objectContaining({ action: "sign_in_failed", name: "nobody" })]);
  });

  it("refuses a sign-in that is not JSON, and a body without a name, with 400 and the path", async () => {
    const client = new StaffClient(web.base);
    const form = await client.fetch("/staff/api/session", { method: "POST", body: "name=wang&password=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(400);
    const missing = await client.fetch("/staff/api/session", { method: "POST", json: { password: "x" } });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ errors: [expect.objectContaining({ path: "name" })] });
  });

  it("locks a name out after repeated failures with 429 and Retry-After, even for the right password, and audits the lock-out", async () => {
    const client = new StaffClient(web.base);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await client.signIn("li", "wrong password here")).status);
    expect(statuses).toEqual([401, 401, 429]);
    const locked = await client.signIn("li");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBe(15 * 60);
    expect(auditActions(web).filter((e) => e.action === "locked_out").length).toBeGreaterThan(0);
    web.clock.advance(15 * 60_000);
    expect((await client.signIn("li")).status).toBe(200);
  });

  it("refuses every API request without a session with 401, and state changes without the CSRF token or with a wrong one with 403", async () => {
    const anonymous = new StaffClient(web.base);
    for (const path of ["/staff/api/session", "/staff/api/dashboard", "/staff/api/cases", "/staff/api/export.csv", "/staff/api/template.csv", "/staff/api/audit"]) {
      expect([path, (await anonymous.fetch(path)).status]).toEqual([path, 401]);
    }
    expect((await anonymous.fetch("/staff/api/batch", { method: "POST", body: "x" })).status).toBe(401);
    expect((await anonymous.fetch("/staff/api/session", { method: "DELETE" })).status).toBe(401);

    const client = new StaffClient(web.base);
    await client.signIn("li");
    expect((await client.fetch("/staff/api/session", { method: "DELETE", csrf: null })).status).toBe(403);
    const wrong = await client.fetch("/staff/api/batch", { method: "POST", body: "x", csrf: "not-the-token" });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ errors: [expect.objectContaining({ path: "x-csrf-token" })] });
    // Another session's token is wrong too.
    const other = new StaffClient(web.base);
    await other.signIn("wang");
    expect((await client.fetch("/staff/api/session", { method: "DELETE", csrf: other.csrfToken })).status).toBe(403);
    expect((await client.fetch("/staff/api/session")).status).toBe(200);
  });

  it("ends a session left idle past STAFF_SESSION_IDLE_MINUTES: 401, and the cookie is cleared", async () => {
    const client = new StaffClient(web.base);
    await client.signIn("li");
    web.clock.advance(29 * 60_000);
    expect((await client.fetch("/staff/api/session")).status).toBe(200);
    web.clock.advance(30 * 60_000);
    const expired = await client.fetch("/staff/api/dashboard");
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual({ errors: [{ path: "(session)", message: "the session has ended; sign in again" }] });
    expect(client.cookie).toBeNull();
  });

  it("lets only admins read the audit log (403 for staff), filtered by name and action", async () => {
    const staff = new StaffClient(web.base);
    await staff.signIn("li");
    const refused = await staff.fetch("/staff/api/audit");
    expect(refused.status).toBe(403);
    const admin = new StaffClient(web.base);
    await admin.signIn("wang");
    const { events } = await admin.json<{ events: { action: string; name: string }[] }>("/staff/api/audit?name=li&action=sign_in,sign_out");
    expect(events).toEqual([expect.objectContaining({ action: "sign_in", name: "li", at: "2026-03-01T02:00:00.000Z" })]);
    expect((await admin.fetch("/staff/api/audit?action=dance")).status).toBe(400);
    const today = await admin.json<{ events: unknown[] }>("/staff/api/audit?from=2026-03-01&to=2026-03-01");
    expect(today.events.length).toBe(2);
    const tomorrow = await admin.json<{ events: unknown[] }>("/staff/api/audit?from=2026-03-02");
    expect(tomorrow.events).toEqual([]);
  });

  it("says how to build the console page while it is not built, and redirects /staff to /staff/", async () => {
    const page = await fetch(`${web.base}/staff/`);
    expect(page.status).toBe(503);
    expect(await page.text()).toContain("npm run build");
    const bare = await fetch(`${web.base}/staff`, { redirect: "manual" });
    expect(bare.status).toBe(302);
    expect(bare.headers.get("location")).toBe("/staff/");
  });
});
