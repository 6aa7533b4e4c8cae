import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInBeijing } from "../../../src/clock.js";
import { evaluate } from "../../../src/engine/evaluate.js";
import type { Screening } from "../../../src/engine/screening.js";
import { formatYuan } from "../../../src/i18n/formatMoney.js";
import { t } from "../../../src/i18n/translate.js";
import { loadQuestionBank } from "../../../src/interview/index.js";
import { projectRoot } from "../../../src/paths.js";
import { loadRules } from "../../../src/rules/loadRules.js";
import { NOTHING_TO_CLAIM } from "../../support/nothingToClaim.js";
import { DESKTOP, launchChromium, openPage, PHONE, seriousViolations } from "./e2e-browser.js";
import { afterTurn, answerAs, botMessages, openQuestion, pressAndWait, tap, typeAndSend, type OpenQuestion } from "./e2e-interview.js";
import { expectFreshClientBuild, TestServer } from "./e2e-server.js";

const rules = loadRules();
const bank = loadQuestionBank();
const SCREENSHOTS = join(projectRoot, "docs", "screenshots");

/** An SME in AI and blockchain, fast-growing, buying model and computing services, with a large ITAI contract. */
const AS_OF = todayInBeijing();
const APPLICANT: Screening = {
  ...NOTHING_TO_CLAIM,
  asOf: AS_OF,
  applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai", "blockchain"], sme: true },
  growth: { fastGrowth: true, receivedBefore: false },
  vouchers: { modelServices: 2_000_000, computingServices: 500_000, significantResults: true, modelReceivedThisYear: 35_000, computingReceivedThisYear: 0 },
  itai: { benchmarkFirstSolution: true, contractAmount: 120_000_000, hardwareAmount: 30_000_000, receivedBefore: 0 },
};

/** The applicant's amounts the way people in China type them. */
const WORDS = new Map<number, string>([[200_000_000, "200万"], [50_000_000, "五十万元"], [3_500_000, "3万5"], [12_000_000_000, "1.2亿"], [3_000_000_000, "三千万"]]);
const amountWords = (fen: number): string => WORDS.get(fen) ?? String(fen / 100);

const CASE_ID = /TZ-\d{8}-[0-9A-Z]{8}/;

let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  expectFreshClientBuild();
  browser = await launchChromium();
  server = await TestServer.start();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the chat, chooses Chinese and starts the screening; returns the first question. */
async function startInChinese(page: Page, press = tap): Promise<OpenQuestion> {
  await page.goto(server.url);
  await press(page.getByRole("button", { name: "中文", exact: true }));
  await expect.poll(() => page.getByRole("button", { name: t("zh", "bot.button.start") }).count()).toBe(1);
  const before = await botMessages(page);
  await press(page.getByRole("button", { name: t("zh", "bot.button.start") }));
  return (await afterTurn(page, before))!;
}

describe("the web chat in Chromium", { timeout: 180_000 }, () => {
  it("a complete interview in Chinese on a phone, by taps and typed amounts, reaches the engine's result; the report has the case id", async () => {
    const { page, context, errors } = await openPage(browser, PHONE);
    await startInChinese(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    let shot = false;
    const asked = await answerAs(page, tap, bank, APPLICANT, amountWords, "zh", async (open) => {
      if (shot || open.answer !== "confirm") return;
      shot = true;
      await page.screenshot({ path: join(SCREENSHOTS, "web-chat-phone.png") });
    });
    expect(asked).toEqual(expect.arrayContaining(["modelServices", "itaiContract"]));

    const expected = evaluate(APPLICANT, rules, AS_OF);
    const card = page.locator(".msg.result[data-final=true]").last();
    await expect.poll(() => card.locator(".card-total").textContent()).toBe(t("zh", "screen.total", { totalFen: expected.totalMaxSupportFen }));
    for (const item of expected.items) {
      const shown = card.locator(`li[data-item="${item.id}"]`);
      expect(await shown.getAttribute("class"), item.id).toBe(`item ${item.status}`);
      if (item.status === "eligible") expect(await shown.locator(".item-amount").textContent(), item.id).toContain(formatYuan(item.maxSupportFen!, "zh"));
    }
    expect(expected.totalMaxSupportFen).toBeGreaterThan(0);
    await card.evaluate((node) => node.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(SCREENSHOTS, "web-result-card.png") });

    const caseId = CASE_ID.exec((await page.locator(".log").textContent()) ?? "")?.[0];
    if (caseId === undefined) throw new Error("no case id shown after the result");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: t("zh", "bot.button.report") }).last().tap()]);
    expect(download.suggestedFilename()).toBe(`${caseId}.html`);
    const report = readFileSync((await download.path())!, "utf8");
    expect(report).toContain(caseId);
    expect(errors).toEqual([]);
    await context.close();
  });
});
