import { describe, expect, it } from "vitest";
import { deepFreeze } from "../src/frozen.js";

describe("deepFreeze", () => {
  it("freezes every object and array in a value, and returns the value itself", () => {
    const value = { a: [{ b: 1 }, [2, { c: "x" }]], d: { e: null, f: { g: true } } };
    const frozen = deepFreeze(value);
    expect(frozen).toBe(value);
    for (const part of [value, value.a, value.a[0], value.a[1], (value.a[1] as unknown[])[1], value.d, value.d.f]) expect(Object.isFrozen(part)).toBe(true);
    expect(frozen).toEqual({ a: [{ b: 1 }, [2, { c: "x" }]], d: { e: null, f: { g: true } } });
  });

  it("leaves null and plain values as they are", () => {
    expect(deepFreeze(null)).toBeNull();
    expect(deepFreeze("text")).toBe("text");
    expect(deepFreeze(3)).toBe(3);
  });

  it("does not walk into a part that is frozen already", () => {
    const inner = { open: { x: 1 } };
    Object.freeze(inner);
    deepFreeze({ inner });
    expect(Object.isFrozen(inner.open)).toBe(false);
  });
});
