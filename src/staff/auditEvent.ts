import { z } from "zod";
import { accountNameSchema, ROLES } from "./accounts.js";

/**
 * One line of the audit log. `name` is the staff account that acted (for a failed sign-in, the
 * name that was tried, cut to 64 characters; `(cli)` for changes made with `npm run staff`).
 * Details say what was looked at or taken away, never the content itself.
 */
const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
const base = {
  at: z.iso.datetime({ offset: true }),
  name: z.string().min(1).max(64),
  ip: z.string().max(64).optional(),
};

export const auditEventSchema = z.discriminatedUnion("action", [
  z.strictObject({ ...base, action: z.literal("sign_in") }),
  z.strictObject({ ...base, action: z.literal("sign_in_failed") }),
  z.strictObject({ ...base, action: z.literal("locked_out"), lockedKey: z.enum(["name", "ip"]) }),
  z.strictObject({ ...base, action: z.literal("sign_out") }),
  z.strictObject({ ...base, action: z.literal("view_case"), caseId: z.string().min(1).max(100) }),
  z.strictObject({
    ...base,
    action: z.literal("export"),
    format: z.enum(["csv", "xlsx"]),
    filter: z.record(z.string().max(50), scalar),
    rows: z.number().int().min(0),
  }),
  z.strictObject({
    ...base,
    action: z.literal("batch_upload"),
    fileName: z.string().max(255),
    format: z.enum(["csv", "xlsx"]),
    rows: z.number().int().min(0),
    screened: z.number().int().min(0),
    rowsWithErrors: z.number().int().min(0),
  }),
  /** Stored screenings judged again by the rules in force (`npm run recheck` from the console). */
  z.strictObject({
    ...base,
    action: z.literal("recheck"),
    rulesVersion: z.string().max(100),
    checked: z.number().int().min(0),
    changed: z.number().int().min(0),
  }),
  z.strictObject({ ...base, action: z.literal("account_added"), account: accountNameSchema, role: z.enum(ROLES) }),
  z.strictObject({ ...base, action: z.literal("account_removed"), account: accountNameSchema }),
  z.strictObject({ ...base, action: z.literal("password_reset"), account: accountNameSchema }),
]);

export type AuditEvent = z.infer<typeof auditEventSchema>;
export type AuditAction = AuditEvent["action"];
export const AUDIT_ACTIONS = auditEventSchema.options.map((option) => option.shape.action.value) as AuditAction[];

/** An event as a caller gives it: the log stamps the time. */
export type AuditEntry = AuditEvent extends infer E ? (E extends AuditEvent ? Omit<E, "at"> : never) : never;
