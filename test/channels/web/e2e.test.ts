import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInBeijing } from "../../../src/clock.js";
import { evaluate } from "../../../src/engine/evaluate.js";
import type { Screening } from "../../../src/engine/screening.js";
import { formatYuan } from "../../../src/i18n/formatMoney.js";
import { t } from "../../../src/i18n/translate.js";
import { loadQuestionBank } from "../../../src/rules/loadQuestions.js";
import { projectRoot } from "../../../src/paths.js";
import { loadRules } from "../../../src/rules/loadRules.js";
import { NOTHING_TO_CLAIM } from "../../support/nothingToClaim.js";
import { DESKTOP, launchChromium, openPage, PHONE, seriousViolations } from "./e2e-browser.js";
import { afterTurn, answerAs, botMessages, openQuestion, pressAndWait, tap, typeAndSend, type OpenQuestion } from "./e2e-interview.js";
import { expectFreshClientBuild, TestServer } from "./e2e-server.js";
import { text } from "../../../src/channels/web/client/text.js";

const rules = loadRules();
const bank = loadQuestionBank();
/**
 * The README's screenshots are made by this run from the real page. They are written to
 * docs/screenshots/ when missing or with UPDATE_SCREENSHOTS=1 (pixels differ slightly from run
 * to run, so every `npm test` would otherwise leave the tree changed), else to a temporary file.
 */
function screenshotPath(name: string): string {
  const committed = join(projectRoot, "docs", "screenshots", name);
  return process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(committed) ? committed : join(tmpdir(), `web-e2e-${name}`);
}

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

/** Nothing to claim but fast growth: a short interview to one eligible item. */
const FAST_GROWER: Screening = { ...NOTHING_TO_CLAIM, asOf: AS_OF, growth: { fastGrowth: true, receivedBefore: false } };

const CONVERSATION_KEY = "tz-web-conversation";
/** What WeChat's in-app browser on Android calls itself. */
const WECHAT = "Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64";
const storedId = (page: Page) => page.evaluate((key) => localStorage.getItem(key), CONVERSATION_KEY);
const input = (page: Page) => page.getByRole("textbox", { name: text("zh", "inputLabel") });
const questionText = (key: string, lang: "zh" | "en") => bank.byId.get(key)!.text[lang];
const focused = (page: Page) => page.evaluate(() => ({ text: document.activeElement?.textContent ?? "", className: document.activeElement?.className ?? "" }));

/** Presses Tab until the focused element says `label` (Shift+Tab never needed: the page's order is the reading order). */
async function tabTo(page: Page, label: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focused(page)).text === label) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached "${label}"`);
}

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
      // The amount question, the amount as typed and its echo, in one screen.
      await page.screenshot({ path: screenshotPath("web-chat-phone.png") });
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
    await page.screenshot({ path: screenshotPath("web-result-card.png") });

    const caseId = CASE_ID.exec((await page.locator(".log").textContent()) ?? "")?.[0];
    if (caseId === undefined) throw new Error("no case id shown after the result");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: t("zh", "bot.button.report") }).last().tap()]);
    expect(download.suggestedFilename()).toBe(`${caseId}.html`);
    const report = readFileSync((await download.path())!, "utf8");
    expect(report).toContain(caseId);

    // After the result: Explain from the menu, and a question typed into the box goes to the FAQ.
    const before = await botMessages(page);
    await page.locator("#menu > summary").tap();
    await page.locator("#menu").getByRole("button", { name: text("zh", "explain") }).tap();
    await afterTurn(page, before);
    expect(await page.locator(".log > .msg.bot").last().textContent()).toContain("第四条");
    await typeAndSend(page, tap, "什么是算力券", "zh");
    expect(await page.locator(".log > .msg.bot").last().textContent()).toContain("第六条");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a reload mid-interview resumes at the same question, with its ticks and the text being typed", async () => {
    const { page, context, errors } = await openPage(browser, PHONE);
    let open = await startInChinese(page);
    open = (await pressAndWait(page, tap, open, t("zh", "interview.yes")))!;
    open = (await pressAndWait(page, tap, open, "企业"))!;
    expect(open.key).toBe("sectors");
    const ai = open.node.getByRole("button", { name: "人工智能", exact: true });
    await ai.tap();
    await expect.poll(() => ai.getAttribute("aria-pressed")).toBe("true");
    await input(page).fill("还没想好");
    const id = await storedId(page);

    await page.reload();
    await page.locator(".log > .question").first().waitFor();
    const resumed = (await openQuestion(page))!;
    expect([resumed.key, resumed.turn]).toEqual([open.key, open.turn]);
    expect(await resumed.node.getByRole("button", { name: "人工智能", exact: true }).getAttribute("aria-pressed")).toBe("true");
    expect(await input(page).inputValue()).toBe("还没想好");
    expect(await storedId(page)).toBe(id);
    const next = await pressAndWait(page, tap, resumed, t("zh", "interview.doneButton"));
    expect(next?.key).not.toBe("sectors");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("switches to English and back at any time: the open question, the page's words and its lang attribute follow", async () => {
    const { page, context, errors } = await openPage(browser, PHONE);
    let open = await startInChinese(page);
    open = (await pressAndWait(page, tap, open, t("zh", "interview.yes")))!;
    expect(open.key).toBe("kind");
    const lastQuestion = () => page.locator(".log > .question").last().locator(".question-text").textContent();

    await page.selectOption("#lang", "en");
    await expect.poll(lastQuestion).toBe(questionText("kind", "en"));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await page.locator("h1").textContent()).toBe(text("en", "title"));
    expect(await page.getByRole("textbox", { name: text("en", "inputLabel") }).count()).toBe(1);

    await page.selectOption("#lang", "zh");
    await expect.poll(lastQuestion).toBe(questionText("kind", "zh"));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    const next = await pressAndWait(page, tap, (await openQuestion(page))!, "企业");
    expect(next?.key).toBe("sectors");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("works by keyboard alone: Tab, Enter and Space through several questions, with focus visible and moved to each new question", async () => {
    const { page, context, errors } = await openPage(browser, DESKTOP);
    await page.goto(server.url);
    await expect.poll(async () => (await focused(page)).text).toBe("中文");
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).text).toBe(t("zh", "bot.button.start"));
    await page.keyboard.press("Space");

    const answered: string[] = [];
    const answer = async (key: string, label: string, keyName: "Enter" | "Space") => {
      await expect.poll(() => focused(page)).toEqual({ className: "question-text", text: questionText(key, "zh") });
      await tabTo(page, label);
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe("solid");
      await page.keyboard.press(keyName);
      answered.push(key);
    };
    await answer("jurisdiction", t("zh", "interview.yes"), "Enter");
    await answer("kind", "企业", "Space");
    await answer("sectors", "人工智能", "Space");
    const ai = page.locator(".log > .question").last().getByRole("button", { name: "人工智能", exact: true });
    await expect.poll(() => ai.getAttribute("aria-pressed")).toBe("true");
    expect((await focused(page)).text).toBe("人工智能");
    await tabTo(page, t("zh", "interview.doneButton"));
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await openQuestion(page))?.key).not.toBe("sectors");
    const fourth = (await openQuestion(page))!;
    await answer(fourth.key, t("zh", "interview.dontKnow"), "Enter");
    await expect.poll(async () => (await openQuestion(page))?.turn ?? Infinity).toBeGreaterThan(fourth.turn);
    expect(answered).toHaveLength(4);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("axe-core finds no serious or critical violations on the chat page, a question, the menu, the dialog and the result card", async () => {
    // axe is injected as a script tag, which the page's CSP would refuse: this context bypasses it.
    const { page, context } = await openPage(browser, { ...PHONE, bypassCSP: true });
    await page.goto(server.url);
    await page.getByRole("button", { name: "中文", exact: true }).waitFor();
    expect(await seriousViolations(page), "the chat page").toEqual([]);
    let open = await startInChinese(page);
    expect(await seriousViolations(page), "a question").toEqual([]);
    open = (await pressAndWait(page, tap, open, t("zh", "interview.yes")))!;
    open = (await pressAndWait(page, tap, open, "企业"))!;
    await open.node.getByRole("button", { name: "人工智能", exact: true }).tap();
    await expect.poll(() => open.node.getByRole("button", { name: "人工智能", exact: true }).getAttribute("aria-pressed")).toBe("true");
    expect(await seriousViolations(page), "a multiple-choice question with a tick").toEqual([]);
    await page.locator("#menu > summary").tap();
    expect(await seriousViolations(page), "the open menu").toEqual([]);
    await page.locator("#menu").getByRole("button", { name: text("zh", "deleteData") }).tap();
    await page.locator("dialog[open]").waitFor();
    expect(await seriousViolations(page), "the confirmation dialog").toEqual([]);
    await page.getByRole("button", { name: text("zh", "confirmNo") }).tap();
    await pressAndWait(page, tap, open, t("zh", "interview.doneButton"));
    await answerAs(page, tap, bank, FAST_GROWER, amountWords);
    await page.locator(".msg.result[data-final=true] .item.eligible").first().waitFor();
    await page.locator(".closed-items > summary").last().tap();
    expect(await seriousViolations(page), "the result card").toEqual([]);
    await context.close();
  });

  it("'delete my data' asks first, then erases the conversation on the server and starts afresh", async () => {
    const { page, context, errors } = await openPage(browser, PHONE);
    const open = await startInChinese(page);
    await pressAndWait(page, tap, open, t("zh", "interview.yes"));
    const oldId = (await storedId(page))!;
    const menuItem = page.locator("#menu").getByRole("button", { name: text("zh", "deleteData") });

    await page.locator("#menu > summary").tap();
    await menuItem.tap();
    await page.getByRole("button", { name: text("zh", "confirmNo") }).tap();
    expect(await storedId(page)).toBe(oldId);

    await page.locator("#menu > summary").tap();
    await menuItem.tap();
    await page.getByRole("button", { name: text("zh", "deleteYes") }).tap();
    await expect.poll(() => storedId(page)).not.toBe(oldId);
    expect(await page.locator(".log .notice").first().textContent()).toBe(text("zh", "deleted"));
    await page.getByRole("button", { name: t("zh", "bot.button.start") }).waitFor();
    expect(await page.locator(".log > .question").count()).toBe(0);
    const gone = await fetch(new URL("/api/v1/conversation", server.url), { headers: { "x-conversation-id": oldId } });
    expect(gone.status).toBe(404);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("rides out the server's shutdown: stop() finishes with the page open, the typed answer stays, and the page resumes when the server is back", async () => {
    const { page, context, errors } = await openPage(browser, PHONE);
    const open = await startInChinese(page);
    await server.stop();

    await input(page).fill("是");
    await page.getByRole("button", { name: text("zh", "send"), exact: true }).tap();
    await expect.poll(() => page.locator("#status").textContent()).toBe(text("zh", "offline"));
    expect(await input(page).inputValue()).toBe("是");

    await server.listen();
    await expect.poll(() => page.locator("#status").textContent(), { timeout: 30_000 }).toBe(text("zh", "reconnected"));
    expect(await input(page).inputValue()).toBe("是");
    const still = (await openQuestion(page))!;
    expect([still.key, still.turn]).toEqual([open.key, open.turn]);
    const next = await typeAndSend(page, tap, "是", "zh");
    expect(next?.key).toBe("kind");
    expect(await input(page).inputValue()).toBe("");
    expect(errors.filter((e) => !e.includes("net::ERR_CONNECTION_REFUSED"))).toEqual([]);
    await context.close();
  });

  it("in WeChat's in-app browser the report opens as a page from a short-lived link, and Back returns to the chat", async () => {
    const { page, context, errors } = await openPage(browser, { ...PHONE, userAgent: WECHAT });
    await startInChinese(page);
    await answerAs(page, tap, bank, FAST_GROWER, amountWords, "zh");
    const caseId = CASE_ID.exec((await page.locator(".log").textContent()) ?? "")?.[0];
    if (caseId === undefined) throw new Error("no case id shown after the result");
    const conversation = await storedId(page);
    expect(conversation).toBeTruthy();
    await page.getByRole("button", { name: t("zh", "bot.button.report") }).last().tap();
    await page.waitForURL(/\/api\/v1\/reports\/[A-Za-z0-9_-]+$/);
    expect(page.url()).not.toContain(conversation!.replace(/^.*web:/, "").slice(0, 22));
    expect(await page.locator("body").textContent()).toContain(caseId);
    await page.screenshot({ path: screenshotPath("web-report-wechat.png") });
    await page.goBack();
    await expect.poll(() => page.locator(".msg.result[data-final=true]").count()).toBeGreaterThan(0);
    expect(await page.locator(".log").textContent()).toContain(caseId);
    expect(errors).toEqual([]);
    await context.close();
  });

});
