export interface MultipartFile {
  filename: string;
  /** undefined when the part carries no Content-Type header (telegraf never sends one). */
  contentType: string | undefined;
  data: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  files: Record<string, MultipartFile>;
}

export class MultipartError extends Error {
  override name = "MultipartError";
}

const CRLF = Buffer.from("\r\n");
const HEADER_END = Buffer.from("\r\n\r\n");

export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/**
 * Parses a complete multipart/form-data body (RFC 7578). Tolerant of what telegraf's
 * MultipartStream writes: headers without a space after the colon and no CRLF after the
 * closing delimiter.
 */
export function parseMultipart(body: Buffer, boundary: string): MultipartForm {
  const opening = Buffer.from(`--${boundary}`);
  const separator = Buffer.from(`\r\n--${boundary}`);
  const form: MultipartForm = { fields: {}, files: {} };

  let cursor = body.indexOf(opening);
  if (cursor < 0) throw new MultipartError(`boundary "${boundary}" not found in body`);
  cursor += opening.length;
  while (!startsWith(body, cursor, "--")) {
    if (!startsWith(body, cursor, "\r\n")) throw new MultipartError("expected CRLF after boundary");
    const partStart = cursor + CRLF.length;
    const partEnd = body.indexOf(separator, partStart);
    if (partEnd < 0) throw new MultipartError("closing boundary missing");
    addPart(form, body.subarray(partStart, partEnd));
    cursor = partEnd + separator.length;
  }
  return form;
}

function startsWith(body: Buffer, at: number, text: string): boolean {
  return body.toString("latin1", at, at + text.length) === text;
}

function addPart(form: MultipartForm, part: Buffer): void {
  const headerEnd = part.indexOf(HEADER_END);
  if (headerEnd < 0) throw new MultipartError("part without header terminator");
  const headers = parseHeaders(part.subarray(0, headerEnd).toString("utf8"));
  const data = part.subarray(headerEnd + HEADER_END.length);
  const disposition = dispositionParams(headers.get("content-disposition") ?? "");
  const name = disposition.get("name");
  if (name === undefined) throw new MultipartError("part without a name in Content-Disposition");
  const filename = disposition.get("filename");
  if (filename === undefined) {
    form.fields[name] = data.toString("utf8");
  } else {
    form.files[name] = { filename, contentType: headers.get("content-type"), data: Buffer.from(data) };
  }
}

function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

function dispositionParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of value.matchAll(pattern)) {
    const [, key, quoted, bare] = match;
    if (key) params.set(key.toLowerCase(), quoted?.replace(/\\(.)/g, "$1") ?? bare?.trim() ?? "");
  }
  return params;
}
