import { z } from "zod";
import { isoDate, ITEM_IDS } from "../../../engine/screening.js";
import { AUDIT_ACTIONS, AUDIT_READ_MAX, type AuditAction } from "../../../staff/index.js";

/** What the staff routes accept: every query and body parsed here, with paths in the errors. */

export const signInSchema = z.strictObject({
  name: z.string().min(1, { error: "is required" }).max(64, { error: "must be at most 64 characters" }),
  password: z.string().min(1, { error: "is required" }).max(1024, { error: "must be at most 1024 characters" }),
});

/** A period of Beijing days; both ends optional (the last 30 days by default), at most about a year. */
const period = {
  from: isoDate.optional(),
  to: isoDate.optional(),
};
export const MAX_PERIOD_DAYS = 400;

export const dashboardQuerySchema = z.object(period);

export const caseFilterSchema = z.object({
  ...period,
  q: z.string().max(200, { error: "must be at most 200 characters" }).optional(),
  item: z.enum(ITEM_IDS as unknown as [string, ...string[]], { error: `must be one of ${ITEM_IDS.join(", ")}` }).optional(),
  status: z.enum(["eligible", "needs_info", "not_eligible"], { error: "must be eligible, needs_info or not_eligible" }).optional(),
  page: z.coerce.number({ error: "must be a page number" }).int({ error: "must be a whole number" }).min(1, { error: "must be >= 1" }).max(100_000).default(1),
});
export type CaseFilterQuery = z.infer<typeof caseFilterSchema>;

const instant = z.union([isoDate, z.iso.datetime({ offset: true })], { error: "must be a date YYYY-MM-DD (a Beijing day) or an ISO timestamp" });
export const auditQuerySchema = z.object({
  name: z.string().min(1).max(64).optional(),
  /** One action, or several separated by commas. */
  action: z
    .string()
    .max(500)
    .transform((text, ctx) => {
      const actions = text.split(",").map((a) => a.trim()).filter((a) => a !== "");
      const unknown = actions.filter((a) => !AUDIT_ACTIONS.includes(a as AuditAction));
      if (unknown.length > 0) ctx.addIssue({ code: "custom", message: `unknown action ${unknown.join(", ")}; one of ${AUDIT_ACTIONS.join(", ")}` });
      return actions as AuditAction[];
    })
    .optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(AUDIT_READ_MAX).optional(),
});
