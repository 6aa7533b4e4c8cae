import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { WindowLimiter } from "../../../src/channels/telegram/windowLimiter.js";

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });
});

afterEach(() => {
  vi.useRealTimers();
});

/** The most times inside any window of `windowMs`. */
function busiest(times: number[], windowMs: number): number {
  return Math.max(...times.map((start) => times.filter((x) => x >= start && x < start + windowMs).length));
}

describe("the sliding-window limiter", () => {
  it("lets a burst through, then the next call a window after the first completed", async () => {
    const limiter = new WindowLimiter(2, 1_000);
    const granted: number[] = [];
    const calls = [0, 1, 2].map(() => limiter.acquire().then((release) => {
      granted.push(performance.now());
      return release;
    }));
    const [first, second] = await Promise.all(calls.slice(0, 2));
    await vi.advanceTimersByTimeAsync(100);
    first!();
    second!();
    await vi.advanceTimersByTimeAsync(1_200);
    (await calls[2]!)();
    expect(granted).toEqual([0, 0, 1_100]);
  });

  it("a call still in flight keeps its slot however long it takes", async () => {
    const limiter = new WindowLimiter(1, 1_000);
    const slow = await limiter.acquire();
    let next = false;
    void limiter.acquire().then(() => (next = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(next).toBe(false);
    slow();
    await vi.advanceTimersByTimeAsync(999);
    expect(next).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(next).toBe(true);
  });

  it("never lets more than the limit arrive in any window, whatever the network delays", async () => {
    const limiter = new WindowLimiter(30, 1_000);
    const arrivals: number[] = [];
    const delays = Array.from({ length: 200 }, (_, i) => [(i * 37) % 90, (i * 53) % 70] as const);
    const calls = delays.map(async ([there, back]) => {
      const release = await limiter.acquire();
      await new Promise((resolve) => setTimeout(resolve, there));
      arrivals.push(performance.now());
      await new Promise((resolve) => setTimeout(resolve, back));
      release();
    });
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    expect(arrivals).toHaveLength(200);
    expect(busiest(arrivals, 1_000)).toBeLessThanOrEqual(30);
  });

  it("serves waiting callers in order", async () => {
    const limiter = new WindowLimiter(1, 10);
    const order: number[] = [];
    const calls = [1, 2, 3].map((n) => limiter.acquire().then((release) => {
      order.push(n);
      release();
    }));
    await vi.runAllTimersAsync();
    await Promise.all(calls);
    expect(order).toEqual([1, 2, 3]);
  });

  it("refuses a limit that is not a whole number of calls", () => {
    expect(() => new WindowLimiter(0, 1_000)).toThrow(RangeError);
    expect(() => new WindowLimiter(2, 0)).toThrow(RangeError);
  });
});
