import { mkdirSync } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { LowSync } from "lowdb";
import { JSONFile, JSONFileSync } from "lowdb/node";
import type { Logger } from "../log.js";
import { isRealDate } from "../engine/screening.js";
import type { ConversationRecord, ErasureReport, OutboxEntry, ScreeningRecord, Store } from "./store.js";
import { deepFreeze, type Frozen } from "../frozen.js";
import { dayOf, dayOfCaseId } from "./caseId.js";
import { acquireLock, releaseLock } from "./dataLock.js";
import { purgeCorruptBefore, removeCorruptCopies, scanCasesOfConversation } from "./erasure.js";
import { isConversationId } from "./conversationId.js";
import { JournalFileSync } from "./journalFile.js";
import { KeyedQueue } from "./keyedQueue.js";
import { daysIn, isRecheckOf, isRecordFile, Layout, migrateLegacyNames, namesIn, parseConversationFileName, removeFile, removeTempFiles } from "./layout.js";
import { LruCache } from "../lruCache.js";
import { skippingOddFile } from "./oddFiles.js";
import { moveLegacyOutbox } from "./legacyOutbox.js";
import { checkOutboxEntryId, checkOutboxId, dayOfOutboxId } from "./outboxId.js";
import { OutboxLog } from "./outboxLog.js";
import type { ActivityEvent, DayActivity } from "./activity.js";
import { ActivityFiles } from "./activityFiles.js";
import type { DaySummary } from "./daySummary.js";
import { SummaryFiles } from "./summaryFiles.js";
import { checkRecord, loadRecord, readRecord, type RecordReader } from "./recordFile.js";
import { CONVERSATION, CONVERSATION_CASES, CONVERSATION_CASES_VERSION, SCREENING, type ConversationCases } from "./records.js";

export interface LowdbStoreOptions {
  /** DATA_DIR: created if absent. */
  dir: string;
  logger: Logger;
  /** Chats kept open in memory; the least recently used are read again from disk when needed. */
  cacheSize?: number;
}

/** Day folders read ahead of the one a listing yields from. */
const DAYS_READ_AHEAD = 4;
/** Put in place of a day folder's records once they are yielded, so that a long listing does not hold them all. */
const NOTHING_LEFT: Promise<ScreeningRecord[]> = Promise.resolve([]);

export class StoreClosedError extends Error {
  constructor(readonly dir: string) {
    super(`the store on ${dir} is closed: open a new one with openLowdbStore`);
    this.name = "StoreClosedError";
  }
}

/**
 * Opens the file store on a data folder: takes its lock (StoreLockedError if another live
 * process holds it), removes temporary files a killed process left behind and renames files
 * of an older layout.
 */
export async function openLowdbStore({ dir, logger, cacheSize = 10_000 }: LowdbStoreOptions): Promise<LowdbStore> {
  const layout = new Layout(resolve(dir));
  await mkdir(layout.chats, { recursive: true });
  await mkdir(layout.screenings, { recursive: true });
  await acquireLock(layout.lock, logger);
  try {
    const removed = await removeTempFiles(layout);
    if (removed > 0) logger.warn("store: removed temporary files of writes interrupted by a crash", { dir: layout.dir, removed });
    const renamed = await migrateLegacyNames(layout);
    if (renamed > 0) logger.info("store: renamed Telegram chat files to conversation names", { dir: layout.dir, renamed });
    const reader = { corruptDir: layout.corrupt, logger };
    const outbox = await OutboxLog.open(layout.outboxLog, reader);
    const moved = await moveLegacyOutbox(layout, outbox, reader);
    if (moved > 0) logger.info("store: moved undelivered replies from the outbox folder into the outbox log", { dir: layout.dir, moved });
    return new LowdbStore(layout, logger, cacheSize, outbox);
  } catch (e) {
    await releaseLock(layout.lock);
    throw e;
  }
}

/**
 * The store on lowdb: one small JSON file per conversation and per screening (see Layout), each
 * written atomically by lowdb's adapters (a temporary file in the same folder renamed over the
 * old one, so a reader or a crash sees the old file or the new one, never half of one; no fsync,
 * so a power cut may lose the last writes). Every operation on a conversation, its screenings
 * included, runs in that conversation's queue: writes of one file never overlap.
 *
 * A conversation's file, written on every answer, is a journal (JournalFileSync): the new record
 * is appended, and the file is rewritten and renamed only every few answers; a crash leaves the
 * record before or the new one, as with a rename. It is written synchronously: a few kilobytes
 * written on the event loop cost less than the promises and thread pool round trips of the same
 * write (the store section of `npm run bench`, run alternately: the files of one bot update
 * 0.20–0.33 ms of CPU against 0.46–0.57 ms asynchronously, when every write was a rename). A
 * finished screening's files (its record, the chat's list of cases, the day's summary) are
 * written synchronously too, for the same reason. Reads, re-checks, erasure and purges stay
 * asynchronous: they touch many files, or files of any size.
 */
export class LowdbStore implements Store {
  private readonly chats: LruCache<string, LowSync<Frozen<ConversationRecord> | null>>;
  private readonly queue = new KeyedQueue<string>();
  private readonly reader: RecordReader;
  private readonly summaries: SummaryFiles;
  private readonly activityFiles: ActivityFiles;
  private closed = false;

  constructor(
    private readonly layout: Layout,
    private readonly logger: Logger,
    cacheSize: number,
    private readonly outboxLog: OutboxLog,
  ) {
    this.chats = new LruCache(cacheSize);
    this.reader = { corruptDir: layout.corrupt, logger };
    this.summaries = new SummaryFiles(layout, this.reader);
    this.activityFiles = new ActivityFiles(layout.dir);
  }

  async getConversation(conversationId: string): Promise<Frozen<ConversationRecord> | null> {
    this.assertOpen();
    if (!isConversationId(conversationId)) return null;
    return this.queue.run(conversationId, async () => (await this.openConversation(conversationId)).data);
  }

  async putConversation(record: Frozen<ConversationRecord>): Promise<void> {
    this.assertOpen();
    // The schema's parse builds new objects and arrays throughout: the copy frozen is the store's own.
    const checked = deepFreeze(checkRecord(CONVERSATION, record));
    return this.queue.run(checked.conversationId, async () => {
      // The old record is not read: the new one replaces it whole. The cache changes only once the
      // disk has the new record, so a failed write leaves both on the old one. The cached record's
      // adapter knows whether the file can be appended to (JournalFileSync).
      const adapter = this.chats.get(checked.conversationId)?.adapter ?? new JournalFileSync(this.layout.conversationFile(checked.conversationId));
      const low = new LowSync<Frozen<ConversationRecord> | null>(adapter, checked);
      low.write();
      this.chats.set(checked.conversationId, low);
    });
  }

  async addScreening(record: ScreeningRecord): Promise<void> {
    this.assertOpen();
    const checked = checkRecord(SCREENING, record);
    const file = this.caseFile(checked.caseId);
    return this.queue.run(checked.conversationId, async () => {
      // The chat's list first: a crash before the screening is written leaves a name without a file, never a file erasure cannot find.
      const cases = await this.readCases(checked.conversationId);
      if (!cases.includes(checked.caseId)) this.writeCases(checked.conversationId, [...cases, checked.caseId]);
      await this.summaries.add(dayOf(checked.createdAt), checked, () => {
        mkdirSync(dirname(file), { recursive: true });
        new JSONFileSync<ScreeningRecord>(file).write(checked);
      });
    });
  }

  async addRecheck(record: ScreeningRecord): Promise<void> {
    this.assertOpen();
    const checked = checkRecord(SCREENING, record);
    const file = this.layout.recheckFile(checked.caseId, checked.rulesVersion)!;
    return this.queue.run(checked.conversationId, async () => {
      if (!(await this.getScreening(checked.caseId))) throw new RangeError(`no stored screening ${checked.caseId} to keep a re-check beside`);
      await new JSONFile<ScreeningRecord>(file).write(checked);
    });
  }

  async rechecksOf(caseId: string): Promise<ScreeningRecord[]> {
    this.assertOpen();
    const day = dayOfCaseId(caseId);
    if (day === null) return [];
    const dir = this.layout.dayDir(day);
    const names = (await namesIn(dir)).filter((name) => isRecheckOf(caseId, name)).sort();
    const records = await Promise.all(names.map((name) => readRecord(join(dir, name), SCREENING, (r) => r.caseId === caseId, this.reader)));
    return records.filter((r): r is ScreeningRecord => r !== null);
  }

  async getScreening(caseId: string): Promise<ScreeningRecord | null> {
    this.assertOpen();
    const file = this.layout.caseFile(caseId);
    return file === null ? null : readRecord(file, SCREENING, (r) => r.caseId === caseId, this.reader);
  }

  async casesOf(conversationId: string): Promise<string[]> {
    this.assertOpen();
    if (!isConversationId(conversationId)) return [];
    return this.queue.run(conversationId, () => this.readCases(conversationId));
  }

  /** Reads one day folder at a time, so memory holds at most one day's screenings. */
  async *screenings(from: string, to: string): AsyncIterable<ScreeningRecord> {
    this.assertOpen();
    const days = (await daysIn(this.layout)).filter((day) => day >= dayOf(from) && day <= dayOf(to));
    // A few day folders are read ahead while the caller works on one: a folder holds few files,
    // and reading them one folder at a time left the disk idle (re-checking every stored screening).
    const ahead: Promise<ScreeningRecord[]>[] = [];
    const readAhead = (upTo: number) => {
      while (ahead.length < Math.min(upTo, days.length)) {
        const read = this.screeningsOfDay(days[ahead.length]!, from, to);
        read.catch(() => undefined);
        ahead.push(read);
      }
    };
    for (let i = 0; i < days.length; i++) {
      readAhead(i + DAYS_READ_AHEAD);
      const records = await ahead[i]!;
      ahead[i] = NOTHING_LEFT;
      yield* records;
    }
  }

  private async screeningsOfDay(day: string, from: string, to: string): Promise<ScreeningRecord[]> {
    const dir = this.layout.dayDir(day);
    const names = (await namesIn(dir)).filter(isRecordFile);
    const records = await Promise.all(
      names.map(async (name) => {
        const file = join(dir, name);
        const read = await skippingOddFile(this.logger, "listing screenings", file, () => readRecord(file, SCREENING, (r) => `${r.caseId}.json` === name, this.reader));
        return read.ok ? read.value : null;
      }),
    );
    const inRange = records.filter((r): r is ScreeningRecord => r !== null && r.createdAt >= from && r.createdAt < to);
    return inRange.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.caseId.localeCompare(b.caseId));
  }

  async daySummaries(fromDay: string, toDay: string): Promise<Map<string, DaySummary>> {
    this.assertOpen();
    return this.summaries.days(fromDay, toDay);
  }

  async recordActivity(event: ActivityEvent): Promise<void> {
    this.assertOpen();
    return this.activityFiles.record(event);
  }

  async activity(fromDay: string, toDay: string): Promise<Map<string, DayActivity>> {
    this.assertOpen();
    return this.activityFiles.days(fromDay, toDay);
  }

  async deleteConversation(conversationId: string): Promise<ErasureReport> {
    this.assertOpen();
    if (!isConversationId(conversationId)) return { notErased: [] };
    return this.queue.run(conversationId, async () => {
      const notErased: string[] = [];
      const remove = async (file: string) => {
        if (!(await skippingOddFile(this.logger, "erasure", file, () => removeFile(file))).ok) notErased.push(file);
      };
      const caseIds = await this.casesToErase(conversationId);
      for (const caseId of caseIds) {
        await remove(this.caseFile(caseId));
        const dir = this.layout.dayDir(dayOfCaseId(caseId)!);
        for (const name of (await namesIn(dir)).filter((n) => isRecheckOf(caseId, n))) await remove(join(dir, name));
      }
      for (const folder of new Set(caseIds.map((caseId) => dayOfCaseId(caseId)!))) await this.summaries.invalidate(folder);
      await skippingOddFile(this.logger, "erasure", this.layout.corrupt, () => removeCorruptCopies(this.layout, conversationId, caseIds, this.logger));
      if (!(await skippingOddFile(this.logger, "erasure", this.layout.outboxLog, () => this.outboxLog.removeWhere((entry) => entry.conversationId === conversationId))).ok) notErased.push(this.layout.outboxLog);
      this.chats.delete(conversationId);
      await remove(this.layout.conversationFile(conversationId));
      // Last: until the screenings are gone, this list is how a second attempt finds them.
      if (notErased.length === 0) await remove(this.layout.casesFile(conversationId));
      if (notErased.length > 0) this.logger.error("store: conversation erased in part; these files are left", { conversationId, notErased });
      else this.logger.info("store: conversation erased", { conversationId, screenings: caseIds.length });
      return { notErased };
    });
  }

  async putOutbox(entry: OutboxEntry): Promise<void> {
    this.assertOpen();
    checkOutboxEntryId(entry);
    return this.queue.run(entry.conversationId, () => this.outboxLog.put(entry));
  }

  async removeOutbox(id: string): Promise<void> {
    this.assertOpen();
    const conversationId = checkOutboxId(id);
    return this.queue.run(conversationId, () => this.outboxLog.remove(id));
  }

  async outbox(): Promise<OutboxEntry[]> {
    this.assertOpen();
    return this.outboxLog.entries();
  }

  /** `cutoff` is a date (YYYY-MM-DD): whole day folders before it go, and chats not updated since. */
  async purgeBefore(cutoff: string): Promise<number> {
    this.assertOpen();
    if (!isRealDate(cutoff)) throw new RangeError(`purgeBefore: cutoff must be a date YYYY-MM-DD, got ${JSON.stringify(cutoff)}`);
    let removed = 0;
    for (const day of await daysIn(this.layout)) {
      if (day >= cutoff) break;
      const dir = this.layout.dayDir(day);
      const count = (await namesIn(dir)).filter(isRecordFile).length;
      if ((await skippingOddFile(this.logger, "retention purge", dir, () => rm(dir, { recursive: true, force: true }))).ok) removed += count;
    }
    for (const name of await namesIn(this.layout.chats)) {
      const file = parseConversationFileName(name);
      if (!file) continue;
      const path = join(this.layout.chats, name);
      const purged = await skippingOddFile(this.logger, "retention purge", path, () =>
        this.queue.run(file.conversationId, () => (file.kind === "conversation" ? this.purgeConversation(file.conversationId, cutoff) : this.pruneCases(file.conversationId, cutoff))),
      );
      if (purged.ok) removed += purged.value;
    }
    await this.summaries.purgeBefore(cutoff);
    await this.activityFiles.purgeBefore(cutoff);
    const corrupt = await purgeCorruptBefore(this.layout, cutoff);
    const outbox = await this.outboxLog.removeWhere((entry) => (dayOfOutboxId(entry.id) ?? cutoff) < cutoff);
    this.logger.info("store: purged", { cutoff, removed, corrupt, outbox });
    return removed;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.queue.idle();
    await this.summaries.idle();
    await this.activityFiles.idle();
    await this.outboxLog.close();
    await releaseLock(this.layout.lock);
  }

  private assertOpen(): void {
    if (this.closed) throw new StoreClosedError(this.layout.dir);
  }

  private caseFile(caseId: string): string {
    const file = this.layout.caseFile(caseId);
    if (file === null) throw new Error(`not a case id: ${caseId}`);
    return file;
  }

  private cacheConversation(conversationId: string, data: ConversationRecord | null): LowSync<Frozen<ConversationRecord> | null> {
    const low = new LowSync<Frozen<ConversationRecord> | null>(new JournalFileSync(this.layout.conversationFile(conversationId)), deepFreeze(data));
    this.chats.set(conversationId, low);
    return low;
  }

  private async openConversation(conversationId: string): Promise<LowSync<Frozen<ConversationRecord> | null>> {
    const cached = this.chats.get(conversationId);
    if (cached) return cached;
    return this.cacheConversation(conversationId, await readRecord(this.layout.conversationFile(conversationId), CONVERSATION, (r) => r.conversationId === conversationId, this.reader));
  }

  /** The chat's own list; when that is unreadable or unusable, every screening naming the chat. */
  private async casesToErase(conversationId: string): Promise<string[]> {
    const file = this.layout.casesFile(conversationId);
    const loaded = await skippingOddFile(this.logger, "erasure", file, () => loadRecord(file, CONVERSATION_CASES, (r) => r.conversationId === conversationId, this.reader));
    if (loaded.ok && loaded.value.status === "ok") return loaded.value.value.cases;
    if (loaded.ok && loaded.value.status === "absent") return [];
    return scanCasesOfConversation(this.layout, conversationId, this.reader);
  }

  private async readCases(conversationId: string): Promise<string[]> {
    const cases = await readRecord(this.layout.casesFile(conversationId), CONVERSATION_CASES, (r) => r.conversationId === conversationId, this.reader);
    return cases?.cases ?? [];
  }

  private writeCases(conversationId: string, cases: string[]): void {
    const record: ConversationCases = { schema: CONVERSATION_CASES_VERSION, conversationId, cases };
    new JSONFileSync<ConversationCases>(this.layout.casesFile(conversationId)).write(record);
  }

  private async purgeConversation(conversationId: string, cutoff: string): Promise<number> {
    // Read without caching: a purge visits every chat, and should not push the active ones out of the cache.
    const cached = this.chats.get(conversationId);
    const record = cached ? cached.data : await readRecord(this.layout.conversationFile(conversationId), CONVERSATION, (r) => r.conversationId === conversationId, this.reader);
    if (record === null || record.updatedAt >= cutoff) return 0;
    this.chats.delete(conversationId);
    return (await removeFile(this.layout.conversationFile(conversationId))) ? 1 : 0;
  }

  /** Drops purged cases from a chat's list; the list goes when none is left. Counts nothing itself. */
  private async pruneCases(conversationId: string, cutoff: string): Promise<number> {
    const cases = await this.readCases(conversationId);
    const kept = cases.filter((caseId) => (dayOfCaseId(caseId) ?? "") >= cutoff);
    if (kept.length === 0) await removeFile(this.layout.casesFile(conversationId));
    else if (kept.length < cases.length) this.writeCases(conversationId, kept);
    return 0;
  }
}
