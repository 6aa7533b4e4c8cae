import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_HEADER } from "../../../src/cli/csvRow.js";
import { fenToYuan } from "../../../src/engine/money.js";
import { formatYuan } from "../../../src/i18n/formatMoney.js";
import { t } from "../../../src/i18n/translate.js";
import type { FakeBotApi } from "../../support/fakeBotApi.js";
import { parseCsv } from "../../support/parseCsv.js";
import { Dialog } from "./dialog.js";
import { driveInterview, type Driven } from "./driveInterview.js";
import { ADMIN_ID, removeDataDirs, startBot, startFake, type TestBot } from "./harness.js";
import { FAST_GROWER, OUTSIDE } from "./personas.js";

let fake: FakeBotApi;
let bot: TestBot;
const finished: Driven[] = [];

/** Two applicants finish a screening each; staff then look at them. */
beforeAll(async () => {
  fake = await startFake();
  bot = await startBot(fake);
  for (const [chatId, persona] of [[601, FAST_GROWER], [602, OUTSIDE]] as const) {
    const dlg = new Dialog(fake, chatId);
    dlg.command("/check");
    finished.push(await driveInterview(dlg, persona, "en"));
  }
});

afterAll(async () => {
  await bot.stop();
  await fake.close();
  removeDataDirs();
});

const staff = () => new Dialog(fake, ADMIN_ID, { id: ADMIN_ID });

describe("the pre-screening report", () => {
  it("/report sends the last screening as a printable HTML document with its case number and amounts", async () => {
    const dlg = new Dialog(fake, 601);
    dlg.command("/report");
    const call = await dlg.nextMethod("sendDocument");
    expect(call.document).toMatchObject({ filename: `${finished[0]!.caseId}.html`, mimeType: "text/html" });
    const html = call.document!.data.toString("utf8");
    const record = await bot.store.getScreening(finished[0]!.caseId);
    expect(html).toContain(finished[0]!.caseId);
    expect(html).toContain(formatYuan(record!.totalMaxSupportFen, "en"));
    expect(record!.totalMaxSupportFen).toBeGreaterThan(0);
    expect(call.text).toBe(t("en", "bot.report.caption", { caseId: finished[0]!.caseId }));
  });

  it("another chat's case is not theirs to see", async () => {
    const dlg = new Dialog(fake, 602);
    dlg.command(`/report ${finished[0]!.caseId}`);
    await dlg.nextText(t("en", "bot.report.notFound", { caseId: finished[0]!.caseId }));
  });
});

describe("staff commands", () => {
  it.each(["/stats", "/export", `/case TZ-20260301-7KQ3M2XA`])("%s by someone not on ADMIN_IDS is refused politely, and logged", async (command) => {
    const dlg = new Dialog(fake, 603, { id: 603 });
    dlg.command(command);
    await dlg.nextText(t("en", "bot.admin.refused"));
    expect(bot.logger.lines).toContainEqual(expect.objectContaining({ level: "warn", msg: "staff command refused", user: 603, command: command.slice(1).split(" ")[0] }));
    expect(fake.sent.filter((call) => call.chatId === 603 && call.method === "sendDocument")).toEqual([]);
  });

  it("/stats counts the period's screenings by day and by item", async () => {
    const dlg = staff();
    dlg.command("/stats");
    const call = await dlg.nextText(t("en", "bot.admin.statsTitle", { from: "2026-01-31", to: "2026-03-01", count: 2 }));
    expect(call.text).toContain("2026-03-01  2");
    expect(call.text).toContain(t("en", "bot.admin.statsItem", { item: "Article 4", eligible: 1, sumFen: 20_000_000 }));
    dlg.command("/stats 2026-01-01 2026-02-28");
    await dlg.nextText(t("en", "bot.admin.statsNone"));
    dlg.command("/stats last week");
    await dlg.nextText(t("en", "bot.admin.periodUsage"));
  });

  it("/export sends a CSV of the screenings with the screening CLI's columns", async () => {
    const dlg = staff();
    dlg.command("/export 2026-03-01 2026-03-01");
    const call = await dlg.nextMethod("sendDocument");
    expect(call.document?.filename).toBe("screenings-2026-03-01-2026-03-01.csv");
    const rows = parseCsv(call.document!.data.toString("utf8"));
    expect(rows[0]).toEqual(CSV_HEADER);
    const byCase = new Map(rows.slice(1).map((row) => [row[1], Object.fromEntries(CSV_HEADER.map((name, i) => [name, row[i]]))]));
    expect([...byCase.keys()].sort()).toEqual(finished.map((f) => f.caseId).sort());
    const grower = byCase.get(finished[0]!.caseId)!;
    const record = await bot.store.getScreening(finished[0]!.caseId);
    expect(grower).toMatchObject({ asOf: "2026-03-01", inForce: "true", "4": String(fenToYuan(record!.items.find((i) => i.id === "4")!.maxSupportFen!)), total: String(fenToYuan(record!.totalMaxSupportFen)), error: "" });
  });

  it("/case shows a stored case with its report button", async () => {
    const dlg = staff();
    const { caseId } = finished[1]!;
    dlg.command(`/case ${caseId.toLowerCase()}`);
    const call = await dlg.nextText(`Case ${caseId}`);
    expect(call.text).toContain("conversation tg:602");
    dlg.press(`rp|${caseId}`);
    expect((await dlg.nextMethod("sendDocument")).document?.filename).toBe(`${caseId}.html`);
    dlg.command("/case nonsense");
    await dlg.nextText(t("en", "bot.admin.caseUsage"));
  });
});
