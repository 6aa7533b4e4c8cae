import { describe, expect, it } from "vitest";
import { KeyedGroups, KeyedQueue, type Waiting } from "../../src/store/keyedQueue.js";

describe("keyed groups", () => {
  it("hand the items that come while a key's queue is busy to one task, in order, and other keys to their own", async () => {
    const queue = new KeyedQueue<string>();
    const groups: string[][] = [];
    const batches = new KeyedGroups<string, string>(queue, async (key, group) => {
      groups.push(group.map(({ item }) => `${key}:${item}`));
      for (const waiter of group) waiter.resolve();
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const busy = queue.run("a", () => gate);
    const added = [batches.add("a", "1"), batches.add("a", "2"), batches.add("b", "1"), batches.add("a", "3")];
    release();
    await Promise.all([busy, ...added]);
    expect(groups).toEqual([["b:1"], ["a:1", "a:2", "a:3"]]);
  });

  it("reject every item the task left unsettled when it throws, and keep those it settled", async () => {
    const queue = new KeyedQueue<string>();
    const batches = new KeyedGroups<string, number>(queue, async (_key, group: Waiting<number>[]) => {
      group[0]!.resolve();
      throw new Error("disk full");
    });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const busy = queue.run("a", () => gate);
    const added = [batches.add("a", 1), batches.add("a", 2)];
    release();
    await busy;
    const ends = await Promise.allSettled(added);
    expect(ends.map((end) => end.status)).toEqual(["fulfilled", "rejected"]);
    expect((ends[1] as PromiseRejectedResult).reason).toEqual(new Error("disk full"));
  });

  it("start a new group for an item that comes once its key's task has begun", async () => {
    const queue = new KeyedQueue<string>();
    const sizes: number[] = [];
    let late: Promise<void> | undefined;
    const batches: KeyedGroups<string, number> = new KeyedGroups(queue, async (_key, group) => {
      sizes.push(group.length);
      late ??= batches.add("a", 99);
      for (const waiter of group) waiter.resolve();
    });
    await batches.add("a", 1);
    await late;
    expect(sizes).toEqual([1, 1]);
  });
});
