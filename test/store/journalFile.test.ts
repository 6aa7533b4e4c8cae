import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { JournalFileSync, journalRecord, MAX_APPENDS } from "../../src/store/journalFile.js";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "journal-"));
  dirs.push(dir);
  return join(dir, "tg_1.json");
}

const line = (n: number) => `${JSON.stringify({ n })}\n`;

describe("journalRecord", () => {
  it("reads a file that is one JSON document, compact or indented", () => {
    expect(journalRecord('{"n":1}\n')).toEqual({ n: 1 });
    expect(journalRecord(JSON.stringify({ n: 1, list: [1, "a"] }, null, 2))).toEqual({ n: 1, list: [1, "a"] });
  });

  it("reads the last line of a journal", () => {
    expect(journalRecord(line(1) + line(2) + line(3))).toEqual({ n: 3 });
  });

  it("skips a last line with no line break, cut short by a crash", () => {
    expect(journalRecord(`${line(1)}${line(2)}{"n":`)).toEqual({ n: 2 });
    expect(journalRecord(`${line(1)}{"n":3}`)).toEqual({ n: 1 });
  });

  it("throws a SyntaxError when no whole line is left, or when the last whole line is not JSON", () => {
    expect(() => journalRecord('{"n":')).toThrow(SyntaxError);
    expect(() => journalRecord("")).toThrow(SyntaxError);
    expect(() => journalRecord(`${line(1)}{"n":\n`)).toThrow(SyntaxError);
    expect(() => journalRecord(`${line(1)}not json\n{"n"`)).toThrow(SyntaxError);
  });
});

describe("JournalFileSync", () => {
  it("reads null for a file that does not exist, and the current record of one that does", () => {
    const file = newFile();
    const journal = new JournalFileSync<{ n: number }>(file);
    expect(journal.read()).toBeNull();
    writeFileSync(file, `${line(1)}${line(2)}{"n"`);
    expect(journal.read()).toEqual({ n: 2 });
  });

  it("rewrites the file at its first write, then appends, and rewrites again after MAX_APPENDS appends", () => {
    const file = newFile();
    writeFileSync(file, `${line(0)}{"n":`);
    const journal = new JournalFileSync<{ n: number }>(file);
    journal.write({ n: 1 });
    expect(readFileSync(file, "utf-8")).toBe(line(1));
    let expected = line(1);
    for (let n = 2; n <= MAX_APPENDS + 1; n++) {
      journal.write({ n });
      expected += line(n);
      expect(readFileSync(file, "utf-8")).toBe(expected);
    }
    journal.write({ n: MAX_APPENDS + 2 });
    expect(readFileSync(file, "utf-8")).toBe(line(MAX_APPENDS + 2));
  });

  it("rewrites the file at the write after one that failed, so it never appends after a line cut short", () => {
    const file = newFile();
    const journal = new JournalFileSync<{ n: number }>(file);
    journal.write({ n: 1 });
    // A directory in the file's place makes the append fail, as a full disk would.
    renameSync(file, `${file}.aside`);
    mkdirSync(file);
    expect(() => journal.write({ n: 2 })).toThrow();
    rmdirSync(file);
    renameSync(`${file}.aside`, file);
    appendFileSync(file, '{"n":2');
    journal.write({ n: 3 });
    expect(readFileSync(file, "utf-8")).toBe(line(3));
  });
});
