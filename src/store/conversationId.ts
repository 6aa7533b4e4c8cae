import { z } from "zod";

/**
 * A conversation id names the channel and the user's place in it, as a string every layer can
 * carry: `tg:123456` (a Telegram chat), `web:<random>` (a browser), `cli` (the terminal). The
 * channel part is a short lower-case word, so a new channel needs no change here.
 */
const CONVERSATION_ID = /^[a-z][a-z0-9]{0,9}(?::[A-Za-z0-9_-]{1,64})?$/;

export const conversationIdSchema = z.string().regex(CONVERSATION_ID, {
  error: "must be a conversation id like tg:123456 or web:… (a channel name, a colon, up to 64 of A–Z a–z 0–9 _ -)",
});

export const isConversationId = (id: string): boolean => CONVERSATION_ID.test(id);

/** The channel a conversation belongs to: `tg`, `web`, `cli`. */
export const channelOf = (conversationId: string): string => conversationId.split(":", 1)[0]!;

/** The conversation id of a Telegram chat. */
export const telegramConversationId = (chatId: number): string => `tg:${chatId}`;
