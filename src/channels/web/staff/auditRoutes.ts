import { Hono } from "hono";
import { readAuditAs, type AuditLog } from "../../../staff/index.js";
import { addDays, beijingDayStart } from "../../../store/beijingDay.js";
import { checked } from "../problems.js";
import { refuse } from "./refusals.js";
import { auditQuerySchema } from "./schemas.js";
import type { StaffEnv } from "./staffEnv.js";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The audit log, newest first, for admins only. A date is a Beijing day: `to` includes it. */
export function auditRoutes(audit: AuditLog): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  app.get("/audit", async (c) => {
    const query = checked(c, auditQuerySchema, c.req.query());
    if (!query.ok) return query.response;
    const { name, action, from, to, limit } = query.value;
    const filter = {
      ...(name ? { name } : {}),
      ...(action && action.length > 0 ? { actions: action } : {}),
      ...(from ? { from: DAY.test(from) ? beijingDayStart(from) : new Date(from).toISOString() } : {}),
      ...(to ? { to: DAY.test(to) ? beijingDayStart(addDays(to, 1)) : new Date(to).toISOString() } : {}),
      ...(limit ? { limit } : {}),
    };
    const read = await readAuditAs(c.get("staff"), audit, filter);
    if (!read.ok) return refuse(c, 403, "(session)", "only staff with the admin role may read the audit log");
    return c.json({ events: read.page.events });
  });
  return app;
}
