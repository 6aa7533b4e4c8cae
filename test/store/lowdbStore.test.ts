import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, memoryLogger } from "../../src/log.js";
import { projectRoot } from "../../src/paths.js";
import { StoreLockedError } from "../../src/store/dataLock.js";
import { openLowdbStore, StoreClosedError, type LowdbStore } from "../../src/store/lowdbStore.js";
import { RecordVersionError } from "../../src/store/migrations.js";
import { InvalidRecordError } from "../../src/store/recordFile.js";
import { chatRecord, screeningRecord } from "./fixtures/records.js";
import { storeContract } from "./storeContract.js";

const dirs: string[] = [];
const opened: LowdbStore[] = [];
const silent = createLogger("silent");

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "lowdb-store-"));
  dirs.push(dir);
  return dir;
}

async function open(dir: string, logger = silent, cacheSize?: number): Promise<LowdbStore> {
  const store = await openLowdbStore({ dir, logger, ...(cacheSize === undefined ? {} : { cacheSize }) });
  opened.push(store);
  return store;
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf-8" }).filter((name) => statSync(join(dir, name)).isFile());
}

const warnings = (logger: ReturnType<typeof memoryLogger>) => logger.lines.filter((l) => l.level === "warn").map((l) => l.msg);

storeContract("LowdbStore", () => open(newDir()));

describe("LowdbStore on disk", () => {
  it("keeps every chat and case across a restart", async () => {
    const dir = newDir();
    const first = await open(dir);
    const chats = Array.from({ length: 50 }, (_, i) => chatRecord(100 + i, { llm: { day: "2025-06-01", calls: i } }));
    const cases = Array.from({ length: 30 }, (_, i) => screeningRecord(100 + i, `2025-06-${String(1 + (i % 20)).padStart(2, "0")}T08:00:00.000Z`));
    await Promise.all(chats.map((c) => first.putChat(c)));
    await Promise.all(cases.map((c) => first.addScreening(c)));
    await first.close();

    const second = await open(dir);
    for (const chat of chats) expect(await second.getChat(chat.chatId)).toEqual(chat);
    for (const record of cases) expect(await second.getScreening(record.caseId)).toEqual(record);
  });

  it("lays out one file per chat and one per screening, in its creation day's folder", async () => {
    const dir = newDir();
    const store = await open(dir);
    const record = screeningRecord(42, "2025-06-01T08:00:00.000Z");
    await store.putChat(chatRecord(42));
    await store.addScreening(record);
    expect(filesUnder(dir).sort()).toEqual([".lock", "chats/42.cases.json", "chats/42.json", `screenings/2025-06-01/${record.caseId}.json`]);
  });

  it("reads a chat pushed out of the cache back from disk", async () => {
    const store = await open(newDir(), silent, 2);
    for (let chatId = 1; chatId <= 5; chatId++) await store.putChat(chatRecord(chatId));
    for (let chatId = 1; chatId <= 5; chatId++) expect(await store.getChat(chatId)).toEqual(chatRecord(chatId));
  });

  it("leaves the last of 200 concurrent putChat calls on disk as valid JSON", async () => {
    const dir = newDir();
    const store = await open(dir);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.putChat(chatRecord(42, { llm: { day: "2025-06-01", calls: i } }))));
    expect(JSON.parse(readFileSync(join(dir, "chats", "42.json"), "utf-8"))).toEqual(chatRecord(42, { llm: { day: "2025-06-01", calls: 199 } }));
  });

  it("keeps the last of concurrent putChat calls when the cache holds fewer chats than are written", async () => {
    const dir = newDir();
    const store = await open(dir, silent, 1);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.putChat(chatRecord(i % 2, { llm: { day: "2025-06-01", calls: i } }))));
    expect(JSON.parse(readFileSync(join(dir, "chats", "0.json"), "utf-8")).llm.calls).toBe(198);
    expect(JSON.parse(readFileSync(join(dir, "chats", "1.json"), "utf-8")).llm.calls).toBe(199);
  });

  it("waits on close for writes not yet awaited", async () => {
    const dir = newDir();
    const store = await open(dir);
    for (let i = 0; i < 50; i++) void store.putChat(chatRecord(i % 5, { llm: { day: "2025-06-01", calls: i } }));
    await store.close();
    for (let chatId = 0; chatId < 5; chatId++) {
      expect(JSON.parse(readFileSync(join(dir, "chats", `${chatId}.json`), "utf-8")).llm.calls).toBe(45 + chatId);
    }
    expect(filesUnder(dir)).not.toContain(".lock");
  });

  it("refuses to work once closed", async () => {
    const store = await open(newDir());
    await store.close();
    await expect(store.getChat(1)).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.putChat(chatRecord(1))).rejects.toBeInstanceOf(StoreClosedError);
  });

  it("refuses a record it could not read back, naming the field", async () => {
    const store = await open(newDir());
    const error = await store.putChat(chatRecord(1, { llm: { day: "yesterday", calls: 0 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).problems.join("\n")).toContain("llm.day");
  });

  it("refuses a screening whose case id does not name the day it was created", async () => {
    const store = await open(newDir());
    const record = screeningRecord(1, "2025-06-01T08:00:00.000Z", { caseId: "TZ-20250602-ABCDEFGH" });
    await expect(store.addScreening(record)).rejects.toThrow(/caseId: must name the day of createdAt/);
  });
});

describe("LowdbStore lock", () => {
  it("refuses a second opener while the first is open, and lets it in after close", async () => {
    const dir = newDir();
    const first = await open(dir);
    const error = await open(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as StoreLockedError).pid).toBe(process.pid);
    expect((error as Error).message).toMatch(/only one bot may write/);
    await first.close();
    await expect(open(dir)).resolves.toBeDefined();
  });

  it("takes over a lock left by a process that has exited, with a warning", async () => {
    const dir = newDir();
    const child = spawn(process.execPath, ["-e", ""]);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on("exit", resolve));
    writeFileSync(join(dir, ".lock"), `${deadPid}\n`);
    const logger = memoryLogger();
    await open(dir, logger);
    expect(warnings(logger)).toContain("store: taking over a lock left by a process that is no longer running");
    expect(readFileSync(join(dir, ".lock"), "utf-8").trim()).toBe(String(process.pid));
  });

  it("takes over a lock naming this process that no store here holds (a container restarted with the same pid)", async () => {
    const dir = newDir();
    writeFileSync(join(dir, ".lock"), `${process.pid}\n`);
    const logger = memoryLogger();
    await open(dir, logger);
    expect(warnings(logger)).toContain("store: taking over a lock left by a process that is no longer running");
  });
});

describe("LowdbStore corrupt files", () => {
  it("moves a truncated chat file aside with a warning and reads the chat as absent", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    writeFileSync(join(dir, "chats", "42.json"), JSON.stringify(chatRecord(42), null, 2).slice(0, 120));
    const logger = memoryLogger();
    const store = await open(dir, logger);
    expect(await store.getChat(42)).toBeNull();
    expect(warnings(logger)).toContain("store: unreadable record moved aside, read as absent");
    expect(filesUnder(dir).filter((f) => f.startsWith("corrupt/42.json."))).toHaveLength(1);
    await store.putChat(chatRecord(42));
    expect(await store.getChat(42)).toEqual(chatRecord(42));
  });

  it("moves a garbage screening file aside with a warning, reads it as absent and skips it in listings", async () => {
    const dir = newDir();
    const store = await open(dir, memoryLogger());
    const good = screeningRecord(1, "2025-06-01T08:00:00.000Z");
    const bad = screeningRecord(2, "2025-06-01T09:00:00.000Z");
    await store.addScreening(good);
    await store.addScreening(bad);
    writeFileSync(join(dir, "screenings", "2025-06-01", `${bad.caseId}.json`), Buffer.from([0x00, 0xff, 0x7b, 0x22, 0x13]));
    const listed: string[] = [];
    for await (const record of store.screenings("2025-06-01", "2025-06-02")) listed.push(record.caseId);
    expect(listed).toEqual([good.caseId]);
    expect(await store.getScreening(bad.caseId)).toBeNull();
    expect(filesUnder(dir).filter((f) => f.startsWith(`corrupt/${bad.caseId}.json.`))).toHaveLength(1);
  });

  it("moves aside a chat file that is JSON but fails its schema", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    writeFileSync(join(dir, "chats", "42.json"), JSON.stringify({ ...chatRecord(42), lang: "fr" }));
    const logger = memoryLogger();
    const store = await open(dir, logger);
    expect(await store.getChat(42)).toBeNull();
    expect(logger.lines.find((l) => l.level === "warn")?.problem).toContain("lang");
  });

  it("removes at open the temporary file of a write a crash interrupted", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    writeFileSync(join(dir, "chats", ".42.json.tmp"), '{"schema": 1, "chatId": 4');
    await open(dir);
    expect(filesUnder(dir)).toEqual([".lock"]);
  });
});

/** A record as version 0 wrote it: no `schema`, and the language under `language`. */
function asVersion0(record: { lang: string }): Record<string, unknown> {
  const { lang, ...rest }: Record<string, unknown> = record;
  delete rest.schema;
  return { ...rest, language: lang };
}

describe("LowdbStore migrations", () => {
  it("reads a version 0 chat record (no schema, `language` for `lang`) as the current version", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    writeFileSync(join(dir, "chats", "42.json"), JSON.stringify(asVersion0(chatRecord(42))));
    const store = await open(dir);
    expect(await store.getChat(42)).toEqual(chatRecord(42));
  });

  it("reads a version 0 screening the same way", async () => {
    const dir = newDir();
    const record = screeningRecord(42, "2025-06-01T08:00:00.000Z");
    mkdirSync(join(dir, "screenings", "2025-06-01"), { recursive: true });
    writeFileSync(join(dir, "screenings", "2025-06-01", `${record.caseId}.json`), JSON.stringify(asVersion0(record)));
    const store = await open(dir);
    expect(await store.getScreening(record.caseId)).toEqual(record);
  });

  it("refuses a record from a newer version and leaves it in place", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    writeFileSync(join(dir, "chats", "42.json"), JSON.stringify({ ...chatRecord(42), schema: 2 }));
    const store = await open(dir);
    await expect(store.getChat(42)).rejects.toBeInstanceOf(RecordVersionError);
    expect(filesUnder(dir)).toContain("chats/42.json");
  });
});

describe("LowdbStore erasure and retention", () => {
  const CHAT = 777000111;

  function expectNoTrace(dir: string, chatId: number): void {
    for (const file of filesUnder(dir)) {
      expect(file).not.toContain(String(chatId));
      expect(readFileSync(join(dir, file), "utf-8"), relative(dir, join(dir, file))).not.toContain(String(chatId));
    }
  }

  it("leaves no trace of an erased chat id in any file, moved-aside copies included", async () => {
    const dir = newDir();
    const store = await open(dir);
    const cases = [screeningRecord(CHAT, "2025-06-01T08:00:00.000Z"), screeningRecord(CHAT, "2025-06-02T08:00:00.000Z"), screeningRecord(CHAT, "2025-06-02T09:00:00.000Z")];
    await store.putChat(chatRecord(CHAT));
    for (const record of cases) await store.addScreening(record);
    await store.putChat(chatRecord(5));
    await store.addScreening(screeningRecord(5, "2025-06-01T10:00:00.000Z"));
    writeFileSync(join(dir, "screenings", "2025-06-02", `${cases[2]!.caseId}.json`), JSON.stringify(cases[2]).slice(0, 100));
    expect(await store.getScreening(cases[2]!.caseId)).toBeNull();
    expect(filesUnder(dir).some((f) => f.startsWith("corrupt/"))).toBe(true);

    await store.deleteChat(CHAT);
    expectNoTrace(dir, CHAT);
    expect(await store.getChat(5)).not.toBeNull();
  });

  it("finds an erased chat's screenings when its list of cases is unreadable", async () => {
    const dir = newDir();
    const store = await open(dir, memoryLogger());
    const record = screeningRecord(CHAT, "2025-06-01T08:00:00.000Z");
    await store.addScreening(record);
    writeFileSync(join(dir, "chats", `${CHAT}.cases.json`), "{\"schema\": 1, \"chatId\": ");
    await store.deleteChat(CHAT);
    expectNoTrace(dir, CHAT);
  });

  it("purges whole day folders before the cutoff and chat files not updated since", async () => {
    const dir = newDir();
    const store = await open(dir);
    for (const day of ["2025-05-30", "2025-05-31", "2025-06-01"]) {
      await store.addScreening(screeningRecord(1, `${day}T08:00:00.000Z`));
      await store.addScreening(screeningRecord(2, `${day}T09:00:00.000Z`));
    }
    await store.putChat(chatRecord(1, { updatedAt: "2025-05-31T08:00:00.000Z" }));
    await store.putChat(chatRecord(2, { updatedAt: "2025-06-01T08:00:00.000Z" }));
    expect(await store.purgeBefore("2025-06-01")).toBe(5);
    expect(readdirSync(join(dir, "screenings"))).toEqual(["2025-06-01"]);
    expect(readdirSync(join(dir, "chats")).sort()).toEqual(["1.cases.json", "2.cases.json", "2.json"]);
    expect(JSON.parse(readFileSync(join(dir, "chats", "1.cases.json"), "utf-8")).cases).toHaveLength(1);
    await expect(store.purgeBefore("2025-06-01T00:00:00Z")).rejects.toThrow(/cutoff must be a date/);
  });
});

/** Runs the writer fixture, kills it with SIGKILL after a random number of acknowledged writes, and returns the acks. */
async function writeUntilKilled(dir: string): Promise<{ chats: Map<number, number>; cases: string[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "test/store/fixtures/writeUntilKilled.ts"), dir], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const killAfter = 20 + Math.floor(Math.random() * 400);
  const chats = new Map<number, number>();
  const cases: string[] = [];
  let acks = 0;
  const exited = new Promise((resolve) => child.on("exit", resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    const [kind, id, n] = line.split(" ");
    if (kind === "chat") chats.set(Number(id), Number(n));
    if (kind === "screening") cases.push(id!);
    if (++acks === killAfter) child.kill("SIGKILL");
  }
  await exited;
  return { chats, cases };
}

describe("LowdbStore after kill -9", () => {
  it.each([1, 2, 3])("loses no acknowledged write and leaves only valid JSON (run %i)", async () => {
    const dir = newDir();
    const acked = await writeUntilKilled(dir);
    expect(acked.chats.size).toBeGreaterThan(0);
    for (const file of filesUnder(dir).filter((f) => f.endsWith(".json"))) expect(() => JSON.parse(readFileSync(join(dir, file), "utf-8")), file).not.toThrow();

    const logger = memoryLogger();
    const store = await open(dir, logger);
    expect(warnings(logger)).toContain("store: taking over a lock left by a process that is no longer running");
    expect(filesUnder(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    for (const [chatId, lastAck] of acked.chats) expect((await store.getChat(chatId))?.llm.calls).toBeGreaterThanOrEqual(lastAck);
    for (const caseId of acked.cases) expect(await store.getScreening(caseId)).not.toBeNull();
    expect(warnings(logger)).not.toContain("store: unreadable record moved aside, read as absent");
  });
});
