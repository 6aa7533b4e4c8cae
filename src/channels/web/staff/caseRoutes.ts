import { Hono, type Context } from "hono";
import { todayInBeijing } from "../../../clock.js";
import type { ConversationDeps } from "../../../conversation/index.js";
import { caseDetail, caseReport } from "../../../conversation/staff/caseDetail.js";
import { searchCases, type CaseFilter } from "../../../conversation/staff/caseSearch.js";
import { caseIdSchema } from "../../../store/caseId.js";
import type { AuditLog } from "../../../staff/index.js";
import { langFromAcceptLanguage } from "../acceptLanguage.js";
import { checked, problem, type Checked } from "../problems.js";
import { periodOf } from "./period.js";
import { caseFilterSchema } from "./schemas.js";
import type { StaffEnv } from "./staffEnv.js";
import { REPORT_CSP } from "../securityHeaders.js";

/** The filter of a case list query (search and exports share it); `page` apart. */
export function caseFilterOf(c: Context, deps: ConversationDeps): Checked<{ filter: CaseFilter; page: number }> {
  const query = checked(c, caseFilterSchema, c.req.query());
  if (!query.ok) return query;
  const period = periodOf(c, query.value, todayInBeijing(deps.clock()));
  if (!period.ok) return period;
  const { q, item, status, page } = query.value;
  return { ok: true, value: { filter: { period: period.value, ...(q ? { q } : {}), ...(item ? { item } : {}), ...(status ? { status } : {}) }, page } };
}

/** Case search, one case (audited), its report. */
export function caseRoutes(deps: ConversationDeps, audit: AuditLog): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();

  app.get("/cases", async (c) => {
    const query = caseFilterOf(c, deps);
    if (!query.ok) return query.response;
    return c.json(await searchCases(deps.store, query.value.filter, query.value.page));
  });

  const caseIdOf = (c: Context) => checked(c, caseIdSchema, c.req.param("caseId")?.toUpperCase(), "caseId");
  const notFound = (c: Context, caseId: string) => problem(c, 404, [{ path: "caseId", message: `no stored case ${caseId} (erased, past the retention period, or never made)` }]);
  const viewed = (c: Context<StaffEnv>, caseId: string) => {
    const { name, clientIp } = c.get("staff");
    return audit.append({ action: "view_case", name, ip: clientIp, caseId });
  };

  app.get("/cases/:caseId", async (c) => {
    const caseId = caseIdOf(c);
    if (!caseId.ok) return caseId.response;
    const detail = await caseDetail(deps.store, deps.interview, caseId.value, langFromAcceptLanguage(c.req.header("accept-language")));
    if (!detail) return notFound(c, caseId.value);
    await viewed(c, caseId.value);
    return c.json(detail);
  });

  app.get("/cases/:caseId/report", async (c) => {
    const caseId = caseIdOf(c);
    if (!caseId.ok) return caseId.response;
    const html = await caseReport(deps.store, deps.interview, caseId.value, langFromAcceptLanguage(c.req.header("accept-language")));
    if (html === null) return notFound(c, caseId.value);
    await viewed(c, caseId.value);
    // A download: the report's inline style would not pass the server's Content-Security-Policy as a page.
    return c.body(html, 200, { "content-type": "text/html; charset=utf-8", "content-disposition": `attachment; filename="${caseId.value}.html"`, "content-security-policy": REPORT_CSP });
  });

  return app;
}
