import { Hono } from "hono";
import type { ConversationDeps } from "../../../conversation/index.js";
import { recheckCsvLines, recheckScreenings } from "../../../conversation/staff/recheck/index.js";
import type { AuditLog } from "../../../staff/index.js";
import type { StaffEnv } from "./staffEnv.js";

/**
 * GET /staff/api/recheck.csv: every stored screening judged again by the rules this server runs
 * (each on its own date), the ones whose result changes as CSV (one row per changed item), like
 * `npm run recheck --csv`. The stored screenings are not altered; the run is audited with its counts.
 */
export function recheckRoutes(deps: ConversationDeps, audit: AuditLog): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  app.get("/recheck.csv", async (c) => {
    const report = await recheckScreenings(deps.store.screenings("0000-01-01", "9999-12-31"), deps.interview.rules);
    const { name, clientIp } = c.get("staff");
    await audit.append({ action: "recheck", name, ip: clientIp, rulesVersion: report.rulesVersion, checked: report.checked, changed: report.changes.length });
    const body = `\uFEFF${[...recheckCsvLines(report)].map((line) => `${line}\r\n`).join("")}`;
    const filename = `recheck-${report.rulesVersion.replace(/[^A-Za-z0-9.+-]/g, "_")}.csv`;
    return c.body(body, 200, { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"` });
  });
  return app;
}
