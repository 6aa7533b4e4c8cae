import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { createConversations } from "../../src/app/conversations.js";
import { readConfig } from "../../src/config.js";
import type { Reply } from "../../src/conversation/reply.js";
import { articlesByDay } from "../../src/faq/articles.js";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import { createLogger } from "../../src/log.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { MemoryStore } from "../../src/store/memoryStore.js";
import { GUIDELINE_FROM, rulesWithGuidelineModelCap } from "../support/guidelineRules.js";

/** Article 6's cap raised from 2026-01-01 in a copy of rules/; the day before it, and its first day (Beijing). */
const guideline = rulesWithGuidelineModelCap();
afterAll(() => rmSync(guideline.dir, { recursive: true, force: true }));
const rules = loadRules(guideline.dir);
const DAY_BEFORE = "2025-12-31";
const en = (yuan: number) => formatYuan(yuan * 100, "en");

describe("the Articles view by day", () => {
  it("states the cap in force on the day, built once per period of the rules", () => {
    const articles = articlesByDay(rules, DAY_BEFORE);
    const summary = (day: string) => articles(day).articles.find((a) => a.article === "6")!.summaryEn;
    expect(summary(DAY_BEFORE)).toContain(en(guideline.beforeYuan));
    expect(summary(GUIDELINE_FROM)).toContain(en(guideline.fromYuan));
    expect(summary(GUIDELINE_FROM)).not.toContain(en(guideline.beforeYuan));
    expect(articles("2026-06-30")).toBe(articles(GUIDELINE_FROM));
  });

  it("in a running conversation service: the guideline's figure from its first day, without a restart", async () => {
    let now = new Date(`${DAY_BEFORE}T08:00:00+08:00`);
    const conversations = createConversations({
      config: readConfig({ OPENAI_API_KEY: "" }),
      store: new MemoryStore(),
      logger: createLogger("silent"),
      interview: { bank: loadQuestionBank(), rules },
      clock: () => now,
    });
    const articleSix = async () => {
      const turn = await conversations.handle("tg:1", { type: "action", action: { kind: "article", article: "6" } });
      return turn.replies.map((reply: Reply) => ("text" in reply ? reply.text : "")).join("\n");
    };
    // The summary states the cap in force; the official text below it keeps the Rules' own words.
    const summaryCap = (yuan: number) => `capped each year at ${en(yuan)} for model vouchers`;
    await conversations.handle("tg:1", { type: "action", action: { kind: "lang", lang: "en" } });
    expect(await articleSix()).toContain(summaryCap(guideline.beforeYuan));
    now = new Date(`${GUIDELINE_FROM}T00:30:00+08:00`);
    const after = await articleSix();
    expect(after).toContain(summaryCap(guideline.fromYuan));
    expect(after).not.toContain(summaryCap(guideline.beforeYuan));
  });
});
