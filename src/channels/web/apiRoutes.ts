import { Hono } from "hono";
import type { FaqReply } from "../../assistant/assistant.js";
import { todayInBeijing } from "../../clock.js";
import { checkScreening } from "../../cli/screenLines.js";
import type { ConversationService } from "../../conversation/index.js";
import type { Lang } from "../../i18n/lang.js";
import type { Logger } from "../../log.js";
import { toResultFile } from "../../result/resultFile.js";
import { batchHandler } from "./batch.js";
import { ClientAllowances } from "./clientAllowance.js";
import { checked, jsonBody, problem } from "./problems.js";
import { rulesSummary } from "./rulesSummary.js";
import { askSchema, screenQuerySchema } from "./schemas.js";
import type { WebEnv } from "./webEnv.js";

export interface ApiOptions {
  conversations: ConversationService;
  logger: Logger;
  batchLimitBytes: number;
  llmDailyLimit: number;
}

/** The screening, rules and FAQ endpoints: the CLI's commands over HTTP, with the CLI's output. */
export function apiRoutes(options: ApiOptions): Hono<WebEnv> {
  const { conversations, logger } = options;
  const { interview, articles, assistant, clock } = conversations.deps;
  const { rules } = interview;
  const today = () => todayInBeijing(clock());
  const allowances = new ClientAllowances(options.llmDailyLimit, clock);
  const app = new Hono<WebEnv>();

  app.post("/screen", async (c) => {
    const query = checked(c, screenQuerySchema, c.req.query());
    if (!query.ok) return query.response;
    const result = checkScreening(await c.req.text(), rules, today());
    if (!result.ok) return problem(c, 400, result.issues);
    // Byte for byte what `screen --json` prints.
    return c.body(`${JSON.stringify(toResultFile(result.value, query.value.lang))}\n`, 200, { "content-type": "application/json; charset=utf-8" });
  });

  app.post("/screen/batch", batchHandler({ rules, today, limitBytes: options.batchLimitBytes, logger }));

  const rulesBody = JSON.stringify(rulesSummary(rules));
  app.get("/rules", (c) => c.body(rulesBody, 200, { "content-type": "application/json; charset=utf-8" }));
  // Serialised once per period of the rules: articles() returns the same object until a dated value's day.
  const articlesBodies = new WeakMap<object, string>();
  const articlesBody = () => {
    const current = articles(today());
    let body = articlesBodies.get(current);
    if (body === undefined) {
      body = JSON.stringify(current);
      articlesBodies.set(current, body);
    }
    return body;
  };
  app.get("/articles", (c) => c.body(articlesBody(), 200, { "content-type": "application/json; charset=utf-8" }));

  app.post("/ask", async (c) => {
    const body = await jsonBody(c);
    if (!body.ok) return body.response;
    const input = checked(c, askSchema, body.value);
    if (!input.ok) return input.response;
    const { question } = input.value;
    const reply = await assistant.ask(question, input.value.lang ?? guessLang(question), allowances.for(c.get("clientIp")));
    return c.json(askJson(reply));
  });

  return app;
}

function guessLang(question: string): Lang {
  return /\p{Script=Han}/u.test(question) ? "zh" : "en";
}

/** The shape of `ask --json`: refusals and how-much pointers are the FAQ's own fixed answers. */
function askJson(reply: FaqReply): { articles: string[]; answer: string; source: "faq" | "article" | "llm" } {
  const source = reply.source === "refusal" || reply.source === "how_much" ? "faq" : reply.source;
  return { articles: reply.articles, answer: reply.text, source };
}
