import { describe, expect, it } from "vitest";
import { Deadline } from "../src/deadline.js";

const never = new Promise<never>(() => undefined);

describe("a shutdown's deadline", () => {
  it("says work done in time is done", async () => {
    expect(await new Deadline(60_000).within(Promise.resolve("saved"))).toBe(true);
  });

  it("stops waiting for work that never ends once the deadline has passed, whatever the step asks for", async () => {
    const deadline = new Deadline(0);
    expect(deadline.left()).toBe(0);
    expect(await deadline.within(never, 60_000)).toBe(false);
  });

  it("lets one step wait for less than what is left", async () => {
    const deadline = new Deadline(60_000);
    expect(await deadline.within(never, 0)).toBe(false);
    expect(deadline.left()).toBeGreaterThan(0);
  });

  it("passes a failure of the work on", async () => {
    await expect(new Deadline(60_000).within(Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
  });
});
