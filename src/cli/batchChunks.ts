const NEWLINE = 0x0a;
const RETURN = 0x0d;

/**
 * About this much input goes to a worker at a time (some 170 lines of a typical batch). Measured
 * against 64 KiB, 256 KiB and 1 MiB on the 2-core machine: least CPU, because a chunk's buffers
 * (and a --json chunk's output, five times its size) are small enough for the allocator to
 * reuse freed memory instead of mapping fresh pages, whose first touch is costly there.
 */
export const CHUNK_BYTES = 128 * 1024;

/**
 * Whole lines of a batch's input, as bytes in a buffer of their own (so the buffer can be
 * transferred to a worker thread without a copy), and the number of its first line.
 */
export interface BatchChunk {
  bytes: Uint8Array;
  firstLine: number;
}

/**
 * Line breaks are those of readline, which numbered batch lines before: \n, \r\n and a lone
 * \r. A chunk ends at a \n, so no \r\n and no UTF-8 character is ever cut in two.
 */
export function countLines(bytes: Uint8Array): number {
  let lines = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) lines += 1;
  for (let at = bytes.indexOf(RETURN); at !== -1; at = bytes.indexOf(RETURN, at + 1)) if (bytes[at + 1] !== NEWLINE) lines += 1;
  return lines;
}

function joined(pieces: readonly Uint8Array[], size: number): Uint8Array {
  // allocUnsafeSlow: a buffer of its own, never a slice of Node's shared pool.
  const out = Buffer.allocUnsafeSlow(size);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

/**
 * Where `byte` last occurs, searching back from the newest piece to `from` (the first piece not
 * known to lack it), leaving out the last `held` bytes read.
 */
function lastByte(pieces: readonly Uint8Array[], from: number, byte: number, held = 0): { piece: number; at: number } | null {
  for (let piece = pieces.length - 1; piece >= from; piece--) {
    const bytes = pieces[piece]!;
    const end = bytes.length - 1 - (piece === pieces.length - 1 ? held : 0);
    // A negative offset would count from the end.
    const at = end < 0 ? -1 : bytes.lastIndexOf(byte, end);
    if (at !== -1) return { piece, at };
  }
  return null;
}

/**
 * Cuts a byte stream into chunks of whole lines of about `chunkBytes` each, at the last \n (or,
 * in a file whose lines end with a lone \r, at the last \r). A line longer than a chunk makes
 * its chunk longer; the bytes are searched once, not again at every read.
 */
export async function* batchChunks(input: AsyncIterable<Uint8Array | string>, chunkBytes = CHUNK_BYTES): AsyncGenerator<BatchChunk> {
  let pieces: Uint8Array[] = [];
  let size = 0;
  // pieces[0 .. searched) hold no \n, and pieces[0 .. searchedReturns) no lone \r.
  let searched = 0;
  let searchedReturns = 0;
  let firstLine = 1;
  for await (const read of input) {
    // A stream given an encoding yields text: cut its bytes all the same.
    const piece = typeof read === "string" ? Buffer.from(read) : read;
    pieces.push(piece);
    size += piece.length;
    if (size < chunkBytes) continue;
    // With no \n, a \r ends a line; not the last byte read, though: its \n may come with the next read.
    const cut = lastByte(pieces, searched, NEWLINE) ?? lastByte(pieces, searchedReturns, RETURN, 1);
    if (cut === null) {
      searched = pieces.length;
      // The newest piece again next time: its last byte may be a \r that the next read shows to be lone.
      searchedReturns = pieces.length - 1;
      continue;
    }
    const last = pieces[cut.piece]!;
    const head = [...pieces.slice(0, cut.piece), last.subarray(0, cut.at + 1)];
    pieces = [last.subarray(cut.at + 1), ...pieces.slice(cut.piece + 1)];
    const rest = pieces.reduce((sum, part) => sum + part.length, 0);
    const bytes = joined(head, size - rest);
    size = rest;
    searched = pieces.length;
    searchedReturns = 0;
    const lines = countLines(bytes);
    // Counted before the chunk is handed on: a worker's transfer leaves `bytes` empty here.
    yield { bytes, firstLine };
    firstLine += lines;
  }
  if (size > 0) yield { bytes: joined(pieces, size), firstLine };
}
