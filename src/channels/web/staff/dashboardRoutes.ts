import { Hono } from "hono";
import { todayInBeijing } from "../../../clock.js";
import { dashboard } from "../../../conversation/staff/dashboard.js";
import type { ConversationDeps } from "../../../conversation/index.js";
import { langFromAcceptLanguage } from "../acceptLanguage.js";
import { checked } from "../problems.js";
import { periodOf } from "./period.js";
import { dashboardQuerySchema } from "./schemas.js";
import type { StaffEnv } from "./staffEnv.js";

/** The dashboard's figures for a period of Beijing days; labels in the browser's language. */
export function dashboardRoutes(deps: ConversationDeps): Hono<StaffEnv> {
  const app = new Hono<StaffEnv>();
  app.get("/dashboard", async (c) => {
    const query = checked(c, dashboardQuerySchema, c.req.query());
    if (!query.ok) return query.response;
    const period = periodOf(c, query.value, todayInBeijing(deps.clock()));
    if (!period.ok) return period.response;
    return c.json(await dashboard(deps.store, deps.interview, period.value, langFromAcceptLanguage(c.req.header("accept-language"))));
  });
  return app;
}
