import type { CompiledRules } from "../rules/loadRules.js";
import { screenLines, type BatchFormat } from "./screenLines.js";

/** What a chunk of a batch produced: the output's UTF-8 bytes, problems for stderr, and how many lines were invalid. */
export interface ChunkOutput {
  out: Uint8Array;
  err: string;
  invalid: number;
}

const encoder = new TextEncoder();

/**
 * Screens a chunk of whole batch lines given as UTF-8 bytes. The output comes back as bytes
 * too, in a buffer of its own (TextEncoder never hands out Node's shared pool), so a worker
 * transfers it and the main thread writes it without encoding it.
 */
export function screenChunk(bytes: Uint8Array, firstLine: number, format: BatchFormat, rules: CompiledRules, today: string): ChunkOutput {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8");
  const { out, err, invalid } = screenLines(text, firstLine, format, rules, today);
  return { out: encoder.encode(out), err, invalid };
}
