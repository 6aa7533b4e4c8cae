import { appendFileSync } from "node:fs";
import type { SyncAdapter } from "lowdb";
import { TextFileSync } from "lowdb/node";

/** Versions of a record appended to its file before the file is rewritten with the newest alone. */
export const MAX_APPENDS = 15;

/**
 * The current record in a journal's text: the text itself when it is one JSON document (a file
 * just rewritten, or written whole by an earlier version), else its last whole line. A last
 * line with no line break is a write cut short by a crash, and the line before it is current.
 * Throws a SyntaxError when the current line is not JSON, as JSON.parse would.
 */
export function journalRecord(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (whole) {
    const end = text.endsWith("\n") ? text.length - 1 : text.lastIndexOf("\n");
    if (end <= 0) throw whole;
    return JSON.parse(text.slice(text.lastIndexOf("\n", end - 1) + 1, end));
  }
}

/**
 * A lowdb adapter for a record rewritten often (a conversation, on every answer): each write
 * appends the record as one line, and every MAX_APPENDS + 1 writes the file is rewritten with the
 * newest record alone, atomically (lowdb's TextFileSync: a temporary file renamed over it).
 *
 * Why not rewrite every time: replacing a file frees its old blocks and makes the kernel start
 * writing the new one out, which costs far more than appending. On the ext4 disk of the
 * development machine, putConversation took 0.22–0.25 ms on average when every save was a
 * rename, against 0.03–0.04 ms with this journal (the store section of `npm run bench`, three
 * runs of each, alternately). A conversation is saved synchronously, so the event loop waits
 * for whatever the save costs.
 *
 * Crash safety is that of the rename: an append cut short leaves a last line with no line break,
 * which readers skip (journalRecord), so the file reads as the record before, never as half of
 * one. An adapter appends only to a file it has itself rewritten and appended to whole since; its
 * first write, and any write after a failed one, rewrites the file, so a cut-short line is never
 * followed by another.
 */
export class JournalFileSync<T> implements SyncAdapter<T> {
  readonly #rewriter: TextFileSync;
  /** Whole lines appended since this adapter rewrote the file; null until it has, or after a failed write. */
  #appended: number | null = null;

  constructor(private readonly file: string) {
    this.#rewriter = new TextFileSync(file);
  }

  read(): T | null {
    const text = this.#rewriter.read();
    return text === null ? null : (journalRecord(text) as T);
  }

  write(data: T): void {
    const line = `${JSON.stringify(data)}\n`;
    const appended = this.#appended;
    this.#appended = null;
    if (appended === null || appended >= MAX_APPENDS) {
      this.#rewriter.write(line);
      this.#appended = 0;
    } else {
      appendFileSync(this.file, line);
      this.#appended = appended + 1;
    }
  }
}
