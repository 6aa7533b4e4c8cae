import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { batchChunks, countLines, type BatchChunk } from "../../src/cli/batchChunks.js";

async function chunksOf(pieces: string[], chunkBytes: number, encoding: BufferEncoding = "utf8"): Promise<BatchChunk[]> {
  const out: BatchChunk[] = [];
  for await (const chunk of batchChunks(Readable.from(pieces.map((piece) => Buffer.from(piece, encoding))), chunkBytes)) out.push(chunk);
  return out;
}

/** Line numbers as readline gives them (\n, \r\n or a lone \r end a line), each line's first byte. */
function readlineStarts(text: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === 0x0a || (text[i] === 0x0d && text[i + 1] !== 0x0a)) starts.push(i + 1);
  }
  return starts;
}

const INPUT = [
  '{"a":1}\r\n',
  "\n",
  '{"applicant":{"name":"数据中心 🚀 é"}}\n',
  "   \r\n",
  '{"old":"mac"}\r{"b":2}\n',
  `{"long":"${"x".repeat(300)}"}\n`,
  '{"last":"no newline"}',
].join("");

describe("batch chunks", () => {
  it("cut whole lines only, at a line break, and number each chunk's first line as readline would, at every chunk size", async () => {
    const bytes = Buffer.from(INPUT);
    const starts = readlineStarts(bytes);
    for (let size = 1; size <= bytes.length + 1; size++) {
      // The input arrives in pieces of 7 bytes, cutting characters and \r\n pairs in two.
      const pieces: string[] = [];
      for (let at = 0; at < bytes.length; at += 7) pieces.push(bytes.subarray(at, at + 7).toString("latin1"));
      const read = await chunksOf(pieces, size, "latin1");
      expect(Buffer.concat(read.map((chunk) => chunk.bytes)).equals(bytes)).toBe(true);
      let offset = 0;
      for (const chunk of read) {
        // Every chunk starts where a line starts.
        expect(starts.indexOf(offset)).not.toBe(-1);
        expect(chunk.firstLine).toBe(starts.indexOf(offset) + 1);
        offset += chunk.bytes.length;
      }
    }
  });

  it("cuts a file whose lines end with a lone \\r, never between a \\r and its \\n", async () => {
    const oldMac = Array.from({ length: 40 }, (_, i) => `{"line":${i + 1}}\r`).join("");
    const reads = oldMac.match(/[^]{1,20}/g)!;
    const chunks = await chunksOf(reads, 64);
    expect(chunks.length).toBeGreaterThan(5);
    expect(Buffer.concat(chunks.map((chunk) => chunk.bytes)).toString("utf8")).toBe(oldMac);
    for (const chunk of chunks) {
      const text = Buffer.from(chunk.bytes).toString("utf8");
      expect(text.endsWith("\r")).toBe(true);
      expect(text.startsWith(`{"line":${chunk.firstLine}}`)).toBe(true);
    }
    // A \r that ends a read may be the first half of a \r\n: the chunk waits for the next read.
    const split = await chunksOf(['{"a":1}\r', '\n{"b":2}\r\n'], 4);
    expect(split.map((chunk) => [Buffer.from(chunk.bytes).toString("utf8"), chunk.firstLine])).toEqual([['{"a":1}\r\n{"b":2}\r\n', 1]]);
  });

  it("keeps a line longer than the chunk size whole", async () => {
    const long = `{"name":"${"长".repeat(100)}"}\n`;
    const chunks = await chunksOf(["{}\n", long.slice(0, 50), long.slice(50), "{}\n"], 16);
    expect(chunks.map((chunk) => [Buffer.from(chunk.bytes).toString("utf8"), chunk.firstLine])).toEqual([["{}\n", 1], [long, 2], ["{}\n", 3]]);
  });

  it("gives each chunk a buffer of its own, which a worker can take without detaching anything else", async () => {
    const chunks = await chunksOf(["{}\n{}\n", "{}\n"], 4);
    for (const { bytes } of chunks) expect(bytes.buffer.byteLength).toBe(bytes.length);
  });

  it("cuts the bytes of a stream that yields text", async () => {
    const text = ["{}\n{", '"a":"é"}\n{}'];
    const chunks = [];
    for await (const chunk of batchChunks(Readable.from(text, { objectMode: true }), 4)) chunks.push([Buffer.from(chunk.bytes).toString("utf8"), chunk.firstLine]);
    expect(chunks).toEqual([["{}\n", 1], ['{"a":"é"}\n', 2], ["{}", 3]]);
  });

  it("gives no chunk for an empty input", async () => {
    expect(await chunksOf([], 4)).toEqual([]);
  });

  it("counts \\n, \\r\\n and a lone \\r as one line break each", () => {
    expect(countLines(Buffer.from("a\r\nb\nc\rd\r"))).toBe(4);
    expect(countLines(Buffer.from("no break"))).toBe(0);
  });
});
