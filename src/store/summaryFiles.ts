import { mkdirSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { JSONFileSync } from "lowdb/node";
import { z } from "zod";
import { addDays, beijingDayOf } from "./beijingDay.js";
import { addToSummary, daySummarySchema, emptySummary, mergeSummary, type DaySummary } from "./daySummary.js";
import { KeyedGroups, KeyedQueue, type Waiting } from "./keyedQueue.js";
import { isRecordFile, namesIn, removeFile, type Layout } from "./layout.js";
import { readRecord, type RecordReader } from "./recordFile.js";
import { SCREENING } from "./records.js";
import type { ScreeningRecord } from "./store.js";

const SUMMARY_VERSION = 1;

/**
 * The summary of one UTC day folder: its screenings counted by the Beijing day they were created
 * on (a UTC folder spans two Beijing days: 16:00 UTC is midnight in Beijing). `folderMtimeNs` is
 * the folder's modification time when the summary was last brought up to date: anything that
 * adds, removes or moves a file in the folder changes it, and the summary is then rebuilt.
 */
const folderSummarySchema = z.strictObject({
  schema: z.literal(SUMMARY_VERSION),
  folder: z.string(),
  folderMtimeNs: z.string(),
  days: z.record(z.string(), daySummarySchema),
});
type FolderSummary = z.infer<typeof folderSummarySchema>;

/**
 * Writes a screening's file synchronously. It returns undefined, not void, so that the type
 * checker refuses an async writer: its failure would come after the screening was counted.
 */
type WriteSync = () => undefined;

/**
 * How long a day's summary, once a screening is counted in it, is kept in memory alone before it
 * is saved: one save then serves every screening finished in that while. A summary not saved
 * when the process dies is stale on disk (its folder changed since), and rebuilt when next read.
 */
export const SAVE_AFTER_MS = 1_000;

/** A screening to write and count. */
interface Addition {
  record: ScreeningRecord;
  write: WriteSync;
}

/**
 * Day summaries of the stored screenings, one small file per UTC day folder under
 * `stats/screenings/`, kept up to date as screenings are stored and rebuilt from the folder when
 * missing or stale. Work on one folder (a screening stored, a rebuild) runs in that folder's
 * queue, so a summary never misses a screening written while it was being built.
 */
export class SummaryFiles {
  private readonly cache = new Map<string, FolderSummary>();
  private readonly queue = new KeyedQueue<string>();
  private readonly additions = new KeyedGroups<string, Addition>(this.queue, (folder, group) => this.addGroup(folder, group));
  /** Folders whose summary in memory has screenings its file has not. */
  private readonly unsaved = new Set<string>();
  private saveTimer: NodeJS.Timeout | undefined;
  readonly dir: string;

  constructor(
    private readonly layout: Layout,
    private readonly reader: RecordReader,
  ) {
    this.dir = join(layout.dir, "stats", "screenings");
  }

  /**
   * Writes a screening through `write`, then counts it in its folder's summary. Every screening
   * finished on a day goes through that day's folder queue, so those that come while it is busy
   * wait together and go in one turn: written one after another, then counted. The summary is
   * saved SAVE_AFTER_MS later, once for all the screenings counted meanwhile. A summary that
   * was stale already is left for the next read to rebuild: an applicant's turn never waits for
   * a whole folder to be read. The screening's file and the summary are written synchronously,
   * as a conversation is (LowdbStore): a few small files written on the event loop cost a
   * fraction of the thread pool's round trips for the same writes.
   */
  add(folder: string, record: ScreeningRecord, write: WriteSync): Promise<void> {
    return this.additions.add(folder, { record, write });
  }

  /** A folder changed in a way its summary cannot follow (an erasure): rebuilt when next read. */
  invalidate(folder: string): Promise<void> {
    return this.queue.run(folder, async () => {
      this.cache.delete(folder);
      await removeFile(this.file(folder));
    });
  }

  /** Removes the summaries of folders before the cutoff day (their screenings were purged). */
  async purgeBefore(cutoff: string): Promise<void> {
    for (const name of await namesIn(this.dir)) {
      const folder = name.slice(0, -".json".length);
      if (name.endsWith(".json") && folder < cutoff) await this.invalidate(folder);
    }
  }

  /** The Beijing days from `fromDay` to `toDay` (both included) with any screening, summed per day. */
  async days(fromDay: string, toDay: string): Promise<Map<string, DaySummary>> {
    const out = new Map<string, DaySummary>();
    // Beijing day D starts at 16:00 UTC of D − 1: its screenings are in folders D − 1 and D.
    const folders: string[] = [];
    for (let folder = addDays(fromDay, -1); folder <= toDay; folder = addDays(folder, 1)) folders.push(folder);
    const summaries = await Promise.all(folders.map((folder) => this.queue.run(folder, () => this.current(folder))));
    for (const summary of summaries) {
      for (const [day, counts] of Object.entries(summary.days)) {
        if (day < fromDay || day > toDay) continue;
        const into = out.get(day) ?? emptySummary();
        mergeSummary(into, counts);
        out.set(day, into);
      }
    }
    return out;
  }

  /**
   * The screenings waiting for the folder: written, then those written counted. A write that
   * fails fails its own screening alone; a summary that cannot be read fails them all, as it
   * failed each one when they went one at a time. Run in the folder's queue.
   */
  private async addGroup(folder: string, group: Waiting<Addition>[]): Promise<void> {
    const summary = await this.fresh(folder);
    const written = group.filter((waiter) => {
      try {
        waiter.item.write();
        return true;
      } catch (error) {
        waiter.reject(error);
        return false;
      }
    });
    if (summary && written.length > 0) {
      for (const { item } of written) addToSummary((summary.days[beijingDayOf(item.record.createdAt)] ??= emptySummary()), item.record);
      summary.folderMtimeNs = folderMtime(this.layout.dayDir(folder));
      this.cache.set(folder, summary);
      this.saveLater(folder);
    }
    for (const waiter of written) waiter.resolve();
  }

  /** The folder's summary from memory or its file if it is up to date, else null. Run in the folder's queue. */
  private async fresh(folder: string): Promise<FolderSummary | null> {
    const mtime = folderMtime(this.layout.dayDir(folder));
    if (mtime === "absent") return { schema: SUMMARY_VERSION, folder, folderMtimeNs: mtime, days: {} };
    const known = this.cache.get(folder) ?? (await this.load(folder));
    if (known?.folderMtimeNs !== mtime) return null;
    this.cache.set(folder, known);
    return known;
  }

  /** The folder's summary, up to date: from memory, from its file, or rebuilt from the folder. Run in the folder's queue. */
  private async current(folder: string): Promise<FolderSummary> {
    const known = await this.fresh(folder);
    if (known) return known;
    const rebuilt = await this.rebuild(folder);
    this.save(rebuilt);
    return rebuilt;
  }

  private async rebuild(folder: string): Promise<FolderSummary> {
    const dir = this.layout.dayDir(folder);
    const summary: FolderSummary = { schema: SUMMARY_VERSION, folder, folderMtimeNs: "absent", days: {} };
    const names = (await namesIn(dir)).filter(isRecordFile);
    // In slices: a folder may hold thousands of screenings, and each read holds a file open.
    for (let i = 0; i < names.length; i += 256) {
      const records = await Promise.all(names.slice(i, i + 256).map((name) => readRecord(join(dir, name), SCREENING, (r) => `${r.caseId}.json` === name, this.reader)));
      for (const record of records) if (record) addToSummary((summary.days[beijingDayOf(record.createdAt)] ??= emptySummary()), record);
    }
    // Taken after the reads: a record moved aside as unreadable changed the folder.
    summary.folderMtimeNs = folderMtime(dir);
    return summary;
  }

  private async load(folder: string): Promise<FolderSummary | null> {
    let text: string;
    try {
      text = await readFile(this.file(folder), "utf-8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
    try {
      const parsed = folderSummarySchema.safeParse(JSON.parse(text));
      // A summary that does not parse is only a cache: rebuilt from the screenings.
      return parsed.success && parsed.data.folder === folder ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private save(summary: FolderSummary): void {
    this.cache.set(summary.folder, summary);
    mkdirSync(this.dir, { recursive: true });
    new JSONFileSync<FolderSummary>(this.file(summary.folder)).write(summary);
  }

  private saveLater(folder: string): void {
    this.unsaved.add(folder);
    this.saveTimer ??= setTimeout(() => void this.saveUnsaved(), SAVE_AFTER_MS).unref();
  }

  /**
   * Saves the summaries counted in since their last save, each in its folder's queue. A failed
   * save is logged and changes nothing else: the file is only a cache, stale once its folder
   * changed, and rebuilt when next read.
   */
  private async saveUnsaved(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    const folders = [...this.unsaved];
    this.unsaved.clear();
    await Promise.all(folders.map((folder) => this.queue.run(folder, async () => {
      // An erasure since (invalidate) dropped it: nothing to save.
      const summary = this.cache.get(folder);
      if (!summary) return;
      try {
        this.save(summary);
      } catch (error) {
        this.reader.logger.warn("store: could not save a day's summary; it is rebuilt from its folder when next read", { folder, error: String(error) });
      }
    })));
  }

  /** Resolves once every write queued so far has finished, the summaries waiting to be saved included. */
  async idle(): Promise<void> {
    await this.saveUnsaved();
    await this.queue.idle();
  }

  private file(folder: string): string {
    return join(this.dir, `${folder}.json`);
  }
}

/** The folder's modification time in nanoseconds, as text; `absent` when there is no folder. */
function folderMtime(dir: string): string {
  try {
    return String(statSync(dir, { bigint: true }).mtimeNs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "absent";
    throw e;
  }
}
