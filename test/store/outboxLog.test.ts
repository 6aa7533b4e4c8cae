import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { memoryLogger } from "../../src/log.js";
import { newOutboxId } from "../../src/store/outboxId.js";
import { OutboxLog } from "../../src/store/outboxLog.js";

/** The disk as the log sees it: every append counted, and the next one cut short by a full disk when asked. */
const disk = vi.hoisted(() => ({ appends: 0, failNext: false }));

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  // The log appends through its open descriptor; writes by path (the test's own) pass through.
  const writeFileSync = (file: Parameters<typeof fs.writeFileSync>[0], text: string, ...rest: unknown[]) => {
    if (typeof file !== "number") return fs.writeFileSync(file, text, ...(rest as []));
    disk.appends += 1;
    if (!disk.failNext) return fs.writeFileSync(file, text);
    disk.failNext = false;
    fs.writeFileSync(file, text.slice(0, text.length >> 1));
    throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" });
  };
  return { ...fs, writeFileSync, default: { ...fs, writeFileSync } };
});

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  disk.appends = 0;
  disk.failNext = false;
});

function newLogFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "outbox-log-"));
  dirs.push(dir);
  return join(dir, "outbox.jsonl");
}

const reader = (logger = memoryLogger()) => ({ corruptDir: join(tmpdir(), "unused"), logger });
/** The n-th batch of a chat's replies; each call makes a new id. */
const batch = (n: number) => ({ id: newOutboxId("tg:42", new Date(Date.UTC(2025, 5, 1, 8, 0, 0, n))), conversationId: "tg:42", createdAt: "2025-06-01T08:00:00.000Z", payload: { sends: [`reply ${n}`] } });

describe("the outbox log", () => {
  it("a write cut short by a full disk keeps nothing of its batch, and the next write leaves a log that reads back whole", async () => {
    const file = newLogFile();
    const [first, second, third] = [batch(1), batch(2), batch(3)];
    const log = await OutboxLog.open(file, reader());
    await log.put(first);
    disk.failNext = true;
    await expect(log.put(second)).rejects.toThrow(/ENOSPC/);
    expect(log.entries()).toEqual([first]);
    await log.put(third);
    await log.close();

    const logger = memoryLogger();
    const again = await OutboxLog.open(file, reader(logger));
    expect(again.entries()).toEqual([first, third]);
    expect(logger.lines).toEqual([]);
    await again.close();
  });

  it("a replacement that cannot be written leaves the batch as it was", async () => {
    const log = await OutboxLog.open(newLogFile(), reader());
    const kept = batch(1);
    await log.put(kept);
    disk.failNext = true;
    await expect(log.put({ ...kept, payload: { sends: [] } })).rejects.toThrow(/ENOSPC/);
    expect(log.entries()).toEqual([kept]);
    await log.close();
  });

  it("lines queued while one is written go out together, in the order they were queued", async () => {
    const file = newLogFile();
    const log = await OutboxLog.open(file, reader());
    const batches = Array.from({ length: 100 }, (_, n) => batch(n));
    await Promise.all(batches.map((b) => log.put(b)));
    expect(disk.appends).toBeLessThan(10);
    expect(readFileSync(file, "utf-8").trim().split("\n").map((line) => (JSON.parse(line) as { put: { id: string } }).put.id)).toEqual(batches.map((b) => b.id));
    await log.close();
  });
});
