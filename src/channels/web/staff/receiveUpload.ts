import { createWriteStream } from "node:fs";
import { open, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { Context } from "hono";
import type { SheetFormat } from "../../../spreadsheet/index.js";
import { problem } from "../problems.js";

export type Received = { ok: true; file: string; format: SheetFormat; fileName: string } | { ok: false; response: Response };

class TooLarge extends Error {}

const tooLarge = (c: Context, limit: number) =>
  problem(c, 413, [{ path: "(body)", message: `the file must be at most ${limit} bytes (STAFF_UPLOAD_MAX_BYTES); split it into several files` }]);

/**
 * Writes an upload to `dir`: a raw body (the page sends the file itself, its name in
 * X-File-Name) or a multipart form's `file` field. Refused with 413 past `limit` bytes, read or
 * declared. The format comes from the media type or the name; failing both, an XLSX is told by
 * its ZIP signature and anything else is read as CSV (and refused by the reader if it is not).
 */
export async function receiveUpload(c: Context, dir: string, limit: number): Promise<Received> {
  const declared = Number(c.req.header("content-length") ?? Number.NaN);
  if (declared > limit) return { ok: false, response: tooLarge(c, limit) };
  const type = c.req.header("content-type") ?? "";
  const upload = join(dir, "upload");
  let fileName = decodeName(c.req.header("x-file-name"));
  let mediaType = type;
  try {
    if (/^multipart\/form-data\b/i.test(type)) {
      // Bounded by the route's body limit, declared or not.
      const form = await c.req.parseBody();
      const file = form.file;
      if (!(file instanceof File)) return { ok: false, response: problem(c, 400, [{ path: "file", message: "the form must carry the spreadsheet in a field named file" }]) };
      fileName = file.name || fileName;
      mediaType = file.type;
      await writeFile(upload, new Uint8Array(await file.arrayBuffer()));
    } else {
      const body = c.req.raw.body ? Readable.fromWeb(c.req.raw.body as NodeReadableStream<Uint8Array>) : Readable.from([]);
      await pipeline(body, byteLimit(limit), createWriteStream(upload));
    }
  } catch (error) {
    if (error instanceof TooLarge) return { ok: false, response: tooLarge(c, limit) };
    throw error;
  }
  return { ok: true, file: upload, format: await formatOf(mediaType, fileName, upload), fileName: fileName.slice(0, 255) };
}

function decodeName(header: string | undefined): string {
  if (!header) return "upload";
  try {
    return decodeURIComponent(header).replace(/\p{Cc}/gu, "").slice(0, 255) || "upload";
  } catch {
    return "upload";
  }
}

async function formatOf(mediaType: string, fileName: string, file: string): Promise<SheetFormat> {
  if (/\bcsv\b/i.test(mediaType) || /\.csv$/i.test(fileName)) return "csv";
  if (/spreadsheetml/i.test(mediaType) || /\.xlsx$/i.test(fileName)) return "xlsx";
  const handle = await open(file, "r");
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32BE(0) === 0x504b0304 ? "xlsx" : "csv";
  } finally {
    await handle.close();
  }
}

function byteLimit(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? new TooLarge() : null, chunk);
    },
  });
}
