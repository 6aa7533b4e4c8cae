import { rm } from "node:fs/promises";
import { isRecordFile, namesIn, removeFile, type Layout } from "./layout.js";
import { skippingOddFile } from "./oddFiles.js";
import { compareOutboxIds, conversationOfOutboxId, isOutboxId } from "./outboxId.js";
import type { OutboxLog } from "./outboxLog.js";
import { readRecord, type RecordReader } from "./recordFile.js";
import { OUTBOX } from "./records.js";

/**
 * Before the outbox log, the store kept one file per batch in `outbox/`. When it opens, the
 * batches a stop left there go into the log, oldest first, and the folder goes; a file it cannot
 * read is moved aside as any unreadable record is. Returns how many batches it moved.
 */
export async function moveLegacyOutbox(layout: Layout, log: OutboxLog, reader: RecordReader): Promise<number> {
  const ids = (await namesIn(layout.legacyOutbox))
    .filter(isRecordFile)
    .map((name) => name.slice(0, -".json".length))
    .filter(isOutboxId)
    .sort(compareOutboxIds);
  let moved = 0;
  for (const id of ids) {
    const file = layout.legacyOutboxFile(id);
    const read = await skippingOddFile(reader.logger, "moving the outbox into its log", file, () => readRecord(file, OUTBOX, (r) => r.conversationId === conversationOfOutboxId(id), reader));
    if (!read.ok) continue;
    if (read.value) {
      await log.put({ id, conversationId: read.value.conversationId, createdAt: read.value.createdAt, payload: read.value.payload });
      moved += 1;
    }
    await removeFile(file);
  }
  // A file that could not be read stays for a person to look at, and its folder with it.
  if ((await namesIn(layout.legacyOutbox)).every((name) => !isRecordFile(name))) await rm(layout.legacyOutbox, { recursive: true, force: true });
  return moved;
}
