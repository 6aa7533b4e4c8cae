import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { AccountStore, Role } from "./accounts.js";
import { accountNameSchema } from "./accounts.js";
import type { AuditLog } from "./auditLog.js";
import { FailureCounter, LOCKOUT_DEFAULTS, type LockoutPolicy } from "./lockout.js";
import { hashPassword, verifyPassword, type PasswordHash, type ScryptCost } from "./password.js";

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however much it is used. */
  absoluteMs: number;
  /** Sessions held at once; past it, the oldest ends. */
  maxSessions: number;
}

/** Idle 30 minutes, at most 12 hours: a working day, signed in again after a break. */
export const SESSION_DEFAULTS: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 60 * 60_000, maxSessions: 1000 };

export interface Session {
  /** 256 random bits, base64url: what the cookie holds. */
  id: string;
  name: string;
  role: Role;
  /** Sent back with every state-changing request. */
  csrfToken: string;
  clientIp: string;
  createdAt: number;
  lastSeenAt: number;
}

export type SignInResult =
  | { ok: true; session: Session }
  /** `invalid` whether the name is unknown or the password wrong: the answer never tells which. */
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

export type SessionCheck = { ok: true; session: Session } | { ok: false; reason: "missing" | "expired" };

export interface SessionManagerOptions {
  accounts: AccountStore;
  audit: AuditLog;
  /** Milliseconds since the epoch; injected so tests move time without waiting. */
  now?: () => number;
  sessions?: Partial<SessionPolicy>;
  lockout?: Partial<LockoutPolicy>;
  /** The cost of the stand-in hash checked for unknown names: that of new hashes. */
  cost?: ScryptCost;
}

interface Held {
  session: Session;
  /** The hash at sign-in: a password reset ends the sessions opened with the old one. */
  passwordHash: string;
}

/**
 * Sign-in, sessions and lock-out for the staff console.
 *
 * Sessions live in this process's memory and do not survive a restart: they last hours at most,
 * signing in again after a deployment costs a member of staff a few seconds, and a session file
 * under DATA_DIR would put live credentials into every backup of that folder.
 */
export class SessionManager {
  private readonly held = new Map<string, Held>();
  private readonly names: FailureCounter;
  private readonly ips: FailureCounter;
  private readonly policy: SessionPolicy;
  private readonly now: () => number;
  private dummy: Promise<PasswordHash> | null = null;

  constructor(private readonly options: SessionManagerOptions) {
    this.policy = { ...SESSION_DEFAULTS, ...options.sessions };
    const lockout = { ...LOCKOUT_DEFAULTS, ...options.lockout };
    this.names = new FailureCounter(lockout);
    this.ips = new FailureCounter(lockout);
    this.now = options.now ?? Date.now;
  }

  async signIn(name: string, password: string, clientIp: string): Promise<SignInResult> {
    const key = nameKey(name);
    const ip = clientIp.slice(0, 64);
    const lockedFor = Math.max(this.names.lockedFor(key, this.now()), this.ips.lockedFor(ip, this.now()));
    if (lockedFor > 0) return { ok: false, reason: "locked", retryAfterMs: lockedFor };
    const account = await this.options.accounts.get(name);
    // Unknown names are checked against a stand-in hash: the same work and the same answer as a wrong password.
    const hash = account?.password ?? (await this.dummyHash());
    const passwordOk = await verifyPassword(password, hash);
    const now = this.now();
    if (!account || !passwordOk) return this.failed(key, ip, now);
    this.names.clear(key);
    const session = this.open(account.name, account.role, ip, now, account.password.hash);
    await this.options.audit.append({ action: "sign_in", name: account.name, ip });
    return { ok: true, session };
  }

  /**
   * The session a request's cookie names, if it is still valid; using it keeps it alive. The
   * account is read again, so a removed account or a new password ends its sessions, and a
   * changed role applies at once.
   */
  async check(sessionId: string | undefined): Promise<SessionCheck> {
    if (typeof sessionId !== "string" || sessionId === "") return { ok: false, reason: "missing" };
    const key = digest(sessionId);
    const held = this.held.get(key);
    const now = this.now();
    if (!held || this.expired(held.session, now)) {
      this.held.delete(key);
      return { ok: false, reason: held ? "expired" : "missing" };
    }
    const account = await this.options.accounts.get(held.session.name);
    if (!account || account.password.hash !== held.passwordHash) {
      this.held.delete(key);
      return { ok: false, reason: "expired" };
    }
    held.session.role = account.role;
    held.session.lastSeenAt = now;
    return { ok: true, session: { ...held.session } };
  }

  /** Whether a state-changing request carries the session's CSRF token (compared in constant time). */
  checkCsrf(session: Session, token: unknown): boolean {
    if (typeof token !== "string") return false;
    return timingSafeEqual(createHash("sha256").update(token).digest(), createHash("sha256").update(session.csrfToken).digest());
  }

  async signOut(sessionId: string): Promise<void> {
    const key = digest(sessionId);
    const held = this.held.get(key);
    if (!held) return;
    this.held.delete(key);
    await this.options.audit.append({ action: "sign_out", name: held.session.name, ip: held.session.clientIp });
  }

  private async failed(key: string, ip: string, now: number): Promise<SignInResult> {
    const name = key === "" ? "(empty)" : key.slice(0, 64);
    await this.options.audit.append({ action: "sign_in_failed", name, ip });
    const nameLocked = this.names.fail(key, now);
    const ipLocked = this.ips.fail(ip, now);
    if (nameLocked) await this.options.audit.append({ action: "locked_out", name, ip, lockedKey: "name" });
    if (ipLocked) await this.options.audit.append({ action: "locked_out", name, ip, lockedKey: "ip" });
    const lockedFor = Math.max(this.names.lockedFor(key, now), this.ips.lockedFor(ip, now));
    return lockedFor > 0 ? { ok: false, reason: "locked", retryAfterMs: lockedFor } : { ok: false, reason: "invalid" };
  }

  private open(name: string, role: Role, clientIp: string, now: number, passwordHash: string): Session {
    if (this.held.size >= this.policy.maxSessions) this.evict(now);
    const session: Session = {
      id: randomBytes(32).toString("base64url"),
      name,
      role,
      csrfToken: randomBytes(32).toString("base64url"),
      clientIp,
      createdAt: now,
      lastSeenAt: now,
    };
    // Keyed by a digest of the id, so that looking a cookie up does not compare secrets byte by byte.
    this.held.set(digest(session.id), { session, passwordHash });
    return { ...session };
  }

  private expired(session: Session, now: number): boolean {
    return now - session.lastSeenAt >= this.policy.idleMs || now - session.createdAt >= this.policy.absoluteMs;
  }

  private evict(now: number): void {
    for (const [key, held] of this.held) if (this.expired(held.session, now)) this.held.delete(key);
    for (const key of this.held.keys()) {
      if (this.held.size < this.policy.maxSessions) break;
      this.held.delete(key);
    }
  }

  private dummyHash(): Promise<PasswordHash> {
    this.dummy ??= hashPassword(randomBytes(32).toString("hex"), this.options.cost);
    return this.dummy;
  }
}

const digest = (id: string) => createHash("sha256").update(id).digest("base64url");

/** The counter's key for a name: the account's own spelling when it is a valid name, else the text as typed. */
function nameKey(name: string): string {
  const parsed = accountNameSchema.safeParse(name);
  return parsed.success ? parsed.data : name.slice(0, 64);
}
