import { z } from "zod";
import { actionSchema, COMMANDS } from "../../conversation/index.js";
import { articleSchema } from "../../faq/articles.js";
import { langSchema } from "../../i18n/lang.js";
import { caseIdSchema } from "../../store/caseId.js";
import { webConversationIdSchema } from "./conversationId.js";

/**
 * Every input the API takes, and the shape of what it returns, as zod schemas: requests are
 * parsed with them, and the OpenAPI document is generated from them.
 */

const issue = z.object({ path: z.string(), message: z.string() });
export const problemSchema = z.object({ errors: z.array(issue) });

export const conversationHeadersSchema = z.object({ "x-conversation-id": webConversationIdSchema });
/** Header values are read with a bound: a hint longer than this is not a browser's. */
export const acceptLanguageSchema = z.string().max(500, { error: "must be at most 500 characters" }).optional();

export const createConversationSchema = z.strictObject({ lang: langSchema.optional() });

/** What a user did, as the web sends it: typed text, a button's action, or a command (/result, /report …). */
export const conversationInputSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("text"), text: z.string().min(1, { error: "must not be empty" }).max(4000, { error: "must be at most 4000 characters" }) }),
    z.strictObject({ type: z.literal("action"), action: actionSchema }),
    z.strictObject({ type: z.literal("command"), command: z.enum(COMMANDS), args: z.string().max(500, { error: "must be at most 500 characters" }).default("") }),
  ])
  ;

export const reportQuerySchema = z.strictObject({ case: caseIdSchema.optional() });
export const screenQuerySchema = z.strictObject({ lang: langSchema.default("en") });
export const askSchema = z
  .strictObject({
    question: z.string().trim().min(1, { error: "must not be empty" }).max(2000, { error: "must be at most 2000 characters" }),
    lang: langSchema.optional(),
  })
  ;

const choice = z.object({ label: z.string(), action: actionSchema });
const choices = z.array(z.array(choice));
const cardItem = z.object({
  id: z.string(),
  title: z.string(),
  status: z.enum(["eligible", "not_eligible", "needs_info"]),
  statusText: z.string(),
  amountText: z.string().nullable(),
  countedText: z.string().nullable(),
  reasons: z.array(z.string()),
  caps: z.array(z.string()),
  missing: z.array(z.string()),
  documents: z.array(z.string()),
});
export const resultCardSchema = z.object({ items: z.array(cardItem), totalText: z.string(), notes: z.array(z.string()), disclaimer: z.string() });
const questionView = z.object({
  key: z.string(),
  turn: z.number().int(),
  answer: z.enum(["yes_no", "single", "multi", "amount", "count", "text", "confirm"]),
  options: z.array(z.object({ label: z.string(), ticked: z.boolean() })),
  typingHint: z.string().optional(),
  buttonHint: z.string().optional(),
});

export const replySchema = z
  .discriminatedUnion("type", [
    z.object({ type: z.literal("notice"), text: z.string() }),
    z.object({ type: z.literal("message"), text: z.string(), choices: choices.optional(), inPlace: z.boolean().optional() }),
    z.object({ type: z.literal("question"), text: z.string(), choices, inPlace: z.boolean(), question: questionView }),
    z.object({ type: z.literal("result"), text: z.string(), final: z.boolean(), choices: choices.optional(), card: resultCardSchema }),
    z.object({ type: z.literal("document"), filename: z.string(), mediaType: z.enum(["text/html", "text/csv"]), content: z.string(), caption: z.string() }),
  ])
  ;

export const createdSchema = z.object({ conversationId: z.string(), lang: langSchema, replies: z.array(replySchema) });
export const viewSchema = z.object({ lang: langSchema, replies: z.array(replySchema) });
export const turnSchema = z.object({
  replies: z.array(replySchema),
  /** What took longer (an FAQ answer, an explanation), awaited by the server. */
  later: z.array(replySchema),
  outcome: z.enum(["ok", "stale", "forged", "refused", "ignored", "error", "dropped"]),
});
export const askReplySchema = z.object({ articles: z.array(z.string()), answer: z.string(), source: z.enum(["faq", "article", "llm"]) });
export const articlesSchema = z.object({ translationNote: z.string(), articles: z.array(articleSchema) });

/** The result file of docs/screening-format.md, as `screen --json` prints it. */
export const resultFileSchema = z.object({
  version: z.literal(1),
  rulesVersion: z.string(),
  asOf: z.string(),
  inForce: z.boolean(),
  items: z.array(
    z.object({
      id: z.string(),
      status: z.enum(["eligible", "not_eligible", "needs_info"]),
      maxSupport: z.number().nullable(),
      potentialMaxSupport: z.number().nullable(),
      missing: z.array(z.string()),
      reasons: z.array(z.string()),
      trace: z.array(z.string()),
      counted: z.boolean(),
      project: z.object({ index: z.number().int(), name: z.string().optional() }).nullable(),
    }),
  ),
  totalMaxSupport: z.number(),
  notes: z.array(z.string()),
});
