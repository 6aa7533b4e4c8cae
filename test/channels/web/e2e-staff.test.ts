import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { text } from "../../../src/channels/web/client/staff/text.js";
import { WEB_DIR } from "../../../src/app/server.js";
import { ITEM_IDS } from "../../../src/engine/ids.js";
import { articleLabel } from "../../../src/i18n/articleLabel.js";
import { formatYuan } from "../../../src/i18n/formatMoney.js";
import { projectRoot } from "../../../src/paths.js";
import { columnLetter } from "../../../src/spreadsheet/index.js";
import { AccountStore, accountsFile } from "../../../src/staff/index.js";
import { DESKTOP, launchChromium, openPage, seriousViolations } from "./e2e-browser.js";
import { TestServer } from "./e2e-server.js";
import { expectedNumbers, seedScreenings, type Seeded, type SeededActivity } from "./e2e-staff-seed.js";

const STAFF_SOURCES = join(projectRoot, "src", "channels", "web", "client", "staff");
const ADMIN = { name: "wang", password: "correct horse battery" };
const CLERK = { name: "li", password: "another long password" };

/** The console's script must be built from the current sources, or these tests test something else. */
function expectFreshStaffBuild(): void {
  const built = join(WEB_DIR, "assets", "staff.js");
  if (!existsSync(built)) throw new Error(`${built} is missing: run "npm run build" before the staff console's browser tests.`);
  const builtAt = statSync(built).mtimeMs;
  const newer = readdirSync(STAFF_SOURCES).filter((name) => statSync(join(STAFF_SOURCES, name)).mtimeMs > builtAt);
  if (newer.length > 0) throw new Error(`dist/web is older than ${newer.join(", ")} in ${STAFF_SOURCES}: run "npm run build".`);
}

/** As the chat's e2e: the committed screenshot is rewritten only when missing or with UPDATE_SCREENSHOTS=1. */
function screenshotPath(name: string): string {
  const committed = join(projectRoot, "docs", "screenshots", name);
  return process.env.UPDATE_SCREENSHOTS === "1" || !existsSync(committed) ? committed : join(tmpdir(), `staff-e2e-${name}`);
}

let browser: Browser;
let server: TestServer;
let seeded: Seeded[];
let activity: SeededActivity;
const zh = (key: Parameters<typeof text>[1], params?: Record<string, string | number>) => text("zh", key, params);

beforeAll(async () => {
  expectFreshStaffBuild();
  browser = await launchChromium();
  server = await TestServer.start();
  const accounts = new AccountStore({ file: accountsFile(server.dataDir) });
  await accounts.add(ADMIN.name, "admin", ADMIN.password);
  await accounts.add(CLERK.name, "staff", CLERK.password);
  ({ seeded, activity } = await seedScreenings(server.conversations.deps.store));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const staffUrl = (hash = "") => `${server.url}staff/${hash}`;

/** The browser logs every 401 and 403 answer as a console error; those are expected here (no session yet, refused requests). */
const unexpected = (errors: string[]) => errors.filter((e) => !/status of 40[13]/.test(e));

async function signIn(page: Page, account = ADMIN, lang: "zh" | "en" = "zh"): Promise<void> {
  await page.getByLabel(text(lang, "name")).fill(account.name);
  await page.getByLabel(text(lang, "password")).fill(account.password);
  await page.getByRole("button", { name: text(lang, "signIn") }).click();
}

/** The cells of a table the page marks with data-table, as text, a row per array. */
function tableRows(page: Page, name: string): Promise<string[][]> {
  return page.locator(`table[data-table="${name}"] tbody tr`).evaluateAll((rows) => rows.map((row) => Array.from(row.children, (cell) => cell.textContent?.trim() ?? "")));
}

async function saved(download: Download): Promise<Buffer> {
  return readFileSync((await download.path())!);
}

/** RFC 4180 CSV (quotes, doubled quotes, CRLF or LF), enough for the files the server writes. */
function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const body = source.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted && c === '"' && body[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== "," && c !== "\n" && c !== "\r")) {
      cell += c;
    } else if (c === ",") {
      row.push(cell);
      cell = "";
    } else {
      if (c === "\r" && body[i + 1] === "\n") i++;
      rows.push([...row, cell]);
      row = [];
      cell = "";
    }
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
}

describe("the staff console in Chromium", { timeout: 180_000 }, () => {
  it("signs in and shows the dashboard with its charts drawn and the numbers the store holds, per Beijing day, channel and Article", async () => {
    const { page, context, errors } = await openPage(browser, DESKTOP);
    await page.goto(staffUrl());
    await page.getByRole("heading", { name: zh("signInTitle") }).waitFor();
    await signIn(page);
    await page.getByRole("heading", { level: 1, name: zh("dashboardTitle") }).waitFor();
    await expect.poll(() => page.locator(".chart svg").count()).toBeGreaterThanOrEqual(4);
    // Bars really drawn: ECharts wrote paths into each of the four charts of every day and Article.
    for (const chart of await page.locator(".chart-pair .chart").all()) expect(await chart.locator("svg path").count()).toBeGreaterThan(5);

    const expected = expectedNumbers(seeded);
    const days = await tableRows(page, "days");
    expect(days).toHaveLength(30);
    for (const [day, started, finished, web, tg, cli] of days) {
      const want = expected.byDay.get(day!) ?? { finished: 0, web: 0, tg: 0, cli: 0 };
      const begun = activity.started.get(day!) ?? 0;
      expect([started, finished, web, tg, cli], day).toEqual([begun, want.finished, want.web, want.tg, want.cli].map(String));
    }
    const items = await tableRows(page, "items");
    expect(items).toHaveLength(expected.byItem.size);
    for (const [label, eligible, needsInfo, notEligible, sum] of items) {
      const id = itemOf(label!);
      const want = expected.byItem.get(id)!;
      expect([eligible, needsInfo, notEligible, sum], label).toEqual([String(want.eligible), String(want.needsInfo), String(want.notEligible), formatYuan(want.sumMaxFen, "zh")]);
    }
    expect(await page.locator('[data-figure="finished"]').textContent()).toBe(String(expected.finished));
    expect(await page.locator('[data-figure="started"]').textContent()).toBe(String([...activity.started.values()].reduce((a, b) => a + b, 0)));
    // The most common missing facts, as many as the page lists, with the store's counts, most frequent first.
    const missing = await tableRows(page, "missing");
    expect(missing.length).toBeGreaterThan(0);
    const counts = [...expected.missing.values()].sort((a, b) => b - a);
    expect(missing.map((row) => Number(row.at(-1)))).toEqual(counts.slice(0, missing.length));
    const gaps = await tableRows(page, "faq");
    expect(gaps.map(([question, , count]) => [question, Number(count)])).toEqual([...activity.faqGaps].sort((a, b) => b[1] - a[1]));
    expect(await page.locator('[data-figure="total"]').textContent()).toBe(formatYuan(expected.totalFen, "zh"));

    // The top of the page: the figures, the charts per day and per Article.
    await page.screenshot({ path: screenshotPath("staff-dashboard.png"), fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1720 } });
    // No CSP refusal (an inline style ECharts might have tried) and no script error.
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("finds a case by company name, opens it with its result and rules version, and exports the filtered list as CSV", async () => {
    const { page, context, errors } = await openPage(browser, DESKTOP);
    await page.goto(staffUrl("#/cases"));
    await signIn(page);
    await page.getByRole("heading", { level: 1, name: zh("casesTitle") }).waitFor();
    const everyCase = await tableRows(page, "cases");
    // Fewer than a page: every seeded case is listed (the default period is the last 30 days).
    expect(everyCase.map((row) => row[0]).sort()).toEqual(seeded.map((s) => s.record.caseId).sort());
    expect(Number(await page.locator(".count").getAttribute("data-total"))).toBe(seeded.length);

    const wanted = seeded.find((s) => s.name === "Acme Data Ltd")!;
    const sameName = seeded.filter((s) => s.name === wanted.name);
    await page.getByLabel(zh("search")).fill("acme data");
    await page.getByRole("button", { name: zh("filter"), exact: true }).click();
    await expect.poll(() => page.locator('table[data-table="cases"] tbody tr').count()).toBe(sameName.length);
    const found = (await tableRows(page, "cases")).map((row) => row[0]);
    expect(found.sort()).toEqual(sameName.map((s) => s.record.caseId).sort());
    expect(page.url()).toContain("#/cases?q=acme+data");

    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: zh("exportCsv") }).click();
    const csv = parseCsv((await saved(await download)).toString("utf8")).filter((row) => row.some((cell) => cell !== ""));
    const [header, ...rows] = csv;
    expect(header).toContain("channel");
    expect(header).toContain("total");
    expect(rows).toHaveLength(sameName.length);
    for (const s of sameName) expect(rows.some((row) => row.includes(s.record.caseId)), s.record.caseId).toBe(true);

    await page.getByRole("link", { name: wanted.record.caseId }).click();
    await page.getByRole("heading", { level: 1, name: zh("caseTitle", { caseId: wanted.record.caseId }) }).waitFor();
    expect(await page.locator(".facts").textContent()).toContain(wanted.record.rulesVersion);
    const result = await tableRows(page, "result");
    expect(result.map((row) => row[1])).toEqual(wanted.record.items.map((item) => zh(item.status)));
    const answers = await tableRows(page, "answers");
    expect(answers).toContainEqual(["applicant.name", wanted.name]);
    expect(await page.locator("[data-rules-differ]").count()).toBe(0);

    const report = page.waitForEvent("download");
    await page.getByRole("button", { name: zh("downloadReport") }).click();
    expect((await saved(await report)).toString("utf8")).toContain(wanted.record.caseId);
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("screens a filled template: the progress bar reaches done, the first errors name row and column, and the results download", async () => {
    const { page, context, errors } = await openPage(browser, DESKTOP);
    await page.goto(staffUrl("#/batch"));
    await signIn(page);
    await page.getByRole("heading", { level: 1, name: zh("batchTitle") }).waitFor();

    const templateDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: zh("templateCsv") }).click();
    const template = parseCsv((await saved(await templateDownload)).toString("utf8"));
    const paths = template[0]!;
    const row = (cells: Record<string, string>) => paths.map((path) => cells[path] ?? "");
    for (const path of ["applicant.name", "applicant.kind", "applicant.inJurisdiction", "growth.fastGrowth", "vouchers.modelServices"]) expect(paths).toContain(path);
    const filled = [
      ...template,
      row({ "applicant.name": "批量一号科技", "applicant.kind": "enterprise", "applicant.inJurisdiction": "是", "growth.fastGrowth": "是" }),
      row({ "applicant.name": "Batch Two Ltd", "applicant.kind": "enterprise", "applicant.inJurisdiction": "是", "vouchers.modelServices": "-5" }),
    ];
    const csv = filled.map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\r\n");
    await page.getByLabel(zh("file")).setInputFiles({ name: "filled.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}\r\n`, "utf8") });
    await page.getByRole("button", { name: zh("start") }).click();

    const progress = page.locator("#batch-progress");
    await expect.poll(() => page.locator(".progress-box").getAttribute("data-state"), { timeout: 60_000 }).toBe("done");
    expect(await progress.evaluate((bar: HTMLProgressElement) => [bar.value, bar.max])).toEqual([2, 2]);
    expect(await page.locator("#batch-state").textContent()).toBe(zh("state_done", { done: 2, total: 2 }));
    const rowErrors = await tableRows(page, "row-errors");
    const modelColumn = columnLetter(paths.indexOf("vouchers.modelServices") + 1);
    expect(rowErrors).toContainEqual([String(4), modelColumn, expect.stringContaining("vouchers.modelServices")]);

    const resultDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: zh("resultXlsx") }).click();
    const workbook = await saved(await resultDownload);
    expect(workbook.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("refuses a request without the session (401) and a state-changing one without the CSRF token (403)", async () => {
    const { page, context } = await openPage(browser, DESKTOP);
    await page.goto(staffUrl());
    await signIn(page);
    await page.getByRole("heading", { level: 1, name: zh("dashboardTitle") }).waitFor();
    const statuses = await page.evaluate(async () => {
      const withoutSession = await fetch("/staff/api/cases", { credentials: "omit" });
      const withoutToken = await fetch("/staff/api/batch", { method: "POST", body: "a,b\r\n", headers: { "content-type": "text/csv" } });
      const wrongToken = await fetch("/staff/api/session", { method: "DELETE", headers: { "x-csrf-token": "not-the-token" } });
      const stillSignedIn = await fetch("/staff/api/session");
      return [withoutSession.status, withoutToken.status, wrongToken.status, stillSignedIn.status];
    });
    expect(statuses).toEqual([401, 403, 403, 200]);
    await context.close();
  });

  it("when the session ends, signing in again returns to the page the user was on, filters kept", async () => {
    const { page, context, errors } = await openPage(browser, DESKTOP);
    await page.goto(staffUrl("#/cases?q=%E9%80%9A%E5%B7%9E"));
    await signIn(page);
    await page.getByRole("heading", { level: 1, name: zh("casesTitle") }).waitFor();
    await context.clearCookies();
    await page.getByRole("button", { name: zh("filter"), exact: true }).click();
    await page.getByRole("heading", { name: zh("signInTitle") }).waitFor();
    expect(await page.getByText(zh("expired")).count()).toBe(1);
    await signIn(page);
    await page.getByRole("heading", { level: 1, name: zh("casesTitle") }).waitFor();
    expect(await page.getByLabel(zh("search")).inputValue()).toBe("通州");
    expect(new URL(page.url()).hash).toBe("#/cases?q=%E9%80%9A%E5%B7%9E");
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("switches to English; staff without the admin role see no audit log, an admin reads it; sign-out ends the session", async () => {
    const { page, context, errors } = await openPage(browser, DESKTOP);
    await page.goto(staffUrl());
    await signIn(page, CLERK);
    await page.getByRole("heading", { level: 1, name: zh("dashboardTitle") }).waitFor();
    await page.selectOption("#lang", "en");
    await page.getByRole("heading", { level: 1, name: text("en", "dashboardTitle") }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    expect(await page.getByRole("link", { name: text("en", "navAudit") }).count()).toBe(0);
    await page.goto(staffUrl("#/audit"));
    await page.getByText(text("en", "forbidden")).waitFor();

    await page.getByRole("button", { name: text("en", "signOut") }).click();
    await page.getByRole("heading", { name: text("en", "signInTitle") }).waitFor();
    expect(await page.evaluate(async () => (await fetch("/staff/api/session")).status)).toBe(401);
    expect(await page.getByText(text("en", "signedOut")).count()).toBe(1);
    await signIn(page, ADMIN, "en");
    await page.getByRole("link", { name: text("en", "navAudit") }).click();
    await page.getByRole("heading", { level: 1, name: text("en", "auditTitle") }).waitFor();
    const events = await tableRows(page, "audit");
    expect(events.some((row) => row[1] === CLERK.name && row[2] === "signed out")).toBe(true);
    expect(events.some((row) => row[1] === ADMIN.name && row[2] === "signed in")).toBe(true);
    await page.selectOption("#lang", "zh");
    await page.getByRole("heading", { level: 1, name: zh("auditTitle") }).waitFor();
    expect(unexpected(errors)).toEqual([]);
    await context.close();
  });

  it("axe-core finds no serious or critical violations on the sign-in, dashboard, cases, case, batch and audit pages", async () => {
    // axe is injected as a script tag, which the page's CSP would refuse: this context bypasses it.
    const { page, context } = await openPage(browser, { ...DESKTOP, bypassCSP: true });
    await page.goto(staffUrl());
    await page.getByRole("heading", { name: zh("signInTitle") }).waitFor();
    expect(await seriousViolations(page), "sign-in").toEqual([]);
    await signIn(page);
    await page.locator(".chart svg").first().waitFor();
    expect(await seriousViolations(page), "dashboard").toEqual([]);
    const pages: [string, string][] = [
      ["#/cases", zh("casesTitle")],
      [`#/cases/${seeded[0]!.record.caseId}`, zh("caseTitle", { caseId: seeded[0]!.record.caseId })],
      ["#/batch", zh("batchTitle")],
      ["#/audit", zh("auditTitle")],
    ];
    for (const [hash, heading] of pages) {
      await page.goto(staffUrl(hash));
      await page.getByRole("heading", { level: 1, name: heading }).waitFor();
      expect(await seriousViolations(page), hash).toEqual([]);
    }
    await context.close();
  });
});

/** The item a row of the Articles table is about: the longest Article label it starts with ("第八条第一款" before "第八条"). */
function itemOf(label: string): string {
  const matches = ITEM_IDS.filter((id) => label.startsWith(articleLabel(id, "zh")));
  return matches.sort((a, b) => articleLabel(b, "zh").length - articleLabel(a, "zh").length)[0] ?? `no item in "${label}"`;
}
