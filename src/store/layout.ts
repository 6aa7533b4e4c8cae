import { readdir, unlink } from "node:fs/promises";
import { join } from "node:path";
import { dayOfCaseId } from "./caseId.js";

/**
 * Where the file store keeps things under DATA_DIR. Every write touches one small file, so its
 * cost does not grow with the number of chats or screenings:
 *
 *   .lock                                  pid of the one process that writes
 *   chats/<chatId>.json                    the chat record (rewritten on every answer)
 *   chats/<chatId>.cases.json              the chat's case ids (for erasure)
 *   screenings/YYYY-MM-DD/<caseId>.json    one finished screening, in the folder of its creation day
 *   corrupt/<file name>.<time>             unreadable files, moved aside
 */
export class Layout {
  readonly lock: string;
  readonly chats: string;
  readonly screenings: string;
  readonly corrupt: string;

  constructor(readonly dir: string) {
    this.lock = join(dir, ".lock");
    this.chats = join(dir, "chats");
    this.screenings = join(dir, "screenings");
    this.corrupt = join(dir, "corrupt");
  }

  chatFile(chatId: number): string {
    return join(this.chats, `${chatId}.json`);
  }

  chatCasesFile(chatId: number): string {
    return join(this.chats, `${chatId}.cases.json`);
  }

  dayDir(day: string): string {
    return join(this.screenings, day);
  }

  /** The file of a case, or null when the text is not a case id (it never becomes a path). */
  caseFile(caseId: string): string | null {
    const day = dayOfCaseId(caseId);
    return day === null ? null : join(this.dayDir(day), `${caseId}.json`);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CHAT_FILE = /^(-?\d{1,20})\.json$/;
const CHAT_CASES_FILE = /^(-?\d{1,20})\.cases\.json$/;
/** steno writes `.<name>.tmp` and renames it; a process killed in between leaves one behind. */
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

/** The chat id a file in `chats/` is about, and which of its two files it is. */
export function parseChatFileName(name: string): { chatId: number; kind: "chat" | "cases" } | null {
  const chat = CHAT_FILE.exec(name);
  if (chat) return { chatId: Number(chat[1]), kind: "chat" };
  const cases = CHAT_CASES_FILE.exec(name);
  return cases ? { chatId: Number(cases[1]), kind: "cases" } : null;
}

/** Removes temporary files of writes a killed process left half done; only safe under the lock. */
export async function removeTempFiles(layout: Layout): Promise<number> {
  const dirs = [layout.chats, ...(await daysIn(layout)).map((day) => layout.dayDir(day))];
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
