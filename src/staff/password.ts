import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { z } from "zod";

/**
 * Slow salted password hashes (scrypt). The cost parameters are stored with each hash, so raising
 * SCRYPT_DEFAULTS later leaves old hashes verifiable; `needsRehash` says when to replace one.
 */
export interface ScryptCost {
  /** CPU and memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/**
 * One of OWASP's equivalent scrypt minimums (N = 2^15, r = 8, p = 3): 32 MiB per hash rather than
 * the 128 MiB of N = 2^17 at p = 1, so several sign-ins at once stay within a small server's memory.
 */
export const SCRYPT_DEFAULTS: ScryptCost = { N: 2 ** 15, r: 8, p: 3, keyLength: 32 };

export const MIN_PASSWORD_LENGTH = 12;
/** Hashing work grows with the input; a bound keeps a sign-in request from buying much of it. */
export const MAX_PASSWORD_LENGTH = 1024;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: "must be base64" });
export const passwordHashSchema = z.strictObject({
  algorithm: z.literal("scrypt"),
  N: z.number().int().min(2).refine((n) => (n & (n - 1)) === 0, { error: "must be a power of two" }),
  r: z.number().int().min(1).max(64),
  p: z.number().int().min(1).max(16),
  keyLength: z.number().int().min(16).max(128),
  salt: base64,
  hash: base64,
});
export type PasswordHash = z.infer<typeof passwordHashSchema>;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // Node refuses scrypt needing about 128·N·r bytes above maxmem (32 MiB by default), which N = 2^15 with r = 8 reaches.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFC"), salt, cost.keyLength, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

export async function hashPassword(password: string, cost: ScryptCost = SCRYPT_DEFAULTS): Promise<PasswordHash> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, cost);
  return { algorithm: "scrypt", ...cost, salt: salt.toString("base64"), hash: hash.toString("base64") };
}

export async function verifyPassword(password: string, stored: PasswordHash): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  const expected = Buffer.from(stored.hash, "base64");
  const actual = await derive(password, Buffer.from(stored.salt, "base64"), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export function needsRehash(stored: PasswordHash, cost: ScryptCost = SCRYPT_DEFAULTS): boolean {
  return stored.N < cost.N || stored.r < cost.r || stored.p < cost.p || stored.keyLength < cost.keyLength;
}

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `the password must have at least ${MIN_PASSWORD_LENGTH} characters (it has ${length})`;
  if (password.length > MAX_PASSWORD_LENGTH) return `the password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.trim() !== password) return "the password must not start or end with a space";
  return null;
}
