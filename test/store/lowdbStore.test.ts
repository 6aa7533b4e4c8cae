import { spawn } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger, memoryLogger } from "../../src/log.js";
import { projectRoot } from "../../src/paths.js";
import { StoreLockedError } from "../../src/store/dataLock.js";
import { openLowdbStore, StoreClosedError, type LowdbStore } from "../../src/store/lowdbStore.js";
import { journalRecord, MAX_APPENDS } from "../../src/store/journalFile.js";
import { RecordVersionError } from "../../src/store/migrations.js";
import { newOutboxId } from "../../src/store/outboxId.js";
import { REWRITE_AT_BYTES } from "../../src/store/outboxLog.js";
import { InvalidRecordError } from "../../src/store/recordFile.js";
import type { ConversationRecord } from "../../src/store/store.js";
import { conversationRecord, screeningRecord } from "./fixtures/records.js";
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

/** The record a chat's file holds now: its last whole line (the file is a journal, journalFile.ts). */
function chatOnDisk(dir: string, stem: string): ConversationRecord {
  return journalRecord(readFileSync(join(dir, "chats", `${stem}.json`), "utf-8")) as ConversationRecord;
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf-8" }).filter((name) => statSync(join(dir, name)).isFile());
}

const AT = new Date("2025-06-01T08:00:00.000Z");
/** The n-th batch of replies to a conversation, its text `text`. */
const outboxEntry = (conversationId: string, n: number, text: string) => ({ id: newOutboxId(conversationId, new Date(AT.getTime() + n)), conversationId, createdAt: AT.toISOString(), payload: { sends: [text] } });
/** The lines of the outbox log as written. */
const outboxLines = (dir: string) =>
  readFileSync(join(dir, "outbox.jsonl"), "utf-8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as unknown);

const warnings = (logger: ReturnType<typeof memoryLogger>) => logger.lines.filter((l) => l.level === "warn").map((l) => l.msg);

storeContract("LowdbStore", () => open(newDir()));

describe("LowdbStore on disk", () => {
  it("keeps every chat and case across a restart", async () => {
    const dir = newDir();
    const first = await open(dir);
    const chats = Array.from({ length: 50 }, (_, i) => conversationRecord("tg:100" + i, { llm: { day: "2025-06-01", calls: i } }));
    const cases = Array.from({ length: 30 }, (_, i) => screeningRecord("tg:100" + i, `2025-06-${String(1 + (i % 20)).padStart(2, "0")}T08:00:00.000Z`));
    await Promise.all(chats.map((c) => first.putConversation(c)));
    await Promise.all(cases.map((c) => first.addScreening(c)));
    await first.close();

    const second = await open(dir);
    for (const chat of chats) expect(await second.getConversation(chat.conversationId)).toEqual(chat);
    for (const record of cases) expect(await second.getScreening(record.caseId)).toEqual(record);
  });

  it("lays out one file per chat and one per screening, in its creation day's folder, and the folder's summary", async () => {
    const dir = newDir();
    const store = await open(dir);
    const record = screeningRecord("tg:42", "2025-06-01T08:00:00.000Z");
    await store.putConversation(conversationRecord("tg:42"));
    await store.addScreening(record);
    const files = ["chats/tg_42.cases.json", "chats/tg_42.json", "outbox.jsonl", `screenings/2025-06-01/${record.caseId}.json`];
    expect(filesUnder(dir).sort()).toEqual([".lock", ...files]);
    // The day's summary is saved a moment later, or when the store closes.
    await store.close();
    expect(filesUnder(dir).sort()).toEqual([...files, "stats/screenings/2025-06-01.json"]);
  });

  it("rebuilds a day's summary from its folder when the summary is missing, unreadable or stale", async () => {
    const dir = newDir();
    const first = await open(dir);
    const a = screeningRecord("tg:1", "2025-06-01T08:00:00.000Z");
    const b = screeningRecord("tg:2", "2025-06-01T09:00:00.000Z");
    await first.addScreening(a);
    await first.addScreening(b);
    expect((await first.daySummaries("2025-06-01", "2025-06-01")).get("2025-06-01")?.finished).toEqual({ tg: 2 });
    await first.close();

    // A file removed behind the store's back (a restore from backup, a person): the folder changed, so the summary is stale.
    rmSync(join(dir, "screenings", "2025-06-01", `${b.caseId}.json`));
    const second = await open(dir);
    expect((await second.daySummaries("2025-06-01", "2025-06-01")).get("2025-06-01")?.finished).toEqual({ tg: 1 });
    await second.close();

    writeFileSync(join(dir, "stats", "screenings", "2025-06-01.json"), "{ not json");
    const third = await open(dir);
    expect((await third.daySummaries("2025-06-01", "2025-06-01")).get("2025-06-01")?.finished).toEqual({ tg: 1 });
    rmSync(join(dir, "stats"), { recursive: true });
    expect((await third.daySummaries("2025-06-01", "2025-06-01")).get("2025-06-01")?.items["6"]).toEqual({ eligible: 1, needsInfo: 0, notEligible: 0, sumMaxFen: 9_000_000 });
  });

  it("stores and counts every screening finished at once on one day, the summary as a rebuild makes it", async () => {
    const dir = newDir();
    const first = await open(dir);
    const records = Array.from({ length: 40 }, (_, i) => screeningRecord(`web:chat-${i}`, `2025-06-01T08:00:${String(i).padStart(2, "0")}.000Z`));
    await Promise.all(records.map((record) => first.addScreening(record)));
    for (const record of records) expect(await first.getScreening(record.caseId)).toEqual(record);
    const summed = await first.daySummaries("2025-06-01", "2025-06-01");
    expect(summed.get("2025-06-01")?.finished).toEqual({ web: 40 });
    await first.close();

    const second = await open(dir);
    expect(await second.daySummaries("2025-06-01", "2025-06-01")).toEqual(summed);
    rmSync(join(dir, "stats"), { recursive: true });
    expect(await second.daySummaries("2025-06-01", "2025-06-01")).toEqual(summed);
  });

  it("keeps the counts of screenings begun and FAQ gaps across a restart", async () => {
    const dir = newDir();
    const first = await open(dir);
    await first.recordActivity({ kind: "started", channel: "web", at: new Date("2025-06-01T17:00:00.000Z") });
    await first.recordActivity({ kind: "faq_gap", question: "  where do I  register a car? ", outcome: "refused", at: new Date("2025-06-01T17:00:00.000Z") });
    await first.close();
    const second = await open(dir);
    await second.recordActivity({ kind: "faq_gap", question: "where do I register a car?", outcome: "refused", at: new Date("2025-06-02T01:00:00.000Z") });
    expect(await second.activity("2025-06-01", "2025-06-02")).toEqual(new Map([["2025-06-02", { started: { web: 1 }, faqGaps: [{ question: "where do I register a car?", outcome: "refused", count: 2 }] }]]));
  });

  it("counts every screening begun at once on one day, across a restart", async () => {
    const dir = newDir();
    const first = await open(dir);
    const at = new Date("2025-06-02T01:00:00.000Z");
    await Promise.all(Array.from({ length: 30 }, (_, i) => first.recordActivity({ kind: "started", channel: i % 3 === 0 ? "tg" : "web", at })));
    const counted = new Map([["2025-06-02", { started: { tg: 10, web: 20 }, faqGaps: [] }]]);
    expect(await first.activity("2025-06-02", "2025-06-02")).toEqual(counted);
    await first.close();
    expect(await (await open(dir)).activity("2025-06-02", "2025-06-02")).toEqual(counted);
  });

  it("appends a day's counts to its file, rewriting it now and then, and reads the last whole line back", async () => {
    const dir = newDir();
    const first = await open(dir);
    const at = new Date("2025-06-02T01:00:00.000Z");
    const events = 2 * (MAX_APPENDS + 1) + 3;
    for (let n = 0; n < events; n++) await first.recordActivity({ kind: "started", channel: "web", at });
    await first.close();
    const file = join(dir, "stats", "activity", "2025-06-02.json");
    // Rewritten at the first event and after every MAX_APPENDS appends: last at event 2 × (MAX_APPENDS + 1) + 1, then two appends.
    expect(readFileSync(file, "utf8").split("\n").filter(Boolean)).toHaveLength(3);
    appendFileSync(file, '{"schema":1,"day":"2025-06-02","started":{"web":9');
    const second = await open(dir);
    expect(await second.activity("2025-06-02", "2025-06-02")).toEqual(new Map([["2025-06-02", { started: { web: events }, faqGaps: [] }]]));
    await second.recordActivity({ kind: "started", channel: "tg", at });
    await second.close();
    // A store opened again rewrites the file before it appends: the line cut short is gone.
    expect(readFileSync(file, "utf8")).toBe(`${JSON.stringify({ schema: 1, day: "2025-06-02", started: { web: events, tg: 1 }, faqGaps: [] })}\n`);
  });

  it("reads a chat pushed out of the cache back from disk", async () => {
    const store = await open(newDir(), silent, 2);
    for (let n = 1; n <= 5; n++) await store.putConversation(conversationRecord(`tg:${n}`));
    for (let n = 1; n <= 5; n++) expect(await store.getConversation(`tg:${n}`)).toEqual(conversationRecord(`tg:${n}`));
  });

  it("leaves the last of 200 concurrent putConversation calls on disk", async () => {
    const dir = newDir();
    const store = await open(dir);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.putConversation(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls: i } }))));
    expect(chatOnDisk(dir, "tg_42")).toEqual(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls: 199 } }));
  });

  it("keeps the last of concurrent putConversation calls when the cache holds fewer chats than are written", async () => {
    const dir = newDir();
    const store = await open(dir, silent, 1);
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.putConversation(conversationRecord(`tg:${i % 2}`, { llm: { day: "2025-06-01", calls: i } }))));
    expect(chatOnDisk(dir, "tg_0").llm.calls).toBe(198);
    expect(chatOnDisk(dir, "tg_1").llm.calls).toBe(199);
  });

  it("appends a chat's new records to its file and rewrites it with the newest alone every MAX_APPENDS + 1 writes", async () => {
    const dir = newDir();
    const store = await open(dir);
    const lines = () => readFileSync(join(dir, "chats", "tg_42.json"), "utf-8").split("\n").filter((line) => line !== "").length;
    const put = (calls: number) => store.putConversation(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls } }));
    for (let calls = 1; calls <= MAX_APPENDS + 1; calls++) {
      await put(calls);
      expect(lines()).toBe(calls);
    }
    await put(MAX_APPENDS + 2);
    expect(lines()).toBe(1);
    expect(chatOnDisk(dir, "tg_42").llm.calls).toBe(MAX_APPENDS + 2);
  });

  it("reads a chat whose last line a crash cut short as the record before it, and rewrites the file at its next write", async () => {
    const dir = newDir();
    const first = await open(dir);
    for (const calls of [1, 2]) await first.putConversation(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls } }));
    await opened.pop()!.close();
    const file = join(dir, "chats", "tg_42.json");
    appendFileSync(file, JSON.stringify(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls: 3 } })).slice(0, 80));
    const logger = memoryLogger();
    const store = await open(dir, logger);
    expect((await store.getConversation("tg:42"))?.llm.calls).toBe(2);
    await store.putConversation(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls: 4 } }));
    expect(readFileSync(file, "utf-8")).toBe(`${JSON.stringify(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls: 4 } }))}\n`);
    expect(warnings(logger)).toEqual([]);
  });

  it("reads a chat's file written whole and indented, as earlier versions wrote it", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"));
    writeFileSync(join(dir, "chats", "tg_42.json"), JSON.stringify(conversationRecord("tg:42"), null, 2));
    expect(await (await open(dir)).getConversation("tg:42")).toEqual(conversationRecord("tg:42"));
  });

  it("waits on close for writes not yet awaited", async () => {
    const dir = newDir();
    const store = await open(dir);
    for (let i = 0; i < 50; i++) void store.putConversation(conversationRecord(`tg:${i % 5}`, { llm: { day: "2025-06-01", calls: i } }));
    await store.close();
    for (let conversationId = 0; conversationId < 5; conversationId++) {
      expect(chatOnDisk(dir, `tg_${conversationId}`).llm.calls).toBe(45 + conversationId);
    }
    expect(filesUnder(dir)).not.toContain(".lock");
  });

  it("refuses to work once closed", async () => {
    const store = await open(newDir());
    await store.close();
    await expect(store.getConversation("tg:1")).rejects.toBeInstanceOf(StoreClosedError);
    await expect(store.putConversation(conversationRecord("tg:1"))).rejects.toBeInstanceOf(StoreClosedError);
  });

  it("refuses a record it could not read back, naming the field", async () => {
    const store = await open(newDir());
    const error = await store.putConversation(conversationRecord("tg:1", { llm: { day: "yesterday", calls: 0 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).problems.join("\n")).toContain("llm.day");
  });

  it("refuses a screening whose case id does not name the day it was created", async () => {
    const store = await open(newDir());
    const record = screeningRecord("tg:1", "2025-06-01T08:00:00.000Z", { caseId: "TZ-20250602-ABCDEFGH" });
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
    expect((error as Error).message).toMatch(/only one process may write/);
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
    writeFileSync(join(dir, "chats", "tg_42.json"), JSON.stringify(conversationRecord("tg:42"), null, 2).slice(0, 120));
    const logger = memoryLogger();
    const store = await open(dir, logger);
    expect(await store.getConversation("tg:42")).toBeNull();
    expect(warnings(logger)).toContain("store: unreadable record moved aside, read as absent");
    expect(filesUnder(dir).filter((f) => f.startsWith("corrupt/tg_42.json."))).toHaveLength(1);
    await store.putConversation(conversationRecord("tg:42"));
    expect(await store.getConversation("tg:42")).toEqual(conversationRecord("tg:42"));
  });

  it("moves a garbage screening file aside with a warning, reads it as absent and skips it in listings", async () => {
    const dir = newDir();
    const store = await open(dir, memoryLogger());
    const good = screeningRecord("tg:1", "2025-06-01T08:00:00.000Z");
    const bad = screeningRecord("tg:2", "2025-06-01T09:00:00.000Z");
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
    writeFileSync(join(dir, "chats", "tg_42.json"), JSON.stringify({ ...conversationRecord("tg:42"), lang: "fr" }));
    const logger = memoryLogger();
    const store = await open(dir, logger);
    expect(await store.getConversation("tg:42")).toBeNull();
    expect(logger.lines.find((l) => l.level === "warn")?.problem).toContain("lang");
  });

  it("removes at open the temporary files of writes a crash interrupted", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    writeFileSync(join(dir, "chats", ".42.json.tmp"), '{"schema": 1, "conversationId": 4');
    writeFileSync(join(dir, ".outbox.jsonl.tmp"), '{"put": {"id": "tg_4');
    await open(dir);
    expect(filesUnder(dir).sort()).toEqual([".lock", "outbox.jsonl"]);
  });

  it("removes at open the temporary files of the staff summaries a crash interrupted", async () => {
    const dir = newDir();
    for (const kind of ["screenings", "activity"]) {
      mkdirSync(join(dir, "stats", kind), { recursive: true });
      writeFileSync(join(dir, "stats", kind, ".2025-06-02.json.tmp"), '{"day": "2025-06');
    }
    await open(dir);
    expect(filesUnder(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

/** A record as version 1 wrote it: Telegram's numeric `chatId` for the conversation id. */
function asVersion1(record: { conversationId: string }): Record<string, unknown> {
  const { conversationId, ...rest }: Record<string, unknown> = record;
  return { ...rest, schema: 1, chatId: Number(String(conversationId).slice("tg:".length)) };
}

/** A record as version 0 wrote it: version 1 without `schema`, and the language under `language`. */
function asVersion0(record: { lang: string; conversationId: string }): Record<string, unknown> {
  const { lang, ...rest } = asVersion1(record);
  delete rest.schema;
  return { ...rest, language: lang };
}

describe("LowdbStore migrations", () => {
  it("reads a version 0 chat record (no schema, `language` for `lang`) as the current version", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    writeFileSync(join(dir, "chats", "42.json"), JSON.stringify(asVersion0(conversationRecord("tg:42"))));
    const store = await open(dir);
    expect(await store.getConversation("tg:42")).toEqual(conversationRecord("tg:42"));
  });

  it("renames a version 1 Telegram chat's files at open and reads them as the conversation tg:<chat id>", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    const record = screeningRecord("tg:-1001", "2025-06-01T08:00:00.000Z");
    writeFileSync(join(dir, "chats", "-1001.json"), JSON.stringify(asVersion1(conversationRecord("tg:-1001"))));
    writeFileSync(join(dir, "chats", "-1001.cases.json"), JSON.stringify({ schema: 1, chatId: -1001, cases: [record.caseId] }));
    mkdirSync(join(dir, "screenings", "2025-06-01"), { recursive: true });
    writeFileSync(join(dir, "screenings", "2025-06-01", `${record.caseId}.json`), JSON.stringify(asVersion1(record)));
    const store = await open(dir);
    expect(readdirSync(join(dir, "chats")).sort()).toEqual(["tg_-1001.cases.json", "tg_-1001.json"]);
    expect(await store.getConversation("tg:-1001")).toEqual(conversationRecord("tg:-1001"));
    expect(await store.getScreening(record.caseId)).toEqual(record);
    expect(await store.casesOf("tg:-1001")).toEqual([record.caseId]);
    await store.putConversation(conversationRecord("tg:-1001", { lang: "en" }));
    expect(JSON.parse(readFileSync(join(dir, "chats", "tg_-1001.json"), "utf-8"))).toMatchObject({ schema: 2, conversationId: "tg:-1001", lang: "en" });
  });

  it("reads a version 0 screening the same way", async () => {
    const dir = newDir();
    const record = screeningRecord("tg:42", "2025-06-01T08:00:00.000Z");
    mkdirSync(join(dir, "screenings", "2025-06-01"), { recursive: true });
    writeFileSync(join(dir, "screenings", "2025-06-01", `${record.caseId}.json`), JSON.stringify(asVersion0(record)));
    const store = await open(dir);
    expect(await store.getScreening(record.caseId)).toEqual(record);
  });

  it("refuses a record from a newer version and leaves it in place", async () => {
    const dir = newDir();
    mkdirSync(join(dir, "chats"), { recursive: true });
    writeFileSync(join(dir, "chats", "tg_42.json"), JSON.stringify({ ...conversationRecord("tg:42"), schema: 99 }));
    const store = await open(dir);
    await expect(store.getConversation("tg:42")).rejects.toBeInstanceOf(RecordVersionError);
    expect(filesUnder(dir)).toContain("chats/tg_42.json");
  });
});

describe("LowdbStore erasure and retention", () => {
  const CHAT = 777000111;

  function expectNoTrace(dir: string, conversationId: number): void {
    // The chat id alone: neither `tg:777000111`, `tg_777000111` nor version 1's bare number may remain.
    for (const file of filesUnder(dir)) {
      expect(file).not.toContain(String(conversationId));
      expect(readFileSync(join(dir, file), "utf-8"), relative(dir, join(dir, file))).not.toContain(String(conversationId));
    }
  }

  it("leaves no trace of an erased chat id in any file, moved-aside copies included", async () => {
    const dir = newDir();
    const store = await open(dir);
    const cases = [screeningRecord(`tg:${CHAT}`, "2025-06-01T08:00:00.000Z"), screeningRecord(`tg:${CHAT}`, "2025-06-02T08:00:00.000Z"), screeningRecord(`tg:${CHAT}`, "2025-06-02T09:00:00.000Z")];
    await store.putConversation(conversationRecord(`tg:${CHAT}`));
    for (const record of cases) await store.addScreening(record);
    await store.putConversation(conversationRecord("tg:5"));
    await store.addScreening(screeningRecord("tg:5", "2025-06-01T10:00:00.000Z"));
    writeFileSync(join(dir, "screenings", "2025-06-02", `${cases[2]!.caseId}.json`), JSON.stringify(cases[2]).slice(0, 100));
    expect(await store.getScreening(cases[2]!.caseId)).toBeNull();
    expect(filesUnder(dir).some((f) => f.startsWith("corrupt/"))).toBe(true);

    await store.deleteConversation(`tg:${CHAT}`);
    expectNoTrace(dir, CHAT);
    expect(await store.getConversation("tg:5")).not.toBeNull();
  });

  it("finds an erased chat's screenings when its list of cases is unreadable", async () => {
    const dir = newDir();
    const store = await open(dir, memoryLogger());
    const record = screeningRecord(`tg:${CHAT}`, "2025-06-01T08:00:00.000Z");
    await store.addScreening(record);
    writeFileSync(join(dir, "chats", `tg_${CHAT}.cases.json`), "{\"schema\": 2, \"conversationId\": ");
    await store.deleteConversation(`tg:${CHAT}`);
    expectNoTrace(dir, CHAT);
  });

  it("purges whole day folders before the cutoff and chat files not updated since", async () => {
    const dir = newDir();
    const store = await open(dir);
    for (const day of ["2025-05-30", "2025-05-31", "2025-06-01"]) {
      await store.addScreening(screeningRecord("tg:1", `${day}T08:00:00.000Z`));
      await store.addScreening(screeningRecord("tg:2", `${day}T09:00:00.000Z`));
    }
    await store.putConversation(conversationRecord("tg:1", { updatedAt: "2025-05-31T08:00:00.000Z" }));
    await store.putConversation(conversationRecord("tg:2", { updatedAt: "2025-06-01T08:00:00.000Z" }));
    expect(await store.purgeBefore("2025-06-01")).toBe(5);
    expect(readdirSync(join(dir, "screenings"))).toEqual(["2025-06-01"]);
    expect(readdirSync(join(dir, "chats")).sort()).toEqual(["tg_1.cases.json", "tg_2.cases.json", "tg_2.json"]);
    expect(JSON.parse(readFileSync(join(dir, "chats", "tg_1.cases.json"), "utf-8")).cases).toHaveLength(1);
    await expect(store.purgeBefore("2025-06-01T00:00:00Z")).rejects.toThrow(/cutoff must be a date/);
  });
});

/** Runs the writer fixture, kills it with SIGKILL after a random number of acknowledged writes, and returns the acks. */
async function writeUntilKilled(dir: string): Promise<{ chats: Map<string, number>; cases: string[] }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(projectRoot, "test/store/fixtures/writeUntilKilled.ts"), dir], {
    cwd: projectRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const killAfter = 20 + Math.floor(Math.random() * 400);
  const chats = new Map<string, number>();
  const cases: string[] = [];
  let acks = 0;
  const exited = new Promise((resolve) => child.on("exit", resolve));
  for await (const line of createInterface({ input: child.stdout })) {
    const [kind, id, n] = line.split(" ");
    if (kind === "chat") chats.set(id!, Number(n));
    if (kind === "screening") cases.push(id!);
    if (++acks === killAfter) child.kill("SIGKILL");
  }
  await exited;
  return { chats, cases };
}

describe("LowdbStore after kill -9", () => {
  it.each([1, 2, 3])("loses no acknowledged write and leaves only readable files (run %i)", async () => {
    const dir = newDir();
    const acked = await writeUntilKilled(dir);
    expect(acked.chats.size).toBeGreaterThan(0);
    for (const file of filesUnder(dir).filter((f) => f.endsWith(".json"))) {
      // A chat's file is a journal: a last line cut short by the kill is allowed, and skipped.
      const parse = /^chats\/tg_\d+\.json$/.test(file) ? journalRecord : JSON.parse;
      expect(() => parse(readFileSync(join(dir, file), "utf-8")), file).not.toThrow();
    }

    const logger = memoryLogger();
    const store = await open(dir, logger);
    expect(warnings(logger)).toContain("store: taking over a lock left by a process that is no longer running");
    expect(filesUnder(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    for (const [conversationId, lastAck] of acked.chats) expect((await store.getConversation(conversationId))?.llm.calls).toBeGreaterThanOrEqual(lastAck);
    for (const caseId of acked.cases) expect(await store.getScreening(caseId)).not.toBeNull();
    expect(warnings(logger)).not.toContain("store: unreadable record moved aside, read as absent");
  });
});

describe("LowdbStore with files it cannot use", () => {
  /** A newer-schema chat (a rolled-back upgrade) and a directory where a chat file should be. */
  function oddFiles(dir: string): { newer: string; directory: string } {
    const newer = join(dir, "chats", "tg_8.json");
    const directory = join(dir, "chats", "tg_9.json");
    writeFileSync(newer, JSON.stringify({ ...conversationRecord("tg:8", { updatedAt: "2024-01-01T00:00:00.000Z" }), schema: 99 }));
    mkdirSync(directory);
    return { newer, directory };
  }

  it("purges everyone else's old data and names the files it skipped", async () => {
    const dir = newDir();
    const logger = memoryLogger();
    const store = await open(dir, logger);
    await store.putConversation(conversationRecord("tg:1", { updatedAt: "2024-01-01T00:00:00.000Z" }));
    await store.addScreening(screeningRecord("tg:1", "2024-01-01T08:00:00.000Z"));
    const { newer, directory } = oddFiles(dir);
    expect(await store.purgeBefore("2025-06-01")).toBe(2);
    expect(await store.getConversation("tg:1")).toBeNull();
    const skipped = logger.lines.filter((l) => l.msg === "store: retention purge skipped a file it cannot use").map((l) => l.file);
    expect(skipped).toEqual(expect.arrayContaining([newer, directory]));
    expect(filesUnder(dir)).toContain("chats/tg_8.json");
  });

  it("erases a chat next to odd files, and erases what it can of a chat whose own file is odd, reporting the rest", async () => {
    const dir = newDir();
    const store = await open(dir, memoryLogger());
    await store.putConversation(conversationRecord("tg:1"));
    await store.addScreening(screeningRecord("tg:9", "2025-06-01T08:00:00.000Z"));
    const { directory } = oddFiles(dir);
    expect(await store.deleteConversation("tg:1")).toEqual({ notErased: [] });
    expect(await store.deleteConversation("tg:8")).toEqual({ notErased: [] });
    expect(filesUnder(dir).filter((f) => f.startsWith("chats/"))).toEqual(["chats/tg_9.cases.json"]);
    expect(await store.deleteConversation("tg:9")).toEqual({ notErased: [directory] });
    expect(filesUnder(dir).filter((f) => f.startsWith("screenings/"))).toEqual([]);
  });

  it("lists screenings past one from a newer version, with a warning naming it", async () => {
    const dir = newDir();
    const logger = memoryLogger();
    const store = await open(dir, logger);
    const good = screeningRecord("tg:1", "2025-06-01T08:00:00.000Z");
    const newer = screeningRecord("tg:2", "2025-06-01T09:00:00.000Z");
    await store.addScreening(good);
    const file = join(dir, "screenings", "2025-06-01", `${newer.caseId}.json`);
    writeFileSync(file, JSON.stringify({ ...newer, schema: 99 }));
    const listed = [];
    for await (const record of store.screenings("2025-06-01", "2025-06-02")) listed.push(record.caseId);
    expect(listed).toEqual([good.caseId]);
    expect(logger.lines.find((l) => l.msg === "store: listing screenings skipped a file it cannot use")?.file).toBe(file);
  });

  it("keeps the cached chat on the last record written when a write fails", async () => {
    const dir = newDir();
    await (await open(dir)).putConversation(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls: 1 } }));
    await opened.pop()!.close();
    const store = await open(dir);
    expect((await store.getConversation("tg:42"))?.llm.calls).toBe(1);
    // A chat's first write since the store opened rewrites its file: lowdb writes `.tg_42.json.tmp`
    // and renames it, and a directory there makes the write fail, as a full or read-only disk would.
    mkdirSync(join(dir, "chats", ".tg_42.json.tmp"));
    await expect(store.putConversation(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls: 2 } }))).rejects.toThrow();
    expect((await store.getConversation("tg:42"))?.llm.calls).toBe(1);
    expect(chatOnDisk(dir, "tg_42").llm.calls).toBe(1);
  });

  it("keeps undelivered replies across a restart, leaves out a line cut short by a crash and keeps a copy of the log", async () => {
    const dir = newDir();
    const first = await open(dir);
    const entry = outboxEntry("tg:42", 0, "hello");
    await first.putOutbox(entry);
    await first.close();
    appendFileSync(join(dir, "outbox.jsonl"), `{"put":{"id":"${newOutboxId("tg:7", AT)}","schema":1,`);
    const logger = memoryLogger();
    const second = await open(dir, logger);
    expect(await second.outbox()).toEqual([entry]);
    expect(logger.lines.find((l) => l.level === "warn")).toMatchObject({ msg: expect.stringContaining("outbox lines unreadable"), lines: 1 });
    const [copy] = readdirSync(join(dir, "corrupt"));
    expect(readFileSync(join(dir, "corrupt", copy!), "utf-8")).toContain('"schema":1,');
    // Rewritten at start: the line cut short is gone from the log itself.
    expect(outboxLines(dir)).toEqual([{ put: { ...entry, schema: 1 } }]);
  });

  it("refuses a batch it could not read back (no payload, a time that is not one) and writes nothing of it", async () => {
    const dir = newDir();
    const store = await open(dir);
    const waiting = outboxEntry("tg:7", 0, "waiting");
    await store.putOutbox(waiting);
    await expect(store.putOutbox({ ...outboxEntry("tg:42", 1, ""), payload: undefined })).rejects.toThrow(InvalidRecordError);
    await expect(store.putOutbox({ ...outboxEntry("tg:42", 2, "hi"), createdAt: "yesterday" })).rejects.toThrow(/createdAt/);
    expect(await store.outbox()).toEqual([waiting]);
    expect(outboxLines(dir)).toEqual([{ put: { ...waiting, schema: 1 } }]);
  });

  it("empties the log whenever every reply in it was delivered", async () => {
    const dir = newDir();
    const store = await open(dir);
    const [first, second] = [outboxEntry("tg:42", 0, "first"), outboxEntry("tg:7", 1, "second")];
    await store.putOutbox(first);
    await store.putOutbox(second);
    await store.removeOutbox(first.id);
    expect(readFileSync(join(dir, "outbox.jsonl"), "utf-8")).toContain("first");
    await store.removeOutbox(second.id);
    expect(statSync(join(dir, "outbox.jsonl")).size).toBe(0);
  });

  it("rewrites the log with the replies still waiting once it grew past REWRITE_AT_BYTES", async () => {
    const dir = newDir();
    const store = await open(dir);
    const waiting = outboxEntry("tg:7", 0, "still waiting");
    await store.putOutbox(waiting);
    for (let n = 1; n * 10_000 <= REWRITE_AT_BYTES; n++) {
      const entry = outboxEntry("tg:42", n, "y".repeat(10_000));
      await store.putOutbox(entry);
      await store.removeOutbox(entry.id);
    }
    expect(statSync(join(dir, "outbox.jsonl")).size).toBeLessThanOrEqual(REWRITE_AT_BYTES);
    await store.close();
    expect(await (await open(dir)).outbox()).toEqual([waiting]);
  });

  it("erasing a conversation takes the text of its delivered replies out of the log, and keeps the others' waiting", async () => {
    const dir = newDir();
    const store = await open(dir);
    const delivered = outboxEntry("tg:42", 0, "Acme Robotics Ltd");
    const undelivered = outboxEntry("tg:42", 1, "Acme's next question");
    const theirs = outboxEntry("tg:7", 2, "someone else's reply");
    for (const entry of [delivered, undelivered, theirs]) await store.putOutbox(entry);
    await store.removeOutbox(delivered.id);
    expect((await store.deleteConversation("tg:42")).notErased).toEqual([]);
    expect(readFileSync(join(dir, "outbox.jsonl"), "utf-8")).not.toContain("Acme");
    await store.close();
    expect(await (await open(dir)).outbox()).toEqual([theirs]);
  });

  it("moves the replies an older version left in its outbox folder into the log, oldest first, and an unreadable one aside", async () => {
    const dir = newDir();
    const later = outboxEntry("tg:42", 2, "second");
    const earlier = outboxEntry("tg:7", 1, "first");
    mkdirSync(join(dir, "outbox"));
    for (const { id, ...rest } of [later, earlier]) writeFileSync(join(dir, "outbox", `${id}.json`), JSON.stringify({ schema: 1, ...rest }));
    const torn = `${newOutboxId("tg:9", AT)}.json`;
    writeFileSync(join(dir, "outbox", torn), '{"schema": 1, ');
    const store = await open(dir);
    expect(await store.outbox()).toEqual([earlier, later]);
    expect(existsSync(join(dir, "outbox"))).toBe(false);
    expect(readdirSync(join(dir, "corrupt")).some((name) => name.startsWith(torn))).toBe(true);
    await store.close();
    expect(await (await open(dir)).outbox()).toEqual([earlier, later]);
  });
});
