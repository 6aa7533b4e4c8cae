import { mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { addActivity, dayActivitySchema, emptyActivity, type ActivityEvent, type DayActivity } from "./activity.js";
import { beijingDayOf, daysBetween } from "./beijingDay.js";
import { JournalFileSync, journalRecord } from "./journalFile.js";
import { KeyedGroups, KeyedQueue, type Waiting } from "./keyedQueue.js";
import { namesIn, removeFile } from "./layout.js";
import { LruCache } from "../lruCache.js";

const ACTIVITY_VERSION = 1;
const activityFileSchema = z.strictObject({ schema: z.literal(ACTIVITY_VERSION), day: z.string(), ...dayActivitySchema.shape });
type ActivityFile = z.infer<typeof activityFileSchema>;

/** A day's counts in memory, and the journal they are written to (it knows whether it may append). */
interface OpenDay {
  file: ActivityFile;
  journal: JournalFileSync<ActivityFile>;
}

/** Days kept in memory: today and the days a dashboard looks at. */
const DAYS_KEPT = 64;

/**
 * One small file per Beijing day under `stats/activity/`, saved when an event is counted (a
 * screening begun, a FAQ question refused: one per conversation at most, not one per answer);
 * at a busy hour the events that come before the day's queue gets to them share one write. The
 * file is a journal (JournalFileSync): the day's counts are appended as a line and the file is
 * rewritten now and then, since a file replaced on every event cost a rename each time. It is
 * written synchronously, as the store's other per-turn files are (LowdbStore).
 */
export class ActivityFiles {
  private readonly cache = new LruCache<string, OpenDay>(DAYS_KEPT);
  private readonly queue = new KeyedQueue<string>();
  private readonly events = new KeyedGroups<string, ActivityEvent>(this.queue, (day, group) => this.recordGroup(day, group));
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, "stats", "activity");
  }

  /** Counts an event in its day's file; events that come while that file is being written go in its next write together. */
  record(event: ActivityEvent): Promise<void> {
    return this.events.add(beijingDayOf(event.at), event);
  }

  private async recordGroup(day: string, group: Waiting<ActivityEvent>[]): Promise<void> {
    const { file, journal } = await this.open(day);
    for (const { item } of group) addActivity(file, item);
    mkdirSync(this.dir, { recursive: true });
    journal.write(file);
    for (const waiter of group) waiter.resolve();
  }

  async days(fromDay: string, toDay: string): Promise<Map<string, DayActivity>> {
    const out = new Map<string, DayActivity>();
    for (const day of daysBetween(fromDay, toDay)) {
      const { started, faqGaps } = await this.queue.run(day, async () => (await this.open(day)).file);
      if (Object.keys(started).length > 0 || faqGaps.length > 0) out.set(day, structuredClone({ started, faqGaps }));
    }
    return out;
  }

  async purgeBefore(cutoff: string): Promise<void> {
    for (const name of await namesIn(this.dir)) {
      const day = name.slice(0, -".json".length);
      if (!name.endsWith(".json") || day >= cutoff) continue;
      await this.queue.run(day, async () => {
        this.cache.delete(day);
        await removeFile(join(this.dir, name));
      });
    }
  }

  private async open(day: string): Promise<OpenDay> {
    const cached = this.cache.get(day);
    if (cached) return cached;
    const opened = { file: (await this.load(day)) ?? { schema: ACTIVITY_VERSION, day, ...emptyActivity() }, journal: new JournalFileSync<ActivityFile>(this.file(day)) };
    this.cache.set(day, opened);
    return opened;
  }

  /** An unreadable file holds only counts: it starts again from zero rather than stopping anything. */
  private async load(day: string): Promise<ActivityFile | null> {
    try {
      const parsed = activityFileSchema.safeParse(journalRecord(await readFile(this.file(day), "utf-8")));
      return parsed.success && parsed.data.day === day ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Resolves once every write queued so far has finished. */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private file(day: string): string {
    return join(this.dir, `${day}.json`);
  }
}
