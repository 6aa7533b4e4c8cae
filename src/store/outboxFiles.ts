import { mkdir } from "node:fs/promises";
import { JSONFile } from "lowdb/node";
import type { Logger } from "../log.js";
import { isRecordFile, namesIn, removeFile, type Layout } from "./layout.js";
import { skippingOddFile } from "./oddFiles.js";
import { conversationOfOutboxId, dayOfOutboxId, isOutboxId, outboxOrder } from "./outboxId.js";
import { checkRecord, readRecord, type RecordReader } from "./recordFile.js";
import { OUTBOX, OUTBOX_ENTRY_VERSION, type OutboxFile } from "./records.js";
import type { OutboxEntry } from "./store.js";

/** The file store's outbox: one small file per batch of replies (see Layout), written atomically. */

export function checkOutboxId(id: string): string {
  const conversationId = conversationOfOutboxId(id);
  if (conversationId === null) throw new RangeError(`not an outbox id (make it with newOutboxId): ${JSON.stringify(id)}`);
  return conversationId;
}

export async function writeOutboxEntry(layout: Layout, entry: OutboxEntry): Promise<void> {
  if (checkOutboxId(entry.id) !== entry.conversationId) throw new RangeError(`outbox id ${entry.id} does not name conversation ${entry.conversationId}`);
  const record = checkRecord(OUTBOX, { schema: OUTBOX_ENTRY_VERSION, conversationId: entry.conversationId, createdAt: entry.createdAt, payload: entry.payload });
  const write = () => new JSONFile<OutboxFile>(layout.outboxFile(entry.id)).write(record);
  try {
    await write();
  } catch (e) {
    // The folder is made by the first reply stored, not looked for before every one.
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    await mkdir(layout.outbox, { recursive: true });
    await write();
  }
}

const idsIn = async (layout: Layout) => (await namesIn(layout.outbox)).filter(isRecordFile).map((name) => name.slice(0, -".json".length)).filter(isOutboxId);

/** Every readable entry, oldest first; an unreadable one is moved aside, an unusable one skipped. */
export async function readOutboxEntries(layout: Layout, reader: RecordReader): Promise<OutboxEntry[]> {
  const ids = (await idsIn(layout)).sort((a, b) => outboxOrder(a).localeCompare(outboxOrder(b)) || a.localeCompare(b));
  const entries: OutboxEntry[] = [];
  for (const id of ids) {
    const file = layout.outboxFile(id);
    const read = await skippingOddFile(reader.logger, "listing the outbox", file, () => readRecord(file, OUTBOX, (r) => r.conversationId === conversationOfOutboxId(id), reader));
    if (read.ok && read.value) entries.push({ id, conversationId: read.value.conversationId, createdAt: read.value.createdAt, payload: read.value.payload });
  }
  return entries;
}

/** Removes a conversation's entries, found by name; returns the files it could not remove. */
export async function removeOutboxOf(layout: Layout, conversationId: string, logger: Logger): Promise<string[]> {
  const left: string[] = [];
  for (const id of await idsIn(layout)) {
    if (conversationOfOutboxId(id) !== conversationId) continue;
    const file = layout.outboxFile(id);
    if (!(await skippingOddFile(logger, "erasure", file, () => removeFile(file))).ok) left.push(file);
  }
  return left;
}

/** Removes entries made before the cutoff day: they hold personal data, and were given up long ago. */
export async function purgeOutboxBefore(layout: Layout, cutoff: string, logger: Logger): Promise<number> {
  let removed = 0;
  for (const id of await idsIn(layout)) {
    if ((dayOfOutboxId(id) ?? cutoff) >= cutoff) continue;
    const file = layout.outboxFile(id);
    if ((await skippingOddFile(logger, "retention purge", file, () => removeFile(file))).ok) removed += 1;
  }
  return removed;
}
