import { z } from "zod";
import { ConfigError } from "../config.js";
import type { LockoutPolicy } from "./lockout.js";
import type { SessionPolicy } from "./sessions.js";

/** The staff console's settings (STAFF_* in the environment or .env); every one has a default. */
const positiveInt = (fallback: number) =>
  z.coerce.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).positive({ error: "must be > 0" }).default(fallback);

const staffEnvSchema = z.object({
  STAFF_SESSION_IDLE_MINUTES: positiveInt(30),
  STAFF_SESSION_MAX_HOURS: positiveInt(12),
  STAFF_LOCKOUT_FAILURES: positiveInt(5),
  STAFF_LOCKOUT_MINUTES: positiveInt(15),
  STAFF_UPLOAD_MAX_BYTES: positiveInt(20 * 1024 * 1024),
  STAFF_UPLOAD_MAX_ROWS: positiveInt(20_000),
});

export interface StaffConfig {
  sessions: Pick<SessionPolicy, "idleMs" | "absoluteMs">;
  lockout: LockoutPolicy;
  upload: { maxBytes: number; maxRows: number };
}

export function readStaffConfig(env: Record<string, string | undefined> = process.env): StaffConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith("STAFF_") && value !== undefined && value !== ""));
  const parsed = staffEnvSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  const c = parsed.data;
  const lockMs = c.STAFF_LOCKOUT_MINUTES * 60_000;
  return {
    sessions: { idleMs: c.STAFF_SESSION_IDLE_MINUTES * 60_000, absoluteMs: c.STAFF_SESSION_MAX_HOURS * 3_600_000 },
    lockout: { maxFailures: c.STAFF_LOCKOUT_FAILURES, windowMs: lockMs, lockMs },
    upload: { maxBytes: c.STAFF_UPLOAD_MAX_BYTES, maxRows: c.STAFF_UPLOAD_MAX_ROWS },
  };
}
