import { randomBytes } from "node:crypto";
import { z } from "zod";

/**
 * A case id names the day its screening was created (`TZ-20250601-7KQ3M2XA`), so the file store
 * finds a case in its day folder without an index, and a user reading it out can be helped by day.
 * The random part uses Crockford's base32: no I, L, O or U to misread.
 */
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_CHARS = 8;
const CASE_ID = /^TZ-(\d{4})(\d{2})(\d{2})-[0-9A-HJKMNP-TV-Z]{8}$/;

export const caseIdSchema = z.string().regex(CASE_ID, { error: "must be a case id like TZ-20250601-7KQ3M2XA (made by newCaseId)" });

/** The creation day of a record, as its ISO timestamp writes it: the key of its day folder. */
export function dayOf(timestamp: string): string {
  return timestamp.slice(0, 10);
}

/** A new case id for a screening created at `createdAt` (an ISO timestamp). */
export function newCaseId(createdAt: string, random: (size: number) => Uint8Array = randomBytes): string {
  const bytes = random(RANDOM_CHARS);
  let suffix = "";
  for (let i = 0; i < RANDOM_CHARS; i++) suffix += ALPHABET[bytes[i]! % ALPHABET.length];
  return `TZ-${dayOf(createdAt).replaceAll("-", "")}-${suffix}`;
}

/** The day (YYYY-MM-DD) a case id names, or null when the text is not a case id. */
export function dayOfCaseId(caseId: string): string | null {
  const m = CASE_ID.exec(caseId);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : null;
}
