import { randomBytes } from "node:crypto";

/**
 * An outbox entry's id: the conversation's file stem, then the time it was made and a counter,
 * `tg_123.1767225600000-00000a7f`. Sorting the part after the dot orders entries by creation;
 * the stem names the conversation, so that an entry is checked against its own conversation
 * field, and the retention purge dates it from its id alone.
 */
const OUTBOX_ID = /^([a-z][a-z0-9]{0,9})(?:_([A-Za-z0-9_-]{1,64}))?\.(\d{13})-([0-9a-f]{8})$/;

let counter = randomBytes(2).readUInt16BE();

export function newOutboxId(conversationId: string, now: Date): string {
  counter = (counter + 1) % 0x1_0000_0000;
  return `${conversationId.replace(":", "_")}.${String(now.getTime()).padStart(13, "0")}-${counter.toString(16).padStart(8, "0")}`;
}

export const isOutboxId = (id: string): boolean => OUTBOX_ID.test(id);

/** The conversation an outbox id names; null when the text is not an outbox id. */
export function conversationOfOutboxId(id: string): string | null {
  const m = OUTBOX_ID.exec(id);
  if (!m) return null;
  return m[2] === undefined ? m[1]! : `${m[1]}:${m[2]}`;
}

/** The conversation an outbox id names; a RangeError when the text is not an outbox id. */
export function checkOutboxId(id: string): string {
  const conversationId = conversationOfOutboxId(id);
  if (conversationId === null) throw new RangeError(`not an outbox id (make it with newOutboxId): ${JSON.stringify(id)}`);
  return conversationId;
}

/** An entry's id names its conversation, as newOutboxId makes it; a RangeError when it does not. */
export function checkOutboxEntryId(entry: { id: string; conversationId: string }): void {
  if (checkOutboxId(entry.id) !== entry.conversationId) throw new RangeError(`outbox id ${entry.id} does not name conversation ${entry.conversationId}`);
}

/** The key entries sort by: creation time, then the counter. */
const outboxOrder = (id: string): string => id.slice(id.indexOf(".") + 1);

/** Orders entries by creation, then by the whole id, so that the order is total. */
export const compareOutboxIds = (a: string, b: string): number => outboxOrder(a).localeCompare(outboxOrder(b)) || a.localeCompare(b);

/** The day (YYYY-MM-DD, UTC) an entry was made, for the retention purge. */
export function dayOfOutboxId(id: string): string | null {
  const m = OUTBOX_ID.exec(id);
  return m ? new Date(Number(m[3])).toISOString().slice(0, 10) : null;
}
