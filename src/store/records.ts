import { z } from "zod";
import { langSchema } from "../i18n/lang.js";
import { interviewStateSchema } from "../interview/state.js";
import { isoDate, screeningSchema } from "../engine/screening.js";
import { CONVERSATION_RECORD_VERSION, SCREENING_RECORD_VERSION, type ConversationRecord, type ScreeningRecord } from "./store.js";
import { caseIdSchema, dayOf, dayOfCaseId } from "./caseId.js";
import { conversationIdSchema } from "./conversationId.js";
import { journalRecord } from "./journalFile.js";
import type { Migrations } from "./migrations.js";
import { conversationOfOutboxId, isOutboxId } from "./outboxId.js";

/** What the file store accepts and reads back: every file is parsed with these, never trusted. */

const conversationId = conversationIdSchema;
const timestamp = z.iso.datetime({ offset: true, error: "must be an ISO timestamp, e.g. 2025-06-01T08:00:00.000Z" });
const fen = z.number().int().min(0);

/** Version 0 (before `schema` was written) named the language `language`. */
function renameLanguage(record: Record<string, unknown>): Record<string, unknown> {
  const { language, ...rest } = record;
  return { ...rest, lang: language };
}

export const conversationRecordSchema = z.strictObject({
  schema: z.literal(CONVERSATION_RECORD_VERSION),
  conversationId,
  lang: langSchema,
  interview: interviewStateSchema.nullable(),
  active: z.boolean(),
  llm: z.strictObject({ day: isoDate, calls: z.number().int().min(0) }),
  updatedAt: timestamp,
}) satisfies z.ZodType<ConversationRecord>;

/** Version 1 was Telegram's alone: a numeric `chatId`, which becomes the conversation `tg:<chatId>`. */
function toConversationId(record: Record<string, unknown>): Record<string, unknown> {
  const { chatId, ...rest } = record;
  return typeof chatId === "number" ? { ...rest, conversationId: `tg:${chatId}` } : record;
}

export const conversationMigrations: Migrations = { 0: renameLanguage, 1: toConversationId };

const itemStatus = z.enum(["eligible", "not_eligible", "needs_info"]);
const itemSummary = z.strictObject({
  id: z.string().min(1).max(20),
  status: itemStatus,
  maxSupportFen: fen.nullable(),
  potentialMaxSupportFen: fen.nullable(),
  project: z.number().int().min(1).nullable(),
  counted: z.boolean(),
  countedSupportFen: fen.optional(),
  missing: z.array(z.string().min(1).max(200)).max(100).optional(),
  nearMiss: z.string().min(1).max(60).optional(),
});

export const screeningRecordSchema = z
  .strictObject({
    schema: z.literal(SCREENING_RECORD_VERSION),
    caseId: caseIdSchema,
    conversationId,
    createdAt: timestamp,
    lang: langSchema,
    asOf: isoDate,
    inForce: z.boolean(),
    rulesVersion: z.string().min(1).max(100),
    screening: screeningSchema,
    items: z.array(itemSummary).max(200),
    totalMaxSupportFen: fen,
  })
  .refine((r) => dayOfCaseId(r.caseId) === dayOf(r.createdAt), {
    path: ["caseId"],
    error: "must name the day of createdAt (make it with newCaseId(createdAt))",
  }) satisfies z.ZodType<ScreeningRecord>;

/** Version 3 added the items' optional `missing` and `nearMiss`: a version 2 record is valid as it is. */
const unchanged = (record: Record<string, unknown>) => record;

export const screeningMigrations: Migrations = { 0: renameLanguage, 1: toConversationId, 2: unchanged };

export const CONVERSATION_CASES_VERSION = 2;

/** The case ids of one conversation, so that erasing it finds every screening it made, and its latest case is found without a scan. */
export const conversationCasesSchema = z.strictObject({
  schema: z.literal(CONVERSATION_CASES_VERSION),
  conversationId,
  cases: z.array(caseIdSchema),
});
export type ConversationCases = z.infer<typeof conversationCasesSchema>;

export const conversationCasesMigrations: Migrations = { 1: toConversationId };

export const OUTBOX_ENTRY_VERSION = 1;

/** A batch of undelivered replies as older versions kept it, one file each, its id the file name (legacyOutbox.ts); the outbox log's lines hold the same fields. */
export const outboxFileSchema = z.strictObject({
  schema: z.literal(OUTBOX_ENTRY_VERSION),
  conversationId,
  createdAt: timestamp,
  payload: z.json(),
});
export type OutboxFile = z.infer<typeof outboxFileSchema>;

const outboxId = z.string().refine(isOutboxId, "must be an outbox id (make it with newOutboxId)");

/** An entry whose id names its conversation, as newOutboxId makes it. */
const idNamingConversation = <T extends z.ZodType<{ id: string; conversationId: string }>>(schema: T) =>
  schema.refine((entry) => conversationOfOutboxId(entry.id) === entry.conversationId, { path: ["id"], error: "must name the entry's conversation" });

/** A line of the outbox log (outboxLog.ts): a batch kept, under its id, or a batch delivered. */
export const outboxLineSchema = z.union([z.strictObject({ put: idNamingConversation(outboxFileSchema.extend({ id: outboxId })) }), z.strictObject({ done: outboxId })]);
export type OutboxLine = z.infer<typeof outboxLineSchema>;

/** A batch's line but its payload, checked before it is written (outboxLog.ts says why the payload is not). */
export const outboxPutHeaderSchema = idNamingConversation(outboxFileSchema.omit({ payload: true }).extend({ id: outboxId }));
export type OutboxPutHeader = z.infer<typeof outboxPutHeaderSchema>;

/** How one kind of file is read: its current version, the way up to it, and its schema. */
export interface RecordKind<T> {
  name: string;
  version: number;
  migrations: Migrations;
  schema: z.ZodType<T>;
  /** The record in its file's text; JSON.parse unless its file is a journal. */
  parse?: (text: string) => unknown;
}

/** A conversation's file is a journal (JournalFileSync): saved on every answer, it is mostly appended to. */
export const CONVERSATION: RecordKind<ConversationRecord> = {
  name: "conversation",
  version: CONVERSATION_RECORD_VERSION,
  migrations: conversationMigrations,
  schema: conversationRecordSchema,
  parse: journalRecord,
};
export const SCREENING: RecordKind<ScreeningRecord> = {
  name: "screening",
  version: SCREENING_RECORD_VERSION,
  migrations: screeningMigrations,
  schema: screeningRecordSchema,
};
export const CONVERSATION_CASES: RecordKind<ConversationCases> = { name: "conversation cases", version: CONVERSATION_CASES_VERSION, migrations: conversationCasesMigrations, schema: conversationCasesSchema };
export const OUTBOX: RecordKind<OutboxFile> = { name: "outbox entry", version: OUTBOX_ENTRY_VERSION, migrations: {}, schema: outboxFileSchema };
