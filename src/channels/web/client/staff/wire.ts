import * as z from "zod/mini";

/**
 * What the staff routes send (STAFF-CONTRACT.md), parsed before it is shown. Objects keep only
 * the fields the pages use, so the server may add more without breaking them.
 */
const count = z.number().check(z.int(), z.nonnegative());
const fen = z.number().check(z.int());
const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const sessionSchema = z.object({
  name: z.string(),
  role: z.string(),
  csrfToken: z.string().check(z.minLength(1)),
  expiresAt: z.optional(z.union([z.string(), z.number()])),
});
export type StaffSession = z.infer<typeof sessionSchema>;


export const dashboardSchema = z.object({
  period: z.object({ from: isoDay, to: isoDay }),
  byDay: z.array(z.object({ day: isoDay, started: count, finished: count, byChannel: z.record(z.string(), count) })),
  byItem: z.array(z.object({ id: z.string(), title: z.string(), eligible: count, needsInfo: count, notEligible: count, sumMaxFen: fen })),
  totalFen: fen,
  missingFacts: z.array(z.object({ fact: z.string(), label: z.string(), count })),
  nearMisses: z.array(z.object({ item: z.string(), condition: z.string(), label: z.string(), count })),
  faqGaps: z.array(z.object({ question: z.string(), outcome: z.enum(["refused", "weak"]), count })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const itemStatusSchema = z.enum(["eligible", "needs_info", "not_eligible"]);
export type ItemStatus = z.infer<typeof itemStatusSchema>;

export const casesSchema = z.object({
  total: count,
  page: z.number().check(z.int(), z.positive()),
  pageSize: z.number().check(z.int(), z.positive()),
  cases: z.array(
    z.object({
      caseId: z.string(),
      name: z.nullish(z.string()),
      createdAt: z.string(),
      channel: z.string(),
      totalFen: fen,
      items: z.array(z.object({ id: z.string(), status: itemStatusSchema })),
    }),
  ),
});
export type CaseList = z.infer<typeof casesSchema>;

export const caseSchema = z.object({
  record: z.object({
    caseId: z.string(),
    conversationId: z.optional(z.string()),
    createdAt: z.string(),
    lang: z.optional(z.string()),
    asOf: z.string(),
    inForce: z.optional(z.boolean()),
    screening: z.record(z.string(), z.unknown()),
    items: z.array(z.object({ id: z.string(), status: itemStatusSchema, maxSupportFen: z.nullable(fen), countedSupportFen: z.optional(fen), counted: z.optional(z.boolean()) })),
    totalMaxSupportFen: fen,
  }),
  resultText: z.string(),
  rulesVersion: z.string(),
  currentRulesDiffer: z.boolean(),
});
export type CaseView = z.infer<typeof caseSchema>;

export const batchStartedSchema = z.object({ jobId: z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/)) });

/** A problem of an uploaded sheet, where Excel shows it (src/spreadsheet/rowErrors.ts). */
const rowError = z.object({ row: z.optional(z.number()), column: z.optional(z.string()), path: z.optional(z.string()), message: z.string() });
export type RowError = z.infer<typeof rowError>;

export const batchJobSchema = z.object({
  state: z.enum(["checking", "screening", "done", "failed"]),
  done: count,
  total: count,
  errors: z.array(rowError),
});
export type BatchJob = z.infer<typeof batchJobSchema>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const auditSchema = z.object({
  events: z.array(z.catchall(z.object({ at: z.string(), name: z.string(), action: z.string() }), z.union([scalar, z.record(z.string(), scalar)]))),
});
export type AuditEvents = z.infer<typeof auditSchema>["events"];
