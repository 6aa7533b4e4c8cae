import { describe, expect, it } from "vitest";
import { CSV_HEADER, csvRow } from "../../src/cli/csvRow.js";
import { evaluate } from "../../src/engine/evaluate.js";
import { ITEM_IDS, type Screening } from "../../src/engine/screening.js";
import { toScreeningRecord } from "../../src/conversation/screeningRecord.js";
import { articleLabel } from "../../src/i18n/articleLabel.js";
import type { Lang } from "../../src/i18n/lang.js";
import { t } from "../../src/i18n/translate.js";
import { describeFact } from "../../src/interview/index.js";
import { resultScreen } from "../../src/result/resultScreen.js";
import type { ScreeningRecord } from "../../src/store/store.js";
import { CONTRACT_PERSONA } from "../channels/channelContract.js";
import { build, type Built, command, interview, text, TODAY } from "./harness.js";

const STAFF = { staff: true, userId: 7 };
const OUTSIDE: Screening = { asOf: TODAY, applicant: { inJurisdiction: false } };

/** Stores a screening of `persona` as if finished at `createdAt`, under a given case id. */
async function seed(built: Built, caseId: string, createdAt: string, persona: Screening = CONTRACT_PERSONA, conversationId = "web:seed"): Promise<ScreeningRecord> {
  const evaluation = evaluate(persona, interview.rules, TODAY);
  const record = toScreeningRecord({ caseId, conversationId, createdAt: new Date(createdAt), lang: "en", screening: persona, evaluation });
  await built.store.addScreening(record);
  return record;
}

/** The /stats text worked out from the stored records themselves. */
function statsText(records: ScreeningRecord[], from: string, to: string, lang: Lang): string {
  const lines = [t(lang, "bot.admin.statsTitle", { from, to, count: records.length })];
  if (records.length === 0) return [...lines, t(lang, "bot.admin.statsNone")].join("\n");
  const byDay = new Map<string, number>();
  for (const r of records) {
    const day = new Date(new Date(r.createdAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  lines.push("", t(lang, "bot.admin.statsByDay"), ...[...byDay].sort().map(([day, n]) => `${day}  ${n}`));
  lines.push("", t(lang, "bot.admin.statsByItem"));
  for (const id of ITEM_IDS) {
    const eligible = records.filter((r) => r.items.some((item) => item.id === id && item.status === "eligible")).length;
    const sumFen = records.flatMap((r) => r.items).filter((item) => item.id === id && item.status === "eligible").reduce((sum, item) => sum + item.maxSupportFen!, 0);
    lines.push(t(lang, "bot.admin.statsItem", { item: articleLabel(id, lang), eligible, sumFen }));
  }
  lines.push("", t(lang, "bot.admin.statsTotal", { totalFen: records.reduce((sum, r) => sum + r.totalMaxSupportFen, 0) }));
  return lines.join("\n");
}

describe("/stats for staff", () => {
  it("alone: the last 30 days up to today, none yet", async () => {
    const built = build();
    expect(await built.handle(command("stats"), STAFF)).toEqual({ replies: [{ type: "message", text: statsText([], "2026-01-31", TODAY, "en") }], later: null, outcome: "ok" });
  });

  it("counts the screenings of the period by day and item, with the total", async () => {
    const built = build();
    const a = await seed(built, "TZ-20260228-AAAAAAAA", "2026-02-28T03:00:00.000Z");
    const b = await seed(built, "TZ-20260301-BBBBBBBB", "2026-03-01T01:00:00.000Z", OUTSIDE);
    const c = await seed(built, "TZ-20260301-CCCCCCCC", "2026-03-01T02:00:00.000Z");
    await seed(built, "TZ-20260101-DDDDDDDD", "2026-01-01T02:00:00.000Z");
    const expected = statsText([a, b, c], "2026-01-31", TODAY, "en");
    expect(expected).toContain(`2026-03-01  2`);
    expect(a.totalMaxSupportFen).toBeGreaterThan(0);
    expect((await built.handle(command("stats"), STAFF)).replies).toEqual([{ type: "message", text: expected }]);
  });

  it("FROM TO: those Beijing days, both included; in the conversation's language", async () => {
    const built = build();
    const first = await seed(built, "TZ-20260228-AAAAAAAA", "2026-02-27T16:00:00.000Z");
    await seed(built, "TZ-20260227-BBBBBBBB", "2026-02-27T15:59:59.999Z");
    const last = await seed(built, "TZ-20260301-CCCCCCCC", "2026-02-28T15:59:59.999Z");
    await seed(built, "TZ-20260301-DDDDDDDD", "2026-02-28T16:00:00.000Z");
    expect((await built.handle(text("/stats 2026-02-28 2026-02-28"), { ...STAFF, languageHint: "zh" })).replies).toEqual([{ type: "message", text: statsText([first, last], "2026-02-28", "2026-02-28", "zh") }]);
  });

  it.each(["2026-02-01", "2026-03-01 2026-02-01", "2026-02-01 2026-02-02 2026-02-03", "last month"])("refuses the period %j with its usage", async (args) => {
    const built = build();
    expect(await built.handle(command("stats", args), STAFF)).toEqual({ replies: [{ type: "message", text: t("en", "bot.admin.periodUsage") }], later: null, outcome: "ignored" });
    expect((await built.handle(command("export", args), STAFF)).outcome).toBe("ignored");
  });
});

describe("/export for staff", () => {
  it("the period's screenings as CSV, oldest first, one numbered row each, the case id as the name", async () => {
    const built = build();
    const later = await seed(built, "TZ-20260301-CCCCCCCC", "2026-03-01T02:00:00.000Z", OUTSIDE);
    const earlier = await seed(built, "TZ-20260228-AAAAAAAA", "2026-02-27T16:00:00.000Z");
    await seed(built, "TZ-20260227-BBBBBBBB", "2026-02-27T15:59:59.999Z");
    await seed(built, "TZ-20260302-DDDDDDDD", "2026-03-01T16:00:00.000Z");
    const turn = await built.handle(command("export", " 2026-02-28   2026-03-01 "), STAFF);
    expect(turn).toEqual({
      replies: [
        {
          type: "document",
          filename: "screenings-2026-02-28-2026-03-01.csv",
          mediaType: "text/csv",
          content: `${[CSV_HEADER.join(","), csvRow(1, earlier.caseId, earlier), csvRow(2, later.caseId, later)].join("\n")}\n`,
          caption: t("en", "bot.admin.exportCaption", { from: "2026-02-28", to: "2026-03-01", count: 2 }),
        },
      ],
      later: null,
      outcome: "ok",
    });
  });

  it("alone: the last 30 days; an empty period is the header alone", async () => {
    const built = build();
    await seed(built, "TZ-20260130-AAAAAAAA", "2026-01-30T02:00:00.000Z");
    const [doc] = (await built.handle(command("export"), { ...STAFF, languageHint: "zh" })).replies;
    expect(doc).toEqual({
      type: "document",
      filename: "screenings-2026-01-31-2026-03-01.csv",
      mediaType: "text/csv",
      content: `${CSV_HEADER.join(",")}\n`,
      caption: t("zh", "bot.admin.exportCaption", { from: "2026-01-31", to: TODAY, count: 0 }),
    });
  });
});

describe("/case for staff", () => {
  const caseText = (record: ScreeningRecord, lang: Lang) =>
    `${t(lang, "bot.admin.caseHeader", { caseId: record.caseId, createdAt: record.createdAt, conversationId: record.conversationId, lang: record.lang, asOf: record.asOf, rulesVersion: record.rulesVersion })}\n\n${resultScreen(evaluate(record.screening, interview.rules, record.asOf), interview.rules, lang, describeFact({ ...interview, screening: record.screening }))}`;

  it("shows any conversation's case: who, when, under which rules, its result, and its report button", async () => {
    const built = build();
    const record = await seed(built, "TZ-20260301-CCCCCCCC", "2026-03-01T02:00:00.000Z");
    expect(await built.handle(command("case", "TZ-20260301-CCCCCCCC"), STAFF)).toEqual({
      replies: [{ type: "message", text: caseText(record, "en"), choices: [[{ label: t("en", "bot.button.report"), action: { kind: "report", caseId: record.caseId } }]] }],
      later: null,
      outcome: "ok",
    });
  });

  it("reads the id in any case and with spaces around it, and answers in the conversation's language", async () => {
    const built = build();
    const record = await seed(built, "TZ-20260301-CCCCCCCC", "2026-03-01T02:00:00.000Z");
    expect((await built.handle(text("/case   tz-20260301-cccccccc  "), { ...STAFF, languageHint: "zh" })).replies).toEqual([
      { type: "message", text: caseText(record, "zh"), choices: [[{ label: t("zh", "bot.button.report"), action: { kind: "report", caseId: record.caseId } }]] },
    ]);
  });

  it("a case id of no case: not found", async () => {
    const built = build();
    expect(await built.handle(command("case", "tz-20260301-7kq3m2xa"), STAFF)).toEqual({ replies: [{ type: "message", text: t("en", "bot.admin.caseNotFound", { caseId: "TZ-20260301-7KQ3M2XA" }) }], later: null, outcome: "ok" });
  });

  it.each(["", "TZ-2026", "TZ-20260301-7KQ3M2XA extra"])("refuses %j with its usage", async (args) => {
    const built = build();
    expect(await built.handle(command("case", args), STAFF)).toEqual({ replies: [{ type: "message", text: t("en", "bot.admin.caseUsage") }], later: null, outcome: "ignored" });
  });
});
