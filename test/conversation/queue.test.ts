import { describe, expect, it } from "vitest";
import { ConversationQueue, ConversationQueueFullError } from "../../src/conversation/queue.js";

/** A task that finishes when the test says so, recording when it starts and ends. */
function gate(log: string[], name: string) {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, task: async () => { log.push(`${name} start`); await opened; log.push(`${name} end`); } };
}

describe("the per-conversation queue", () => {
  it("runs one conversation's tasks one after another, in order", async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    const first = gate(log, "a1");
    const second = gate(log, "a2");
    const done = [queue.run("tg:1", first.task), queue.run("tg:1", second.task)];
    await Promise.resolve();
    second.open();
    first.open();
    await Promise.all(done);
    expect(log).toEqual(["a1 start", "a1 end", "a2 start", "a2 end"]);
  });

  it("runs different conversations in parallel", async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    const one = gate(log, "a");
    const two = gate(log, "b");
    const done = [queue.run("tg:1", one.task), queue.run("tg:2", two.task)];
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(["a start", "b start"]);
    one.open();
    two.open();
    await Promise.all(done);
  });

  it("a failing task does not stop the next one of its conversation", async () => {
    const queue = new ConversationQueue();
    await expect(queue.run("tg:1", async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    await expect(queue.run("tg:1", async () => "next")).resolves.toBe("next");
  });

  it("refuses a flood beyond the pending limit of one conversation", async () => {
    const queue = new ConversationQueue(2);
    const held = gate([], "x");
    const first = queue.run("tg:1", held.task);
    const second = queue.run("tg:1", async () => undefined);
    const refused = queue.run("tg:1", async () => undefined);
    await expect(refused).rejects.toBeInstanceOf(ConversationQueueFullError);
    await expect(refused).rejects.toMatchObject({ name: "ConversationQueueFullError", conversationId: "tg:1", message: "conversation tg:1 has too many pending turns" });
    held.open();
    await Promise.all([first, second]);
    await expect(queue.run("tg:1", async () => "again")).resolves.toBe("again");
  });

  it("keeps a conversation's order when a task is queued while an earlier one is still running", async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    const first = gate(log, "a1");
    const second = gate(log, "a2");
    const done = [queue.run("tg:1", first.task), queue.run("tg:1", second.task)];
    first.open();
    await done[0];
    await new Promise((resolve) => setImmediate(resolve));
    const third = queue.run("tg:1", async () => void log.push("a3 start"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(["a1 start", "a1 end", "a2 start"]);
    second.open();
    await Promise.all([...done, third]);
    expect(log).toEqual(["a1 start", "a1 end", "a2 start", "a2 end", "a3 start"]);
  });

  it("keeps nothing about a conversation once its tasks are done, so a long-running server does not grow", async () => {
    const queue = new ConversationQueue();
    const lanes = () => (queue as unknown as { tails: Map<string, unknown> }).tails.size;
    const held = gate([], "x");
    const running = [queue.run("tg:1", held.task), queue.run("tg:1", async () => undefined), queue.run("tg:2", async () => undefined)];
    expect(lanes()).toBe(2);
    held.open();
    await Promise.all(running);
    await queue.drain();
    expect(lanes()).toBe(0);
  });

  it("drain waits for queued and tracked work", async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    const held = gate(log, "q");
    const detached = gate(log, "d");
    void queue.run("tg:1", held.task);
    queue.track(detached.task());
    let drained = false;
    const draining = queue.drain().then(() => (drained = true));
    held.open();
    await new Promise((resolve) => setImmediate(resolve));
    expect(drained).toBe(false);
    detached.open();
    await draining;
    expect(log).toContain("d end");
  });
});
