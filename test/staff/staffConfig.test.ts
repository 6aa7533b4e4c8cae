import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config.js";
import { readStaffConfig } from "../../src/staff/staffConfig.js";

describe("staff settings", () => {
  it("has the stated defaults", () => {
    expect(readStaffConfig({})).toEqual({
      sessions: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
      lockout: { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 },
      upload: { maxBytes: 20 * 1024 * 1024, maxRows: 20_000 },
    });
  });

  it("reads the environment and names a bad variable", () => {
    expect(readStaffConfig({ STAFF_LOCKOUT_FAILURES: "3", STAFF_SESSION_IDLE_MINUTES: "" }).lockout.maxFailures).toBe(3);
    expect(() => readStaffConfig({ STAFF_LOCKOUT_MINUTES: "soon" })).toThrow(ConfigError);
    expect(() => readStaffConfig({ STAFF_LOCKOUT_MINUTES: "soon" })).toThrow(/STAFF_LOCKOUT_MINUTES: must be a whole number/);
  });
});
