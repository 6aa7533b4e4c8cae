import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";

/** Debian's chromium, which CI installs with apt-get (see .ci/run). */
export const CHROMIUM = "/usr/bin/chromium";

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** A 375 × 812 phone with touch, the web chat's main screen. */
export const PHONE: BrowserContextOptions = { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "zh-CN" };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: "zh-CN" };

/**
 * Headless Chromium with a fresh profile (Playwright's launch() makes a new temporary
 * user-data dir and removes it on close). A machine without chromium fails here, by name,
 * rather than skipping the browser tests.
 */
export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium fonts-noto-cjk" (.ci/run does this) to run the web chat's browser tests.`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/** A page in a new context, with every console error and page error collected. */
export async function openPage(browser: Browser, options: BrowserContextOptions): Promise<WatchedPage & { context: BrowserContext }> {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`${error.name}: ${error.message}`));
  return { context, page, errors };
}

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) in the page and returns the
 * serious and critical violations. The page's CSP forbids inline scripts, so the context that
 * runs axe is opened with bypassCSP; the other tests run under the real CSP.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
