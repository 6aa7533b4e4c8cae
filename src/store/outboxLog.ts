import { closeSync, ftruncateSync, openSync, writeFileSync } from "node:fs";
import { copyFile, readFile, rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Logger } from "../log.js";
import { parseJsonLine } from "../validation/jsonLine.js";
import { KeyedGroups, KeyedQueue, type Waiting } from "./keyedQueue.js";
import { compareOutboxIds } from "./outboxId.js";
import { asidePath, checkRecord, InvalidRecordError, type RecordReader } from "./recordFile.js";
import { OUTBOX_ENTRY_VERSION, outboxLineSchema, outboxPutHeaderSchema, type OutboxLine, type OutboxPutHeader, type RecordKind } from "./records.js";
import type { OutboxEntry } from "./store.js";

/** Past this size the log is rewritten with only the batches still to deliver. */
export const REWRITE_AT_BYTES = 4 * 1024 * 1024;

/** The queue's one key: the log is one file. */
const LOG = "outbox.jsonl";

const OUTBOX_PUT: RecordKind<OutboxPutHeader> = { name: "outbox line", version: OUTBOX_ENTRY_VERSION, migrations: {}, schema: outboxPutHeaderSchema };

/**
 * The file store's outbox: one file of JSON lines, appended to. Keeping a batch appends a `put`
 * line, delivering it a `done` line; the batches still to deliver are also held in memory, and
 * read back from the file when the store opens. One append per change, where a file per batch
 * cost a create, a write, a rename and an unlink: more than half of what the files of one bot
 * update cost in CPU (the store section of `npm run bench`).
 *
 * Appends run one after another; lines queued while one is written go out together in the next
 * write. A crash can cut only the last line, which the next start skips with a warning. The
 * file is rewritten (a temporary file renamed over it) with just the batches left: at start,
 * past REWRITE_AT_BYTES (or twice its size after the last rewrite), after a failed write, and on
 * erasure and purge; and it is emptied whenever nothing is left to deliver. That is how the text
 * of delivered replies leaves the disk: at once when the bot is idle, within moments when it is busy.
 */
export class OutboxLog {
  /** The log open for appending; its writes are synchronous (see write). */
  private fd: number | null = null;
  private size = 0;
  private rewrittenSize = 0;
  /** Appends and rewrites, one after another, whether the ones before succeeded or not. */
  private readonly queue = new KeyedQueue<typeof LOG>();
  /** Lines appended while the queue is busy go out together in its next write. */
  private readonly lines = new KeyedGroups<typeof LOG, string>(this.queue, (_, group) => this.writeLines(group));
  /** A write failed, perhaps half done: the file is rewritten before the next line. */
  private broken = false;

  private constructor(
    private readonly file: string,
    private readonly live: Map<string, OutboxEntry>,
  ) {}

  /** Reads the log (a line it cannot use is left out, the file copied aside) and rewrites it with the batches left. */
  static async open(file: string, reader: RecordReader): Promise<OutboxLog> {
    const log = new OutboxLog(file, new Map());
    const unusable = log.read(await readText(file));
    if (unusable > 0) await keepCopy(file, unusable, reader);
    await log.rewrite();
    return log;
  }

  /** Every batch still to deliver, oldest first. */
  entries(): OutboxEntry[] {
    const ids = [...this.live.keys()].sort(compareOutboxIds);
    return ids.map((id) => structuredClone(this.live.get(id)!));
  }

  /** Keeps (or replaces) a batch; resolves once its line is written. */
  async put(batch: OutboxEntry): Promise<void> {
    const line = putLine(batch);
    const entry = { id: batch.id, conversationId: batch.conversationId, createdAt: batch.createdAt, payload: batch.payload };
    // In memory first: a rewrite that runs before the line is written must keep the batch.
    const before = this.live.get(entry.id);
    this.live.set(entry.id, entry);
    try {
      await this.append(line);
    } catch (error) {
      if (this.live.get(entry.id) === entry) {
        if (before) this.live.set(entry.id, before);
        else this.live.delete(entry.id);
      }
      throw error;
    }
  }

  /** Forgets a delivered batch; an unknown id writes nothing. */
  async remove(id: string): Promise<void> {
    if (!this.live.delete(id)) return;
    await this.append(`${JSON.stringify({ done: id })}\n`);
  }

  /** Forgets the batches `doomed` picks and rewrites the file, delivered replies left out too; returns how many went. */
  async removeWhere(doomed: (entry: OutboxEntry) => boolean): Promise<number> {
    let removed = 0;
    for (const entry of this.live.values()) {
      if (!doomed(entry)) continue;
      this.live.delete(entry.id);
      removed += 1;
    }
    await this.queue.run(LOG, () => this.rewrite());
    return removed;
  }

  /** Waits for the lines queued, then lets go of the file. */
  async close(): Promise<void> {
    await this.queue.run(LOG, async () => {
      if (this.fd !== null) closeSync(this.fd);
      this.fd = null;
    });
  }

  /** Applies each line in turn; returns how many could not be used. */
  private read(text: string): number {
    let unusable = 0;
    for (const line of text.split("\n")) {
      if (line === "") continue;
      const parsed = parseJsonLine(outboxLineSchema, line);
      if (!parsed) unusable += 1;
      else if ("put" in parsed) this.live.set(parsed.put.id, toEntry(parsed.put));
      else this.live.delete(parsed.done);
    }
    return unusable;
  }

  private append(line: string): Promise<void> {
    return this.lines.add(LOG, line);
  }

  /** The lines waiting, in one write; each waiter settles with it. */
  private async writeLines(group: Waiting<string>[]): Promise<void> {
    await this.write(group.map(({ item }) => item).join(""));
    for (const waiter of group) waiter.resolve();
  }

  private async write(text: string): Promise<void> {
    // Nothing waits: the lines queued are moot, and an empty file says so.
    if (this.live.size === 0) return this.empty();
    if (this.broken) return this.rewrite();
    // Synchronous, as a conversation's save is (JournalFileSync): a short append costs less held on
    // the event loop than handed to the thread pool and back.
    try {
      this.fd ??= openSync(this.file, "a");
      writeFileSync(this.fd, text);
    } catch (error) {
      this.broken = true;
      throw error;
    }
    this.size += Buffer.byteLength(text);
    // Twice what the last rewrite left, at least: batches piling up (Telegram down) are not rewritten on every line.
    if (this.size > Math.max(REWRITE_AT_BYTES, 2 * this.rewrittenSize)) await this.rewrite();
  }

  /** The file as the batches in memory say, written whole and renamed over the old one. */
  private async rewrite(): Promise<void> {
    const text = [...this.live.values()].map(putLine).join("");
    const temp = join(dirname(this.file), `.${basename(this.file)}.tmp`);
    await writeFile(temp, text);
    await rename(temp, this.file);
    if (this.fd !== null) closeSync(this.fd);
    this.fd = openSync(this.file, "a");
    this.size = Buffer.byteLength(text);
    this.rewrittenSize = this.size;
    this.broken = false;
  }

  private async empty(): Promise<void> {
    this.fd ??= openSync(this.file, "a");
    ftruncateSync(this.fd, 0);
    this.size = 0;
    this.rewrittenSize = 0;
    this.broken = false;
  }
}

const toEntry = ({ id, conversationId, createdAt, payload }: Extract<OutboxLine, { put: unknown }>["put"]): OutboxEntry => ({ id, conversationId, createdAt, payload });

/**
 * A batch's line. Its fields but the payload are checked; the payload is not walked through
 * (z.json() on every batch was a tenth of the bot's CPU per update spent on the store): written
 * by JSON.stringify, any value reads back as JSON, and only one JSON.stringify leaves out
 * (undefined, a function) would make an unreadable line, so that is refused.
 */
function putLine({ id, conversationId, createdAt, payload }: OutboxEntry): string {
  const header = checkRecord(OUTBOX_PUT, { id, schema: OUTBOX_ENTRY_VERSION, conversationId, createdAt });
  const payloadText = JSON.stringify(payload) as string | undefined;
  if (payloadText === undefined) throw new InvalidRecordError(OUTBOX_PUT.name, [`put.payload: must be a JSON value, got ${typeof payload}`]);
  return `{"put":${JSON.stringify(header).slice(0, -1)},"payload":${payloadText}}}\n`;
}

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf-8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return "";
    throw e;
  }
}

/** The bytes stay available for a person to look at, as an unreadable record file's do (recordFile.ts). */
async function keepCopy(file: string, unusable: number, { corruptDir, logger }: { corruptDir: string; logger: Logger }): Promise<void> {
  const copy = await asidePath(corruptDir, file);
  await copyFile(file, copy);
  logger.warn("store: outbox lines unreadable (a write cut short by a crash, or an edit), left out", { file, lines: unusable, copiedTo: copy });
}
