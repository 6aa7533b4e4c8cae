import { z } from "zod";
import { langSchema } from "../i18n/lang.js";
import { interviewStateSchema } from "../interview/state.js";
import { isoDate, screeningSchema } from "../engine/screening.js";
import { CHAT_RECORD_VERSION, SCREENING_RECORD_VERSION, type ChatRecord, type ScreeningRecord } from "./store.js";
import { caseIdSchema, dayOf, dayOfCaseId } from "./caseId.js";
import type { Migrations } from "./migrations.js";

/** What the file store accepts and reads back: every file is parsed with these, never trusted. */

const chatId = z.number().int().refine(Number.isSafeInteger, { error: "must be a Telegram chat id (a safe integer)" });
const timestamp = z.iso.datetime({ offset: true, error: "must be an ISO timestamp, e.g. 2025-06-01T08:00:00.000Z" });
const fen = z.number().int().min(0);

/** Version 0 (before `schema` was written) named the language `language`. */
function renameLanguage(record: Record<string, unknown>): Record<string, unknown> {
  const { language, ...rest } = record;
  return { ...rest, lang: language };
}

export const chatRecordSchema = z.strictObject({
  schema: z.literal(CHAT_RECORD_VERSION),
  chatId,
  lang: langSchema,
  interview: interviewStateSchema.nullable(),
  active: z.boolean(),
  llm: z.strictObject({ day: isoDate, calls: z.number().int().min(0) }),
  updatedAt: timestamp,
}) satisfies z.ZodType<ChatRecord>;

export const chatMigrations: Migrations = { 0: renameLanguage };

const itemStatus = z.enum(["eligible", "not_eligible", "needs_info"]);
const itemSummary = z.strictObject({
  id: z.string().min(1).max(20),
  status: itemStatus,
  maxSupportFen: fen.nullable(),
  potentialMaxSupportFen: fen.nullable(),
  project: z.number().int().min(1).nullable(),
  counted: z.boolean(),
  countedSupportFen: fen.optional(),
});

export const screeningRecordSchema = z
  .strictObject({
    schema: z.literal(SCREENING_RECORD_VERSION),
    caseId: caseIdSchema,
    chatId,
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

export const screeningMigrations: Migrations = { 0: renameLanguage };

export const CHAT_CASES_VERSION = 1;

/** The case ids of one chat, so that erasing a chat finds every screening it made. */
export const chatCasesSchema = z.strictObject({
  schema: z.literal(CHAT_CASES_VERSION),
  chatId,
  cases: z.array(caseIdSchema),
});
export type ChatCases = z.infer<typeof chatCasesSchema>;

export const chatCasesMigrations: Migrations = {};

/** How one kind of file is read: its current version, the way up to it, and its schema. */
export interface RecordKind<T> {
  name: string;
  version: number;
  migrations: Migrations;
  schema: z.ZodType<T>;
}

export const CHAT: RecordKind<ChatRecord> = { name: "chat", version: CHAT_RECORD_VERSION, migrations: chatMigrations, schema: chatRecordSchema };
export const SCREENING: RecordKind<ScreeningRecord> = {
  name: "screening",
  version: SCREENING_RECORD_VERSION,
  migrations: screeningMigrations,
  schema: screeningRecordSchema,
};
export const CHAT_CASES: RecordKind<ChatCases> = { name: "chat cases", version: CHAT_CASES_VERSION, migrations: chatCasesMigrations, schema: chatCasesSchema };
