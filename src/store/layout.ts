import { readdir, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { dayOfCaseId } from "./caseId.js";

/**
 * Where the file store keeps things under DATA_DIR. Every write touches one small file, so its
 * cost does not grow with the number of conversations or screenings:
 *
 *   .lock                                  pid of the one process that writes
 *   chats/<channel>_<id>.json              a conversation (`tg:123` → tg_123.json): a journal, appended to on every
 *                                          answer, its last whole line current (journalFile.ts)
 *   chats/<channel>_<id>.cases.json        its case ids (for erasure and its latest case)
 *   screenings/YYYY-MM-DD/<caseId>.json    one finished screening, in the folder of its creation day
 *   screenings/YYYY-MM-DD/<caseId>.json.recheck-<rules version>
 *                                          its result under other rules (npm run recheck -- --save); not a
 *                                          `.json` name, so that listings and day summaries never read it
 *   outbox.jsonl                           replies not yet delivered, appended to (see outboxLog.ts)
 *   corrupt/<file name>.<time>             unreadable files, moved aside
 *   stats/screenings/YYYY-MM-DD.json       a day folder's screenings summed per Beijing day (for staff; rebuilt when stale)
 *   stats/activity/YYYY-MM-DD.json         per Beijing day: screenings begun per channel, FAQ questions refused or weakly matched
 *
 * Day folders are keyed by the UTC day of creation, as case ids are (`TZ-20250601-…`), so that a
 * case is found from its id alone; staff figures use Beijing days through the summaries.
 *
 * Version 1 named the files of Telegram chats by the bare chat id (`123.json`); the store renames
 * them when it opens (see migrateLegacyNames). Versions before the outbox log kept a file per
 * batch of replies in `outbox/`; the store moves them into the log when it opens (legacyOutbox.ts).
 */
export class Layout {
  readonly lock: string;
  readonly chats: string;
  readonly screenings: string;
  readonly corrupt: string;
  readonly outboxLog: string;
  readonly legacyOutbox: string;

  constructor(readonly dir: string) {
    this.lock = join(dir, ".lock");
    this.chats = join(dir, "chats");
    this.screenings = join(dir, "screenings");
    this.corrupt = join(dir, "corrupt");
    this.outboxLog = join(dir, "outbox.jsonl");
    this.legacyOutbox = join(dir, "outbox");
  }

  conversationFile(conversationId: string): string {
    return join(this.chats, `${fileStem(conversationId)}.json`);
  }

  casesFile(conversationId: string): string {
    return join(this.chats, `${fileStem(conversationId)}.cases.json`);
  }

  /** The file of an outbox entry in the folder of older versions; the id is checked by the caller (isOutboxId). */
  legacyOutboxFile(id: string): string {
    return join(this.legacyOutbox, `${id}.json`);
  }

  dayDir(day: string): string {
    return join(this.screenings, day);
  }

  /** The re-checked result of a case under a rules version, beside the case's file; null as caseFile. */
  recheckFile(caseId: string, rulesVersion: string): string | null {
    const file = this.caseFile(caseId);
    return file === null ? null : `${file}${RECHECK_MARK}${rulesVersion.replace(/[^A-Za-z0-9.+-]/g, "_")}`;
  }

  /** The file of a case, or null when the text is not a case id (it never becomes a path). */
  caseFile(caseId: string): string | null {
    const day = dayOfCaseId(caseId);
    return day === null ? null : join(this.dayDir(day), `${caseId}.json`);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** `tg:123` is kept as `tg_123`: a colon is not safe in every file system's names. */
const fileStem = (conversationId: string) => conversationId.replace(":", "_");
const CONVERSATION_FILE = /^([a-z][a-z0-9]{0,9})(?:_([A-Za-z0-9_-]{1,64}))?(\.cases)?\.json$/;
const LEGACY_FILE = /^(-?\d{1,20})(\.cases)?\.json$/;
/** lowdb (and the outbox log's rewrite) writes `.<name>.tmp` and renames it; a process killed in between leaves one behind. */
const TEMP_FILE = /^\..+\.tmp$/;

/** Names in a folder, or none when the folder does not exist. */
export async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
}

/** Day folders, oldest first. */
export async function daysIn(layout: Layout): Promise<string[]> {
  return (await namesIn(layout.screenings)).filter((name) => DAY.test(name)).sort();
}

export const isRecordFile = (name: string) => name.endsWith(".json") && !name.startsWith(".");

const RECHECK_MARK = ".recheck-";
/** Whether a file in a day folder is a re-checked result of the case (Layout.recheckFile). */
export const isRecheckOf = (caseId: string, name: string) => name.startsWith(`${caseId}.json${RECHECK_MARK}`);

/** The conversation a file in `chats/` is about, and which of its two files it is. */
export function parseConversationFileName(name: string): { conversationId: string; kind: "conversation" | "cases" } | null {
  const m = CONVERSATION_FILE.exec(name);
  if (!m) return null;
  return { conversationId: m[2] === undefined ? m[1]! : `${m[1]}:${m[2]}`, kind: m[3] ? "cases" : "conversation" };
}

/**
 * Renames version 1's files of Telegram chats (`123.json`, `123.cases.json`) to their
 * conversation names (`tg_123.json`); their contents are migrated when read. Returns how many.
 */
export async function migrateLegacyNames(layout: Layout): Promise<number> {
  let renamed = 0;
  for (const name of await namesIn(layout.chats)) {
    const m = LEGACY_FILE.exec(name);
    if (!m) continue;
    const id = `tg:${m[1]}`;
    await rename(join(layout.chats, name), m[2] ? layout.casesFile(id) : layout.conversationFile(id));
    renamed += 1;
  }
  return renamed;
}

/** Removes temporary files of writes a killed process left half done; only safe under the lock. */
export async function removeTempFiles(layout: Layout): Promise<number> {
  // The staff summaries are written the same way (summaryFiles.ts, activityFiles.ts).
  const stats = ["screenings", "activity"].map((kind) => join(layout.dir, "stats", kind));
  const dirs = [layout.dir, layout.chats, layout.legacyOutbox, ...stats, ...(await daysIn(layout)).map((day) => layout.dayDir(day))];
  let removed = 0;
  for (const dir of dirs) {
    for (const name of await namesIn(dir)) {
      if (!TEMP_FILE.test(name)) continue;
      await unlink(join(dir, name));
      removed += 1;
    }
  }
  return removed;
}

export async function removeFile(file: string): Promise<boolean> {
  try {
    await unlink(file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
}
