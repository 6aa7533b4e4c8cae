import { describe, expect, it } from "vitest";
import { SessionManager, type Session } from "../../src/staff/sessions.js";
import { staffFolder, TEST_COST } from "./fixtures.js";

const MINUTE = 60_000;
const PASSWORD = "twelve chars pw";

async function setUp(options: { idleMs?: number; absoluteMs?: number } = {}) {
  const folder = await staffFolder();
  await folder.accounts.add("li.na", "admin", PASSWORD);
  await folder.accounts.add("wang", "staff", PASSWORD);
  const manager = new SessionManager({
    accounts: folder.accounts,
    audit: folder.audit,
    now: folder.clock.now,
    cost: TEST_COST,
    sessions: options,
    lockout: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  });
  return { ...folder, manager };
}

async function signedIn(manager: SessionManager, name = "li.na"): Promise<Session> {
  const result = await manager.signIn(name, PASSWORD, "10.0.0.1");
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result.session;
}

describe("sign-in and sessions", () => {
  it("a right password opens a session with a 256-bit id and its own CSRF token", async () => {
    const { manager } = await setUp();
    const session = await signedIn(manager);
    expect(session).toMatchObject({ name: "li.na", role: "admin", clientIp: "10.0.0.1" });
    expect(Buffer.from(session.id, "base64url")).toHaveLength(32);
    expect(Buffer.from(session.csrfToken, "base64url")).toHaveLength(32);
    expect(session.csrfToken).not.toBe(session.id);
    expect(await manager.check(session.id)).toMatchObject({ ok: true, session: { name: "li.na" } });
  });

  it("a wrong password and an unknown name get the same answer", async () => {
    const { manager } = await setUp();
    expect(await manager.signIn("li.na", "wrong password!", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await manager.signIn("nobody", "wrong password!", "10.0.0.2")).toEqual({ ok: false, reason: "invalid" });
    expect(await manager.signIn("", "", "10.0.0.3")).toEqual({ ok: false, reason: "invalid" });
  });

  it("a session unused for the idle period ends; one in use lives on", async () => {
    const { manager, clock } = await setUp({ idleMs: 30 * MINUTE });
    const session = await signedIn(manager);
    clock.advance(29 * MINUTE);
    expect((await manager.check(session.id)).ok).toBe(true);
    clock.advance(29 * MINUTE);
    expect((await manager.check(session.id)).ok).toBe(true);
    clock.advance(30 * MINUTE);
    expect(await manager.check(session.id)).toEqual({ ok: false, reason: "expired" });
    expect(await manager.check(session.id)).toEqual({ ok: false, reason: "missing" });
  });

  it("a session ends at the absolute limit however much it is used", async () => {
    const { manager, clock } = await setUp({ idleMs: 30 * MINUTE, absoluteMs: 60 * MINUTE });
    const session = await signedIn(manager);
    for (let i = 0; i < 2; i++) {
      clock.advance(25 * MINUTE);
      expect((await manager.check(session.id)).ok).toBe(true);
    }
    clock.advance(10 * MINUTE);
    expect(await manager.check(session.id)).toEqual({ ok: false, reason: "expired" });
  });

  it("no cookie, or a made-up one, is no session", async () => {
    const { manager } = await setUp();
    expect(await manager.check(undefined)).toEqual({ ok: false, reason: "missing" });
    expect(await manager.check("")).toEqual({ ok: false, reason: "missing" });
    expect(await manager.check("A".repeat(43))).toEqual({ ok: false, reason: "missing" });
  });

  it("the CSRF check accepts the session's token only", async () => {
    const { manager } = await setUp();
    const session = await signedIn(manager);
    const other = await signedIn(manager, "wang");
    expect(manager.checkCsrf(session, session.csrfToken)).toBe(true);
    expect(manager.checkCsrf(session, other.csrfToken)).toBe(false);
    expect(manager.checkCsrf(session, `${session.csrfToken}x`)).toBe(false);
    expect(manager.checkCsrf(session, "")).toBe(false);
    expect(manager.checkCsrf(session, undefined)).toBe(false);
    expect(manager.checkCsrf(session, ["array"])).toBe(false);
  });

  it("signing out ends the session and is logged", async () => {
    const { manager, audit } = await setUp();
    const session = await signedIn(manager);
    await manager.signOut(session.id);
    expect(await manager.check(session.id)).toEqual({ ok: false, reason: "missing" });
    expect((await audit.read()).events.map((e) => e.action)).toEqual(["sign_out", "sign_in"]);
  });

  it("removing an account or resetting its password ends its sessions", async () => {
    const { manager, accounts } = await setUp();
    const admin = await signedIn(manager, "li.na");
    const staff = await signedIn(manager, "wang");
    await accounts.reset("li.na", "a new password here");
    expect(await manager.check(admin.id)).toEqual({ ok: false, reason: "expired" });
    await accounts.remove("wang");
    expect(await manager.check(staff.id)).toEqual({ ok: false, reason: "expired" });
  });

  it("keeps at most maxSessions, ending the oldest", async () => {
    const folder = await staffFolder();
    await folder.accounts.add("wang", "staff", PASSWORD);
    const manager = new SessionManager({ accounts: folder.accounts, audit: folder.audit, now: folder.clock.now, cost: TEST_COST, sessions: { maxSessions: 2 } });
    const first = await signedIn(manager, "wang");
    const second = await signedIn(manager, "wang");
    const third = await signedIn(manager, "wang");
    expect((await manager.check(first.id)).ok).toBe(false);
    expect((await manager.check(second.id)).ok).toBe(true);
    expect((await manager.check(third.id)).ok).toBe(true);
  });
});

describe("lock-out", () => {
  it("five failures lock the name, whatever the address, until the period ends", async () => {
    const { manager, clock, audit } = await setUp();
    for (let i = 0; i < 4; i++) expect(await manager.signIn("li.na", "wrong password!", `10.0.1.${i}`)).toEqual({ ok: false, reason: "invalid" });
    expect(await manager.signIn("li.na", "wrong password!", "10.0.1.9")).toEqual({ ok: false, reason: "locked", retryAfterMs: 15 * MINUTE });
    clock.advance(5 * MINUTE);
    expect(await manager.signIn("li.na", PASSWORD, "10.0.2.1")).toEqual({ ok: false, reason: "locked", retryAfterMs: 10 * MINUTE });
    expect((await signedIn(manager, "wang")).name).toBe("wang");
    clock.advance(10 * MINUTE);
    expect((await manager.signIn("li.na", PASSWORD, "10.0.2.1")).ok).toBe(true);
    const locks = (await audit.read({ actions: ["locked_out"] })).events;
    expect(locks).toEqual([expect.objectContaining({ name: "li.na", lockedKey: "name", ip: "10.0.1.9" })]);
  });

  it("an unknown name is locked exactly as a known one", async () => {
    const { manager } = await setUp();
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 6; i++) {
      known.push(await manager.signIn("li.na", "wrong password!", `10.1.0.${i}`));
      unknown.push(await manager.signIn("no.such.person", "wrong password!", `10.2.0.${i}`));
    }
    expect(unknown).toEqual(known);
    expect(known.at(-1)).toMatchObject({ reason: "locked" });
  });

  it("five failures from one address lock that address for every name", async () => {
    const { manager, clock } = await setUp();
    const names = ["a1", "a2", "a3", "a4", "a5"];
    for (const name of names) await manager.signIn(name, "wrong password!", "10.9.9.9");
    expect(await manager.signIn("li.na", PASSWORD, "10.9.9.9")).toMatchObject({ ok: false, reason: "locked" });
    expect((await manager.signIn("li.na", PASSWORD, "10.9.9.8")).ok).toBe(true);
    clock.advance(15 * MINUTE);
    expect((await manager.signIn("li.na", PASSWORD, "10.9.9.9")).ok).toBe(true);
  });

  it("failures spread over more than the window do not lock", async () => {
    const { manager, clock } = await setUp();
    for (let i = 0; i < 4; i++) await manager.signIn("li.na", "wrong password!", "10.0.0.1");
    clock.advance(16 * MINUTE);
    expect(await manager.signIn("li.na", "wrong password!", "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("a successful sign-in clears the name's failures", async () => {
    const { manager } = await setUp();
    for (let i = 0; i < 4; i++) await manager.signIn("li.na", "wrong password!", `10.0.0.${i}`);
    expect((await manager.signIn("li.na", PASSWORD, "10.0.3.1")).ok).toBe(true);
    expect(await manager.signIn("li.na", "wrong password!", "10.0.3.2")).toEqual({ ok: false, reason: "invalid" });
  });
});
