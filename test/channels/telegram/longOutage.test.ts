import { describe, expect, it, vi } from "vitest";
import { t } from "../../../src/i18n/translate.js";
import { undeliveredBatches } from "./childBot.js";
import { Dialog } from "./dialog.js";
import { newDataDir, useBotTests } from "./harness.js";

/**
 * A real minute without Telegram, in a file of its own so that the other files run meanwhile.
 * The bot runs with Telegram's limits and the retries it has by default, not the tests' fast ones:
 * what is shown is that the configured retry horizon outlasts the outage.
 */
const tests = useBotTests();
const OUTAGE_MS = 60_000;
const HELP = t("en", "bot.help").slice(0, 40);

describe("the Bot API down for a minute", () => {
  it("60 seconds of 502s lose no reply: each is retried with the default policy until Telegram answers again, and shown once", async () => {
    const dir = newDataDir();
    await tests.start({ dir, configured: true });
    tests.fake.startOutage({ status: 502 });
    const dialogs = Array.from({ length: 40 }, (_, i) => new Dialog(tests.fake, 3500 + i));
    for (const dlg of dialogs) dlg.command("/help");
    await vi.waitFor(() => expect(tests.fake.calls.filter((c) => c.method === "sendMessage" && c.status === 502).length).toBeGreaterThanOrEqual(40), { timeout: 10_000 });
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    expect(undeliveredBatches(dir)).toBe(40);
    tests.fake.endOutage();
    // The last pause before a retry is at most the policy's longest (30 s, with jitter).
    await vi.waitFor(() => expect(dialogs.map((dlg) => dlg.messages().filter((m) => m.from?.is_bot && "text" in m && m.text.startsWith(HELP)).length)).toEqual(dialogs.map(() => 1)), { timeout: 45_000, interval: 500 });
    await vi.waitFor(() => expect(undeliveredBatches(dir)).toBe(0));
  }, 150_000);
});
