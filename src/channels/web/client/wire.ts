import * as z from "zod/mini";
import type { Action } from "../../../conversation/action.js";

/**
 * What the server sends, parsed before it is shown (the contract in WEB-CONTRACT.md; the reply
 * types in src/conversation/reply.ts). Actions are only ever sent back as they came: the server
 * checks them, so here they only need to be objects with a kind.
 */
const action = z.custom<Action>((value) => typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string");
const choice = z.object({ label: z.string(), action });
const choices = z.array(z.array(choice));

export const langSchema = z.enum(["zh", "en"]);
export type Lang = z.infer<typeof langSchema>;

const questionView = z.object({
  key: z.string(),
  turn: z.number(),
  answer: z.enum(["yes_no", "single", "multi", "amount", "count", "text", "confirm"]),
  options: z.array(z.object({ label: z.string(), ticked: z.boolean() })),
  typingHint: z.optional(z.string()),
  buttonHint: z.optional(z.string()),
});

const cardItem = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["eligible", "not_eligible", "needs_info"]),
  statusText: z.string(),
  amountText: z.nullable(z.string()),
  countedText: z.nullable(z.string()),
  reasons: z.array(z.string()),
  caps: z.array(z.string()),
  missing: z.array(z.string()),
  documents: z.array(z.string()),
});

const resultCard = z.object({ items: z.array(cardItem), totalText: z.string(), notes: z.array(z.string()), disclaimer: z.string() });

export const replySchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("notice"), text: z.string() }),
  z.object({ type: z.literal("message"), text: z.string(), choices: z.optional(choices), inPlace: z.optional(z.boolean()) }),
  z.object({ type: z.literal("question"), text: z.string(), choices, inPlace: z.boolean(), question: questionView }),
  z.object({ type: z.literal("result"), text: z.string(), final: z.boolean(), choices: z.optional(choices), card: resultCard }),
  z.object({ type: z.literal("document"), filename: z.string(), mediaType: z.string(), content: z.string(), caption: z.string() }),
]);

export type WireReply = z.infer<typeof replySchema>;
export type WireChoice = z.infer<typeof choice>;
export type QuestionReply = Extract<WireReply, { type: "question" }>;
export type ResultReply = Extract<WireReply, { type: "result" }>;
export type ResultCard = z.infer<typeof resultCard>;
export type CardItem = z.infer<typeof cardItem>;

const replies = z.array(replySchema);
export const reportLinkSchema = z.object({ url: z.string().check(z.regex(/^\/api\/v1\/reports\/[A-Za-z0-9_-]+$/)), expiresInSeconds: z.number() });
export const createdSchema = z.object({ conversationId: z.string().check(z.regex(/^web:[A-Za-z0-9_-]{22,64}$/)), lang: langSchema, replies });
export const viewSchema = z.object({ lang: langSchema, replies });
export const turnSchema = z.object({ replies, later: replies });

/** What the page sends as a turn (a subset of ConversationInput). */
export type TurnInput = { type: "text"; text: string } | { type: "action"; action: Action } | { type: "command"; command: "result" | "explain"; args: "" };
