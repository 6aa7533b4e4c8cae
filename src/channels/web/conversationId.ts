import { randomBytes } from "node:crypto";
import { z } from "zod";

/** `web:` and 22 base64url characters: 128 random bits, so an id cannot be guessed. */
export const webConversationIdSchema = z.string().regex(/^web:[A-Za-z0-9_-]{22}$/, { error: "must be a conversation id made by POST /api/v1/conversations (web: and 22 characters)" });

export function newWebConversationId(): string {
  return `web:${randomBytes(16).toString("base64url")}`;
}
