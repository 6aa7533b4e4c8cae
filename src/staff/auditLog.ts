import { appendFile, mkdir, open, stat } from "node:fs/promises";
import { dirname } from "node:path";
import type { Role } from "./accounts.js";
import { parseJsonLine } from "../validation/jsonLine.js";
import { auditEventSchema, type AuditAction, type AuditEntry, type AuditEvent } from "./auditEvent.js";

export interface AuditFilter {
  /** The account that acted. */
  name?: string;
  actions?: readonly AuditAction[];
  /** ISO timestamps: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  /** At most this many events, newest first (1–1000; default 100). */
  limit?: number;
}

export const AUDIT_READ_MAX = 1000;
const CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

export interface AuditPage {
  events: AuditEvent[];
  /** Lines that were not valid events (a line cut short by a crash, say), skipped. */
  skipped: number;
}

/**
 * The staff audit log: JSON Lines appended to one file, never rewritten. Appends are serialised
 * within the process, and each is one write of one whole line. Reading goes backwards from the
 * end, so the newest events cost the same however long the log has grown.
 */
export class AuditLog {
  private queue: Promise<void> = Promise.resolve();
  private checkedEnd = false;

  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    const event = auditEventSchema.parse({ ...entry, at: this.now().toISOString() });
    const run = this.queue.then(async () => {
      await mkdir(dirname(this.file), { recursive: true });
      // A crash mid-append can leave a line without its newline: start on a fresh line, so only that one line is lost.
      const prefix = this.checkedEnd ? "" : await this.separatorAfterCrash();
      this.checkedEnd = true;
      await appendFile(this.file, `${prefix}${JSON.stringify(event)}\n`, "utf8");
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async read(filter: AuditFilter = {}): Promise<AuditPage> {
    const limit = Math.min(Math.max(1, Math.floor(filter.limit ?? 100)), AUDIT_READ_MAX);
    const events: AuditEvent[] = [];
    let skipped = 0;
    for await (const line of linesNewestFirst(this.file)) {
      if (line.trim() === "") continue;
      const event = parseJsonLine(auditEventSchema, line);
      if (!event) {
        skipped += 1;
        continue;
      }
      // Lines are in append order, stamped by one machine's clock: once one is older than `from`, so is everything before it.
      if (filter.from !== undefined && event.at < filter.from) break;
      if (matches(event, filter)) events.push(event);
      if (events.length >= limit) break;
    }
    return { events, skipped };
  }

  private async separatorAfterCrash(): Promise<string> {
    let size: number;
    try {
      size = (await stat(this.file)).size;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return "";
      throw error;
    }
    if (size === 0) return "";
    const handle = await open(this.file, "r");
    try {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      return last[0] === NEWLINE ? "" : "\n";
    } finally {
      await handle.close();
    }
  }
}

/** Times are compared as text: every event is stamped by toISOString, which sorts in time order. */
function matches(event: AuditEvent, filter: AuditFilter): boolean {
  if (filter.name !== undefined && event.name !== filter.name) return false;
  if (filter.actions !== undefined && !filter.actions.includes(event.action)) return false;
  if (filter.to !== undefined && event.at >= filter.to) return false;
  return true;
}

/** The file's lines from the last to the first, reading fixed-size chunks from the end. */
async function* linesNewestFirst(file: string): AsyncIterable<string> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    let position = (await handle.stat()).size;
    // Bytes of the line that began before the chunk read so far; split on the newline byte, which never occurs inside a UTF-8 character.
    let tail = Buffer.alloc(0);
    while (position > 0) {
      const length = Math.min(CHUNK, position);
      position -= length;
      const chunk = Buffer.alloc(length);
      await handle.read(chunk, 0, length, position);
      let data = Buffer.concat([chunk, tail]);
      for (let end = data.lastIndexOf(NEWLINE); end >= 0; end = data.lastIndexOf(NEWLINE)) {
        yield data.subarray(end + 1).toString("utf8");
        data = data.subarray(0, end);
      }
      tail = Buffer.from(data);
    }
    if (tail.length > 0) yield tail.toString("utf8");
  } finally {
    await handle.close();
  }
}

export type AuditRead = { ok: true; page: AuditPage } | { ok: false; reason: "forbidden" };

/** The audit log as a member of staff may see it: admins only. */
export async function readAuditAs(viewer: { role: Role }, log: AuditLog, filter: AuditFilter): Promise<AuditRead> {
  if (viewer.role !== "admin") return { ok: false, reason: "forbidden" };
  return { ok: true, page: await log.read(filter) };
}
