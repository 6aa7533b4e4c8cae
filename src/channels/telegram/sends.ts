import { z } from "zod";

/**
 * One thing to show in a chat, as plain data: what the outbox keeps on disk until it is
 * delivered, and parses again (zod) when it reads it back after a restart.
 */
const keyboardSchema = z.strictObject({
  inline_keyboard: z.array(z.array(z.strictObject({ text: z.string().min(1), callback_data: z.string().min(1).max(64) }))),
});

export const sendSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("text"), text: z.string(), keyboard: keyboardSchema.optional() }),
  /** Replaces a message's text and keyboard (a button's answer shown in place). */
  z.strictObject({ op: z.literal("edit"), messageId: z.number().int(), text: z.string(), keyboard: keyboardSchema.optional() }),
  /** Takes the buttons off a message whose answer comes as a new message. */
  z.strictObject({ op: z.literal("unbutton"), messageId: z.number().int() }),
  z.strictObject({ op: z.literal("document"), filename: z.string().min(1), content: z.string(), caption: z.string() }),
]);
export type Send = z.infer<typeof sendSchema>;

/** A batch of sends answering one update (or a later reply), in the order they are shown. */
export const batchSchema = z.strictObject({
  v: z.literal(1),
  chatId: z.number().int(),
  /** The update this answers, so that Telegram delivering it again after a crash is recognised. */
  updateId: z.number().int().nullable(),
  sends: z.array(sendSchema).min(1),
});
export type Batch = z.infer<typeof batchSchema>;
