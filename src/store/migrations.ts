/**
 * Stored records carry `schema`, their format version. A record written by an older version is
 * brought up to date on read, one version at a time: `steps[n]` turns version n into n + 1.
 * A record without `schema` is version 0. Nothing is rewritten on read; the next write saves the
 * current format.
 *
 * To change a record's format: bump its version, add `steps[old]` next to its schema in
 * `records.ts`, and add a test that reads a file in the old format.
 */
export type Migration = (record: Record<string, unknown>) => Record<string, unknown>;
export type Migrations = Readonly<Record<number, Migration>>;

/** A record from a newer version of the program: kept on disk untouched, never guessed at. */
export class RecordVersionError extends Error {
  constructor(
    readonly file: string,
    readonly version: number,
    readonly supported: number,
  ) {
    super(`${file}: schema ${version} was written by a newer version of the program (this one reads up to ${supported}); run that version, or add a migration`);
    this.name = "RecordVersionError";
  }
}

export type Migrated = { ok: true; value: Record<string, unknown> } | { ok: false; problem: string };

export function migrate(raw: unknown, current: number, steps: Migrations, file: string): Migrated {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return { ok: false, problem: "not a JSON object" };
  let record = raw as Record<string, unknown>;
  const version = record.schema ?? 0;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 0) return { ok: false, problem: "schema: must be a whole number" };
  if (version > current) throw new RecordVersionError(file, version, current);
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (!step) return { ok: false, problem: `schema ${v}: no migration to ${v + 1}` };
    record = { ...step(record), schema: v + 1 };
  }
  return { ok: true, value: record };
}
