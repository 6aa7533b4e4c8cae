import type { CompiledRules } from "../rules/loadRules.js";
import { screenLines, type BatchFormat, type LinesSink } from "./screenLines.js";

/** What a chunk of a batch produced: the output's UTF-8 bytes, problems for stderr, and how many lines were invalid. */
export interface ChunkOutput {
  out: Uint8Array;
  err: string;
  invalid: number;
}

const encoder = new TextEncoder();
/** UTF-8 takes at most 3 bytes per UTF-16 unit. */
const MAX_BYTES_PER_UNIT = 3;

/**
 * Output bytes encoded a line at a time into one growing buffer: joining a chunk's lines into
 * one string first would make a string of megabytes per chunk, which the garbage collector
 * moves about and which must be flattened before it is encoded.
 */
class Utf8Sink implements LinesSink {
  // allocUnsafeSlow: a buffer of its own, never a slice of Node's shared pool, so it can be transferred.
  private bytes: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafeSlow(capacity);
  }

  write(text: string): void {
    const most = text.length * MAX_BYTES_PER_UNIT;
    if (this.bytes.length - this.length < most) {
      const grown = Buffer.allocUnsafeSlow(Math.max(2 * this.bytes.length, this.length + most));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    this.length += encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  bytesWritten(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/** Output per input byte to start with: a JSON result is about five times its line, a CSV row much less. */
const OUTPUT_PER_INPUT = { json: 6, csv: 1 };

const NEWLINE = 0x0a;

/**
 * The lines of a chunk, each decoded by itself: decoding the whole chunk at once would make a
 * string too large for the young generation. Line breaks are readline's, which numbered batch
 * lines before: \n, \r\n and a lone \r (rare, so looked for in the decoded line).
 */
function* linesOf(bytes: Buffer): Generator<string> {
  for (let start = 0; start < bytes.length; ) {
    const newline = bytes.indexOf(NEWLINE, start);
    const end = newline === -1 ? bytes.length : newline;
    const text = bytes.toString("utf8", start, end);
    start = end + 1;
    if (!text.includes("\r")) {
      yield text;
      continue;
    }
    const parts = (newline !== -1 && text.endsWith("\r") ? text.slice(0, -1) : text).split("\r");
    // A lone \r at the very end ends the last line; it does not start another.
    if (newline === -1 && parts.at(-1) === "") parts.pop();
    yield* parts;
  }
}

/**
 * Screens a chunk of whole batch lines given as UTF-8 bytes. The output comes back as bytes
 * too, in a buffer of its own, so a worker transfers it and the main thread writes it without
 * encoding it.
 */
export function screenChunk(bytes: Uint8Array, firstLine: number, format: BatchFormat, rules: CompiledRules, today: string): ChunkOutput {
  const lines = linesOf(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  const out = new Utf8Sink(Math.max(1024, bytes.length * OUTPUT_PER_INPUT[format]));
  const { err, invalid } = screenLines(lines, firstLine, format, rules, today, out);
  return { out: out.bytesWritten(), err, invalid };
}
