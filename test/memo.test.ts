import { describe, expect, it } from "vitest";
import { MAX_REMEMBERED, memo } from "../src/memo.js";

/** A compute that counts its calls. */
function counted<A, V>(compute: (arg: A) => V) {
  const calls: A[] = [];
  return { calls, compute: (arg: A) => (calls.push(arg), compute(arg)) };
}

describe("memo", () => {
  it("works a key's value out once, and each key's apart", () => {
    const { calls, compute } = counted((key: string) => key.length);
    const lengthOf = memo(compute);
    expect([lengthOf("ab"), lengthOf("ab"), lengthOf("abc"), lengthOf("ab")]).toEqual([2, 2, 3, 2]);
    expect(calls).toEqual(["ab", "abc"]);
  });

  it("keys an argument by keyOf, so arguments with one key share their value", () => {
    const { calls, compute } = counted((point: { x: number; y: number }) => point.x + point.y);
    const sum = memo(compute, (point) => `${point.x},${point.y}`);
    expect([sum({ x: 1, y: 2 }), sum({ x: 1, y: 2 }), sum({ x: 2, y: 1 })]).toEqual([3, 3, 3]);
    expect(calls).toEqual([{ x: 1, y: 2 }, { x: 2, y: 1 }]);
  });

  it("forgets every value once it holds its limit, and works them out again", () => {
    const { calls, compute } = counted((key: string) => key.toUpperCase());
    const upper = memo(compute, (key) => key, 2);
    for (const key of ["a", "b", "a", "c", "a", "b"]) upper(key);
    // "c" came with two kept: both were forgotten, so "a" and "b" were worked out again.
    expect(calls).toEqual(["a", "b", "c", "a", "b"]);
  });

  it("keeps MAX_REMEMBERED values by default", () => {
    const { calls, compute } = counted((key: string) => key);
    const same = memo(compute);
    for (let i = 0; i < MAX_REMEMBERED; i++) same(String(i));
    same("0");
    expect(calls).toHaveLength(MAX_REMEMBERED);
    same("new");
    same("0");
    expect(calls).toHaveLength(MAX_REMEMBERED + 2);
  });
});
