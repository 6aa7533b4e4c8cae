import { randomBytes } from "node:crypto";

/**
 * A random token for the lines that fence the user's text in a prompt. Drawn per request and
 * never found in the text itself, so the text cannot close the fence and speak as instructions.
 */
export function fenceToken(text: string): string {
  for (;;) {
    const token = randomBytes(12).toString("hex");
    if (!text.includes(token)) return token;
  }
}
