import { z } from "zod";

/** Where an update comes from: its update id, the chat and whether that chat is a private one. */
interface Source {
  updateId: number;
  chatId: number;
  /** A one-to-one chat with a user; false for groups, supergroups and channels. */
  private: boolean;
  userId: number | null;
}

/** What one update asks of the bot, read from the fields this bot uses (zod: the update is outside input). */
export type Incoming = Source &
  (
    | { kind: "command"; languageCode?: string; command: string; args: string }
    | { kind: "text"; languageCode?: string; text: string }
    | { kind: "callback"; languageCode?: string; callbackId: string; data: string | undefined; messageId: number }
    | { kind: "other"; languageCode?: string }
    /** The user blocked (kicked) or unblocked the bot. */
    | { kind: "membership"; active: boolean }
  );

const from = z.object({ id: z.number().int(), language_code: z.string().max(35).optional() }).optional();
const chat = z.object({ id: z.number().int(), type: z.string().optional() });

const messageSchema = z.object({
  message_id: z.number().int(),
  chat,
  from,
  text: z.string().optional(),
  entities: z.array(z.object({ type: z.string(), offset: z.number().int(), length: z.number().int() })).optional(),
});

const updateSchema = z.object({
  update_id: z.number().int(),
  message: messageSchema.optional(),
  callback_query: z
    .object({ id: z.string().min(1), from: z.object({ id: z.number().int(), language_code: z.string().max(35).optional() }), data: z.string().optional(), message: z.object({ message_id: z.number().int(), chat }).optional() })
    .optional(),
  my_chat_member: z.object({ chat, from, new_chat_member: z.object({ status: z.string() }) }).optional(),
});

export const UPDATE_TYPES = ["message", "callback_query", "my_chat_member"] as const;

/** Reads an update; null for what the bot does not handle (channel posts, inline queries, malformed data). */
export function readIncoming(update: unknown, botUsername: string | undefined): Incoming | null {
  const parsed = updateSchema.safeParse(update);
  if (!parsed.success) return null;
  const { update_id: updateId, message, callback_query: query, my_chat_member: member } = parsed.data;
  const where = (c: z.infer<typeof chat>) => ({ updateId, chatId: c.id, private: c.type === "private" });
  if (query) {
    if (!query.message) return null;
    const base = { ...where(query.message.chat), userId: query.from.id, languageCode: query.from.language_code };
    return { kind: "callback", ...base, callbackId: query.id, data: query.data, messageId: query.message.message_id };
  }
  if (member) {
    const status = member.new_chat_member.status;
    return { kind: "membership", ...where(member.chat), userId: member.from?.id ?? null, active: status !== "kicked" && status !== "left" };
  }
  if (!message) return null;
  const base = { ...where(message.chat), userId: message.from?.id ?? null, languageCode: message.from?.language_code };
  if (message.text === undefined) return { kind: "other", ...base };
  const command = readCommand(message.text, message.entities ?? [], botUsername);
  if (command === "not_for_us") return null;
  return command ? { kind: "command", ...base, ...command } : { kind: "text", ...base, text: message.text };
}

function readCommand(text: string, entities: { type: string; offset: number; length: number }[], botUsername: string | undefined) {
  const entity = entities.find((e) => e.type === "bot_command" && e.offset === 0);
  if (!entity) return null;
  const [name, target] = text.slice(1, entity.length).split("@");
  // In a group, "/start@other_bot" is another bot's command.
  if (target !== undefined && botUsername !== undefined && target.toLowerCase() !== botUsername.toLowerCase()) return "not_for_us" as const;
  return { command: (name ?? "").toLowerCase(), args: text.slice(entity.length).trim() };
}
