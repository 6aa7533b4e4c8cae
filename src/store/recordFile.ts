import { mkdir, readFile, rename } from "node:fs/promises";
import { basename, join } from "node:path";
import type { Logger } from "../log.js";
import { toInputIssues, issueLine } from "../validation/issues.js";
import { migrate } from "./migrations.js";
import type { RecordKind } from "./records.js";

/** A record the program refuses to write, because it could not read it back. */
export class InvalidRecordError extends Error {
  constructor(
    readonly kind: string,
    readonly problems: string[],
  ) {
    super(`invalid ${kind} record, not stored:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "InvalidRecordError";
  }
}

/** Checks a record before it is written, so that nothing is written that would later be moved aside as corrupt. */
export function checkRecord<T>(kind: RecordKind<T>, record: unknown): T {
  const parsed = kind.schema.safeParse(record);
  if (!parsed.success) throw new InvalidRecordError(kind.name, toInputIssues(parsed.error).map(issueLine));
  return parsed.data;
}

export interface RecordReader {
  corruptDir: string;
  logger: Logger;
}

export type Loaded<T> = { status: "ok"; value: T } | { status: "absent" } | { status: "corrupt" };

/**
 * Reads, migrates and validates one record file. A file that is not JSON, or not a valid record
 * of its kind (or not the record its name promises), is moved to the corrupt folder with a
 * warning: the bot keeps running and the user starts again, while the bytes stay available for
 * a person to look at until the retention period ends.
 */
export async function loadRecord<T>(file: string, kind: RecordKind<T>, belongs: (record: T) => boolean, reader: RecordReader): Promise<Loaded<T>> {
  let text: string;
  try {
    text = await readFile(file, "utf-8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { status: "absent" };
    throw e;
  }
  let raw: unknown;
  try {
    raw = (kind.parse ?? JSON.parse)(text);
  } catch {
    return moveAside(file, kind, "not valid JSON (truncated or overwritten)", reader);
  }
  const migrated = migrate(raw, kind.version, kind.migrations, file);
  if (!migrated.ok) return moveAside(file, kind, migrated.problem, reader);
  const parsed = kind.schema.safeParse(migrated.value);
  if (!parsed.success) return moveAside(file, kind, toInputIssues(parsed.error).slice(0, 5).map(issueLine).join("; "), reader);
  if (!belongs(parsed.data)) return moveAside(file, kind, "its id does not match its file name", reader);
  return { status: "ok", value: parsed.data };
}

/** The record, or null when it is absent or was unreadable (and moved aside). */
export async function readRecord<T>(file: string, kind: RecordKind<T>, belongs: (record: T) => boolean, reader: RecordReader): Promise<T | null> {
  const loaded = await loadRecord(file, kind, belongs, reader);
  return loaded.status === "ok" ? loaded.value : null;
}

/** Where an unreadable file (or a copy of it) is put aside: in the corrupt folder, under its name and the time. */
export async function asidePath(corruptDir: string, file: string): Promise<string> {
  await mkdir(corruptDir, { recursive: true });
  return join(corruptDir, `${basename(file)}.${new Date().toISOString().replaceAll(":", "-")}`);
}

async function moveAside(file: string, kind: RecordKind<unknown>, problem: string, reader: RecordReader): Promise<Loaded<never>> {
  const aside = await asidePath(reader.corruptDir, file);
  try {
    await rename(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { status: "absent" };
    throw e;
  }
  reader.logger.warn("store: unreadable record moved aside, read as absent", { kind: kind.name, file, movedTo: aside, problem });
  return { status: "corrupt" };
}
