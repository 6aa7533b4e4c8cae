import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { daysIn, isRecordFile, namesIn, removeFile, type Layout } from "./layout.js";
import type { Logger } from "../log.js";
import { skippingOddFile } from "./oddFiles.js";
import { readRecord, type RecordReader } from "./recordFile.js";
import { SCREENING } from "./records.js";

/**
 * The case ids of a chat found by reading every screening: only for erasing a chat whose own
 * list of cases was unreadable, so that no screening of it is left behind.
 */
export async function scanCasesOfConversation(layout: Layout, conversationId: string, reader: RecordReader): Promise<string[]> {
  const found: string[] = [];
  for (const day of await daysIn(layout)) {
    const dir = layout.dayDir(day);
    for (const name of (await namesIn(dir)).filter(isRecordFile)) {
      const caseId = name.slice(0, -".json".length);
      const file = join(dir, name);
      const read = await skippingOddFile(reader.logger, "erasure", file, () => readRecord(file, SCREENING, (r) => r.caseId === caseId, reader));
      if (read.ok && read.value?.conversationId === conversationId) found.push(caseId);
    }
  }
  return found;
}

/**
 * Removes the moved-aside copies of a chat's files: those named after the chat or one of its
 * cases, and any whose text names the chat id (an unreadable file cannot be parsed to ask).
 */
export async function removeCorruptCopies(layout: Layout, conversationId: string, caseIds: readonly string[], logger: Logger): Promise<void> {
  const prefixes = [layout.conversationFile(conversationId), layout.casesFile(conversationId)].map((file) => `${basename(file)}.`);
  prefixes.push(...caseIds.map((id) => `${id}.json.`));
  const mentions = mentionOf(conversationId);
  for (const name of await namesIn(layout.corrupt)) {
    const file = join(layout.corrupt, name);
    if (prefixes.some((p) => name.startsWith(p)) || mentions.test(await readFile(file, "utf-8").catch(() => ""))) await skippingOddFile(logger, "erasure", file, () => removeFile(file));
  }
}

/** `<name>.2025-06-01T08-00-00.000Z`: the time a file was moved aside. */
const ASIDE_STAMP = /\.(\d{4}-\d{2}-\d{2})T[\d-]+\.\d{3}Z$/;

/** Removes moved-aside files older than the retention cutoff: they hold personal data too. */
export async function purgeCorruptBefore(layout: Layout, cutoff: string): Promise<number> {
  let removed = 0;
  for (const name of await namesIn(layout.corrupt)) {
    const day = ASIDE_STAMP.exec(name)?.[1];
    if (day !== undefined && day < cutoff && (await removeFile(join(layout.corrupt, name)))) removed += 1;
  }
  return removed;
}

/** Text that names the conversation: its id, or for a Telegram chat version 1's numeric `chatId`. */
function mentionOf(conversationId: string): RegExp {
  const quoted = JSON.stringify(conversationId).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const telegram = /^tg:(-?\d+)$/.exec(conversationId)?.[1];
  const legacy = telegram === undefined ? "" : `|"chatId"\\s*:\\s*${telegram}(?![0-9])`;
  return new RegExp(`"conversationId"\\s*:\\s*${quoted}${legacy}`);
}
