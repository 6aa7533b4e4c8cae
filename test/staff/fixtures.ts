import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AccountStore } from "../../src/staff/accounts.js";
import { AuditLog } from "../../src/staff/auditLog.js";
import { accountsFile, auditFile } from "../../src/staff/layout.js";
import type { ScryptCost } from "../../src/staff/password.js";

/** A cheap scrypt cost, so tests hash in milliseconds; the defaults are tested once on their own. */
export const TEST_COST: ScryptCost = { N: 1024, r: 8, p: 1, keyLength: 32 };

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse("2026-03-01T08:00:00.000Z")) {
  let now = start;
  return { now: () => now, date: () => new Date(now), advance: (ms: number) => (now += ms) };
}

export async function staffFolder(clock = manualClock()) {
  const dataDir = await mkdtemp(join(tmpdir(), "staff-"));
  const accounts = new AccountStore({ file: accountsFile(dataDir), cost: TEST_COST, now: clock.date });
  const audit = new AuditLog(auditFile(dataDir), clock.date);
  return { dataDir, accounts, audit, clock };
}
