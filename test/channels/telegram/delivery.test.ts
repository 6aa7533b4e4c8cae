import { once } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { TELEGRAM_LIMITS } from "../../../src/channels/telegram/outbox.js";
import { t } from "../../../src/i18n/translate.js";
import { undeliveredBatches } from "./childBot.js";
import { Dialog } from "./dialog.js";
import { FAST, newDataDir, useBotTests } from "./harness.js";

const tests = useBotTests();
const start = tests.start;

const HELP = t("en", "bot.help").slice(0, 40);
const users = (count: number, first: number) => Array.from({ length: count }, (_, i) => new Dialog(tests.fake, first + i));
/** How many times each chat was shown the help. */
const helpsShown = (dialogs: Dialog[]) => dialogs.map((dlg) => dlg.messages().filter((m) => m.from?.is_bot && "text" in m && m.text.startsWith(HELP)).length);

describe("hung calls", () => {
  it("30 calls that never answer hold no slot past their deadline: a new user is answered, and so are the 30", async () => {
    await start({ limits: TELEGRAM_LIMITS, retry: { ...FAST.retry!, callTimeoutMs: 300 } });
    tests.fake.failNext("sendMessage", { delayMs: 600_000 }, 30);
    const stuck = users(30, 1000);
    for (const dlg of stuck) dlg.command("/help");
    // Telegram's overall limit is 30 calls at once: all 30 slots are held by calls that hang.
    await vi.waitFor(() => expect(tests.fake.heldCalls).toBe(30), { timeout: 10_000 });
    const newcomer = new Dialog(tests.fake, 2000);
    newcomer.command("/help");
    await newcomer.nextText(HELP);
    await vi.waitFor(() => expect(helpsShown(stuck)).toEqual(stuck.map(() => 1)), { timeout: 5_000 });
  });
});

describe("an outage of the Bot API", () => {
  it("10 seconds of 502s lose no reply: each is retried until Telegram answers again, and shown once", async () => {
    await start({ retry: { ...FAST.retry!, horizonMs: 60_000, maxDelayMs: 1_000 } });
    tests.fake.startOutage({ status: 502 });
    const dialogs = users(40, 3000);
    for (const dlg of dialogs) dlg.command("/help");
    await vi.waitFor(() => expect(tests.fake.calls.filter((c) => c.method === "sendMessage" && c.status === 502).length).toBeGreaterThanOrEqual(40), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    tests.fake.endOutage();
    await vi.waitFor(() => expect(helpsShown(dialogs)).toEqual(dialogs.map(() => 1)), { timeout: 5_000 });
  }, 30_000);

  it("a reply given up after the retry horizon is made good: the next press of an old button shows the current question", async () => {
    const bot = await start({ retry: { ...FAST.retry!, horizonMs: 200 } });
    const dlg = new Dialog(tests.fake, 3100);
    dlg.command("/check");
    const question = await dlg.nextMethod("sendMessage");
    tests.fake.startOutage({ status: 502 });
    const data = dlg.buttons().find((d) => d.startsWith("a|"))!;
    dlg.press(data);
    await vi.waitFor(() => expect(bot.logger.lines.some((l) => l.msg === "send failed for good" && l.method === "editMessageText")).toBe(true));
    tests.fake.endOutage();
    // The answer was saved but its next question never shown: the same button again is stale.
    dlg.press(data);
    const shown = await dlg.nextMethod("sendMessage");
    expect(shown.text).not.toBe(question.text);
    expect(shown.text).toMatch(/Question 2/);
  });
});

describe("a crash with replies queued", () => {
  it("kill -9 with 60 replies stored but not delivered: after a restart all 60 are answered, each once", async () => {
    const dir = newDataDir();
    const child = tests.spawn(dir);
    await tests.fake.whenPolling();
    tests.fake.startOutage({ status: 502 });
    const dialogs = users(60, 4000);
    for (const dlg of dialogs) dlg.command("/help");
    await vi.waitFor(() => expect(undeliveredBatches(dir)).toBe(60), { timeout: 10_000 });
    child.kill("SIGKILL");
    await once(child, "exit");
    tests.fake.endOutage();

    const bot = await start({ dir });
    await vi.waitFor(() => expect(helpsShown(dialogs)).toEqual(dialogs.map(() => 1)), { timeout: 10_000 });
    await vi.waitFor(() => expect(undeliveredBatches(dir)).toBe(0));
    expect(bot.logger.lines.find((l) => l.msg === "outbox: sending replies left undelivered by the last run")).toMatchObject({ batches: 60 });
  }, 30_000);

  it("SIGTERM with 150 replies queued exits cleanly, and the next start delivers all 150, each once", async () => {
    const dir = newDataDir();
    const child = tests.spawn(dir);
    await tests.fake.whenPolling();
    tests.fake.startOutage({ status: 502 });
    const dialogs = users(150, 5000);
    for (const dlg of dialogs) dlg.command("/help");
    await vi.waitFor(() => expect(undeliveredBatches(dir)).toBe(150), { timeout: 10_000 });
    child.kill("SIGTERM");
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(0);
    expect(undeliveredBatches(dir)).toBe(150);
    tests.fake.endOutage();

    await start({ dir });
    await vi.waitFor(() => expect(helpsShown(dialogs)).toEqual(dialogs.map(() => 1)), { timeout: 15_000 });
  }, 60_000);
});

describe("start-up", () => {
  it("a 502 from getMe is tried again instead of ending the process", async () => {
    tests.fake.failNext("getMe", { status: 502 });
    const bot = await start();
    expect(bot.logger.lines.find((l) => l.msg === "start-up call failed; retrying")).toMatchObject({ method: "getMe", attempt: 1 });
    const dlg = new Dialog(tests.fake, 6100);
    dlg.command("/help");
    await dlg.nextText(HELP);
  });
});

describe("updates delivered twice", () => {
  it("the same update handled twice (a webhook retry) is answered once", async () => {
    const bot = await start();
    const dlg = new Dialog(tests.fake, 6000);
    const update = tests.fake.pushCommand(6000, "/help");
    await dlg.nextText(HELP);
    await bot.bot.app.accept(update);
    await bot.bot.app.accept(update);
    await bot.bot.app.deps.outbox.drain();
    expect(helpsShown([dlg])).toEqual([1]);
    expect(bot.logger.lines.filter((l) => l.msg === "update" && l.kind === "duplicate")).toHaveLength(2);
  });
});
