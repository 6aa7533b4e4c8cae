import { describe, expect, it } from "vitest";
import { CSV_HEADER, csvRow } from "../../src/cli/csvRow.js";
import { caseDetail, caseReport } from "../../src/conversation/staff/caseDetail.js";
import { EXPORT_HEADER, exportRows } from "../../src/conversation/staff/caseExport.js";
import { caseRow, findCases, itemStatuses, PAGE_SIZE, searchCases, type CaseFilter } from "../../src/conversation/staff/caseSearch.js";
import { CHANNELS, dashboard, TOP } from "../../src/conversation/staff/dashboard.js";
import { addDays } from "../../src/conversation/staff/dates.js";
import { statsOfDays } from "../../src/conversation/staff/stats.js";
import { toScreeningRecord } from "../../src/conversation/screeningRecord.js";
import { evaluate } from "../../src/engine/evaluate.js";
import { ITEM_IDS } from "../../src/engine/screening.js";
import { articleLabel } from "../../src/i18n/articleLabel.js";
import { describeFact } from "../../src/interview/index.js";
import { buildReportHtml } from "../../src/report/reportHtml.js";
import { reasonText } from "../../src/result/renderReason.js";
import { resultScreen } from "../../src/result/resultScreen.js";
import { MemoryStore } from "../../src/store/memoryStore.js";
import { SCREENING_RECORD_VERSION, type ScreeningRecord } from "../../src/store/store.js";
import { CONTRACT_PERSONA } from "../channels/channelContract.js";
import { interview, TODAY } from "./harness.js";

type Item = ScreeningRecord["items"][number];
const item = (id: string, status: Item["status"], maxSupportFen: number | null = null, extra: Partial<Item> = {}): Item => ({ id, status, maxSupportFen, potentialMaxSupportFen: null, project: null, counted: status === "eligible", ...extra });

function record(caseId: string, createdAt: string, items: Item[], extra: Partial<ScreeningRecord> = {}): ScreeningRecord {
  return { schema: SCREENING_RECORD_VERSION, caseId, conversationId: "tg:1", createdAt, lang: "en", asOf: createdAt.slice(0, 10), inForce: true, rulesVersion: "v", screening: {}, items, totalMaxSupportFen: items.reduce((sum, i) => sum + (i.status === "eligible" ? i.maxSupportFen! : 0), 0), ...extra };
}

const named = (name: string) => ({ screening: { applicant: { name } } });
const MARCH = { from: "2026-03-01", to: "2026-03-31" };

async function storeOf(records: ScreeningRecord[]) {
  const store = new MemoryStore();
  for (const r of records) await store.addScreening(r);
  return store;
}

async function ids(store: MemoryStore, filter: CaseFilter): Promise<string[]> {
  const found: string[] = [];
  for await (const r of findCases(store, filter)) found.push(r.caseId);
  return found;
}

describe("case search", () => {
  const A = record("TZ-20260301-AAAAAAAA", "2026-03-01T02:00:00.000Z", [item("4", "eligible", 200_000_00), item("11", "not_eligible", null, { project: 1 }), item("11", "eligible", 5_000_00, { project: 2 })], named("Acme Data Ltd"));
  const B = record("TZ-20260302-BBBBBBBB", "2026-03-02T02:00:00.000Z", [item("4", "needs_info"), item("6", "not_eligible")], { ...named("Beta AI"), conversationId: "web:x" });
  const C = record("TZ-20260401-CCCCCCCC", "2026-04-01T02:00:00.000Z", [item("4", "not_eligible")], named("ACME Compute"));

  it("folds Article 11's projects into their best status, items in the order first stored", () => {
    expect(itemStatuses(A)).toEqual([{ id: "4", status: "eligible" }, { id: "11", status: "eligible" }]);
    expect(itemStatuses(record("x", "2026-03-01T00:00:00.000Z", [item("11", "needs_info"), item("11", "not_eligible"), item("11", "needs_info")]))).toEqual([{ id: "11", status: "needs_info" }]);
  });

  it("a row: id, name, creation, channel, total and item statuses", () => {
    expect(caseRow(B)).toEqual({ caseId: B.caseId, name: "Beta AI", createdAt: B.createdAt, channel: "web", totalFen: 0, items: [{ id: "4", status: "needs_info" }, { id: "6", status: "not_eligible" }] });
    expect(caseRow(record("x", "2026-03-01T00:00:00.000Z", [])).name).toBeNull();
  });

  it("a case id, in any case, finds that case whatever the period; an unknown one nothing", async () => {
    const store = await storeOf([A, B, C]);
    expect(await ids(store, { q: ` ${C.caseId.toLowerCase()} `, period: MARCH })).toEqual([C.caseId]);
    expect(await ids(store, { q: "TZ-20260301-ZZZZZZZZ", period: MARCH })).toEqual([]);
    expect(await ids(store, { q: A.caseId, period: MARCH, item: "6" })).toEqual([]);
  });

  it("part of a name, in any case, within the period, oldest first", async () => {
    const store = await storeOf([B, A, C]);
    expect(await ids(store, { q: "acme", period: MARCH })).toEqual([A.caseId]);
    expect(await ids(store, { q: "acme", period: { from: "2026-03-01", to: "2026-04-01" } })).toEqual([A.caseId, C.caseId]);
    expect(await ids(store, { q: "  ", period: MARCH })).toEqual([A.caseId, B.caseId]);
    expect(await ids(store, { period: MARCH })).toEqual([A.caseId, B.caseId]);
    expect(await ids(store, { q: "nobody", period: MARCH })).toEqual([]);
  });

  it("by item and status: an item alone means eligible or needing information; a status alone any item with it", async () => {
    const store = await storeOf([A, B, C]);
    const april = { from: "2026-03-01", to: "2026-04-30" };
    expect(await ids(store, { period: april, item: "4" })).toEqual([A.caseId, B.caseId]);
    expect(await ids(store, { period: april, item: "4", status: "not_eligible" })).toEqual([C.caseId]);
    expect(await ids(store, { period: april, item: "11", status: "eligible" })).toEqual([A.caseId]);
    expect(await ids(store, { period: april, item: "9" })).toEqual([]);
    expect(await ids(store, { period: april, status: "not_eligible" })).toEqual([B.caseId, C.caseId]);
    expect(await ids(store, { period: april, status: "needs_info" })).toEqual([B.caseId]);
  });

  it("pages, newest first", async () => {
    const store = await storeOf([A, B, C]);
    const april = { from: "2026-03-01", to: "2026-04-30" };
    expect(await searchCases(store, { period: april }, 1, 2)).toEqual({ total: 3, page: 1, pageSize: 2, cases: [caseRow(C), caseRow(B)] });
    expect(await searchCases(store, { period: april }, 2, 2)).toEqual({ total: 3, page: 2, pageSize: 2, cases: [caseRow(A)] });
    expect(await searchCases(store, { period: april }, 1)).toMatchObject({ total: 3, pageSize: PAGE_SIZE });
    expect(PAGE_SIZE).toBe(50);
  });
});

describe("case export", () => {
  it("the CLI's columns and the channel; the name column holds the case id; amounts as numbers of yuan for a spreadsheet", async () => {
    const A = record("TZ-20260301-AAAAAAAA", "2026-03-01T02:00:00.000Z", [item("4", "eligible", 200_000_00, { countedSupportFen: 200_000_00 }), item("5", "needs_info")], named("=Acme, Ltd"));
    const B = record("TZ-20260302-BBBBBBBB", "2026-03-02T02:00:00.000Z", [item("6", "not_eligible")], { conversationId: "cli" });
    const store = await storeOf([B, A]);
    const counted = { rows: 0 };
    const rows = [];
    for await (const row of exportRows(store, { period: MARCH }, counted)) rows.push(row);
    expect(EXPORT_HEADER).toEqual([...CSV_HEADER, "channel"]);
    expect(counted.rows).toBe(2);
    expect(rows.map((row) => row.csv)).toEqual([`${csvRow(A.caseId, "=Acme, Ltd", A)},tg`, `${csvRow(B.caseId, undefined, B)},cli`]);
    const column = (name: string) => EXPORT_HEADER.indexOf(name);
    const [first, second] = rows.map((row) => row.cells);
    expect(first).toHaveLength(EXPORT_HEADER.length);
    expect(first![column("line")]).toBe(A.caseId);
    expect(first![column("name")]).toBe("'=Acme, Ltd");
    expect(first![column("asOf")]).toBe("2026-03-01");
    expect(first![column("4")]).toBe(200_000);
    expect(first![column("5")]).toBe("needs_info");
    expect(first![column("6")]).toBe("");
    expect(first![column("total")]).toBe(200_000);
    expect(first![column("channel")]).toBe("tg");
    expect(second![column("total")]).toBe(0);
    expect(second![column("inForce")]).toBe("true");
  });
});

/** A case of the contract persona as the conversation layer stores it (built inside each test). */
function contractCase() {
  const evaluation = evaluate(CONTRACT_PERSONA, interview.rules, TODAY);
  return { evaluation, stored: toScreeningRecord({ caseId: "TZ-20260301-AAAAAAAA", conversationId: "tg:1", createdAt: new Date("2026-03-01T02:00:00.000Z"), lang: "en", screening: CONTRACT_PERSONA, evaluation }) };
}

describe("one case for staff", () => {

  it("its result under the current rules, its rules version, and no difference under the same rules", async () => {
    const { evaluation, stored } = contractCase();
    const store = await storeOf([stored]);
    expect(await caseDetail(store, interview, stored.caseId, "zh")).toEqual({
      record: stored,
      resultText: resultScreen(evaluation, interview.rules, "zh", describeFact({ ...interview, screening: CONTRACT_PERSONA })),
      rulesVersion: evaluation.rulesVersion,
      currentRulesDiffer: false,
    });
    expect(await caseDetail(store, interview, "TZ-20260301-ZZZZZZZZ", "en")).toBeNull();
  });

  it("differs when screened under other rules with another total or other items, not when only the version changed", async () => {
    const { evaluation, stored } = contractCase();
    const older = { ...stored, rulesVersion: "older" };
    const otherTotal = { ...older, caseId: "TZ-20260301-BBBBBBBB", totalMaxSupportFen: stored.totalMaxSupportFen + 1 };
    const otherItems = { ...older, caseId: "TZ-20260301-CCCCCCCC", items: stored.items.map((i, n) => (n === 0 ? { ...i, status: "not_eligible" as const, maxSupportFen: null } : i)) };
    const sameVersionOtherTotal = { ...stored, caseId: "TZ-20260301-DDDDDDDD", totalMaxSupportFen: 1 };
    const store = await storeOf([older, otherTotal, otherItems, sameVersionOtherTotal]);
    expect((await caseDetail(store, interview, older.caseId, "en"))?.currentRulesDiffer).toBe(false);
    expect((await caseDetail(store, interview, otherTotal.caseId, "en"))?.currentRulesDiffer).toBe(true);
    expect((await caseDetail(store, interview, otherItems.caseId, "en"))?.currentRulesDiffer).toBe(true);
    expect((await caseDetail(store, interview, sameVersionOtherTotal.caseId, "en"))).toMatchObject({ currentRulesDiffer: false, rulesVersion: evaluation.rulesVersion });
  });

  it("its printable report, or null", async () => {
    const { evaluation, stored } = contractCase();
    const store = await storeOf([stored]);
    expect(await caseReport(store, interview, stored.caseId, "en")).toBe(buildReportHtml({ record: stored, evaluation, rules: interview.rules, bank: interview.bank, lang: "en" }));
    expect(await caseReport(store, interview, "TZ-20260301-ZZZZZZZZ", "en")).toBeNull();
  });
});

describe("the staff dashboard", () => {
  it("per day: screenings begun and finished, by channel, every channel shown", async () => {
    const store = await storeOf([
      record("TZ-20260301-AAAAAAAA", "2026-03-01T02:00:00.000Z", [item("4", "eligible", 100_00)]),
      record("TZ-20260301-BBBBBBBB", "2026-03-01T03:00:00.000Z", [item("4", "needs_info")], { conversationId: "web:a" }),
      record("TZ-20260303-CCCCCCCC", "2026-03-03T03:00:00.000Z", [item("4", "not_eligible")], { conversationId: "cli" }),
      record("TZ-20260304-DDDDDDDD", "2026-03-04T03:00:00.000Z", [item("4", "eligible", 100_00)]),
    ]);
    await store.recordActivity({ kind: "started", channel: "tg", at: new Date("2026-03-01T01:00:00.000Z") });
    await store.recordActivity({ kind: "started", channel: "web", at: new Date("2026-03-01T01:00:00.000Z") });
    await store.recordActivity({ kind: "started", channel: "web", at: new Date("2026-03-02T01:00:00.000Z") });
    const period = { from: "2026-03-01", to: "2026-03-03" };
    const board = await dashboard(store, interview, period, "en");
    expect(CHANNELS).toEqual(["tg", "web", "cli"]);
    expect(board.period).toEqual(period);
    expect(board.byDay).toEqual([
      { day: "2026-03-01", started: 2, finished: 2, byChannel: { tg: 1, web: 1, cli: 0 } },
      { day: "2026-03-02", started: 1, finished: 0, byChannel: { tg: 0, web: 0, cli: 0 } },
      { day: "2026-03-03", started: 0, finished: 1, byChannel: { tg: 0, web: 0, cli: 1 } },
    ]);
    expect(board.totalFen).toBe(100_00);
    expect(board.byItem.map((i) => i.id)).toEqual([...ITEM_IDS]);
    expect(board.byItem.find((i) => i.id === "4")).toEqual({ id: "4", title: `${articleLabel("4", "en")} ${interview.rules.byId.get("4")!.text.title.en}`, eligible: 1, needsInfo: 1, notEligible: 1, sumMaxFen: 100_00 });
    expect(board.byItem.find((i) => i.id === "5")).toEqual({ id: "5", title: `${articleLabel("5", "en")} ${interview.rules.byId.get("5")!.text.title.en}`, eligible: 0, needsInfo: 0, notEligible: 0, sumMaxFen: 0 });
    expect((await dashboard(store, interview, period, "zh")).byItem[0]!.title).toBe(`${articleLabel(ITEM_IDS[0], "zh")} ${interview.rules.byId.get(ITEM_IDS[0])!.text.title.zh}`);
  });

  it("the facts most often missing and the most common near misses, most frequent first, ties by key, at most 20", async () => {
    const facts = Array.from({ length: TOP + 2 }, (_, i) => `applicant.fact${String(i).padStart(2, "0")}`);
    const records = [
      record("TZ-20260301-AAAAAAAA", "2026-03-01T02:00:00.000Z", [item("6", "needs_info", null, { missing: ["applicant.sme", ...facts] }), item("6", "not_eligible", null, { nearMiss: "not_sme" })]),
      record("TZ-20260302-BBBBBBBB", "2026-03-02T02:00:00.000Z", [item("6", "needs_info", null, { missing: ["applicant.sme"] }), item("7", "not_eligible", null, { nearMiss: "no_standard" })]),
      record("TZ-20260302-CCCCCCCC", "2026-03-02T03:00:00.000Z", [item("5", "not_eligible", null, { nearMiss: "no_new_filing" }), item("6", "not_eligible", null, { nearMiss: "not_sme" })]),
    ];
    const board = await dashboard(await storeOf(records), interview, { from: "2026-03-01", to: "2026-03-02" }, "en");
    const describe = describeFact({ ...interview, screening: { version: 1 } });
    expect(board.missingFacts).toHaveLength(TOP);
    expect(TOP).toBe(20);
    expect(board.missingFacts[0]).toEqual({ fact: "applicant.sme", label: describe("applicant.sme", "en"), count: 2 });
    expect(board.missingFacts.slice(1).map((f) => [f.fact, f.count])).toEqual(facts.slice(0, TOP - 1).map((fact) => [fact, 1]));
    expect(board.nearMisses).toEqual([
      { item: "6", condition: "not_sme", label: `${articleLabel("6", "en")}: ${reasonText({ code: "not_sme", cite: "6" }, "en")}`, count: 2 },
      { item: "5", condition: "no_new_filing", label: `${articleLabel("5", "en")}: ${reasonText({ code: "no_new_filing", cite: "5" }, "en")}`, count: 1 },
      { item: "7", condition: "no_standard", label: `${articleLabel("7", "en")}: ${reasonText({ code: "no_standard", cite: "7" }, "en")}`, count: 1 },
    ]);
  });

  it("FAQ gaps: the same question on several days once, counts added, most asked first, ties by question", async () => {
    const store = new MemoryStore();
    const gap = (question: string, outcome: "refused" | "weak", at: string) => store.recordActivity({ kind: "faq_gap", question, outcome, at: new Date(at) });
    await gap("school places", "refused", "2026-03-01T02:00:00.000Z");
    await gap("school places", "refused", "2026-03-02T02:00:00.000Z");
    await gap("school places", "weak", "2026-03-02T02:00:00.000Z");
    await gap("b question", "weak", "2026-03-02T02:00:00.000Z");
    await gap("a question", "weak", "2026-03-01T02:00:00.000Z");
    await gap("outside", "weak", "2026-03-05T02:00:00.000Z");
    const board = await dashboard(store, interview, { from: "2026-03-01", to: "2026-03-02" }, "en");
    expect(board.faqGaps).toEqual([
      { question: "school places", outcome: "refused", count: 2 },
      { question: "a question", outcome: "weak", count: 1 },
      { question: "b question", outcome: "weak", count: 1 },
      { question: "school places", outcome: "weak", count: 1 },
    ]);
    for (let i = 0; i < TOP + 1; i++) await gap(`q${String(i).padStart(2, "0")}`, "weak", "2026-03-01T02:00:00.000Z");
    expect((await dashboard(store, interview, { from: "2026-03-01", to: "2026-03-02" }, "en")).faqGaps).toHaveLength(TOP);
  });

  it("/stats figures leave out an item this version does not know (a record of an older rules file)", async () => {
    const store = await storeOf([record("TZ-20260301-AAAAAAAA", "2026-03-01T02:00:00.000Z", [item("4", "eligible", 100_00), item("99", "eligible", 50_00)])]);
    const stats = statsOfDays(await store.daySummaries("2026-03-01", "2026-03-01"));
    expect(stats.byItem.map((i) => i.id)).toEqual([...ITEM_IDS]);
    expect(stats.byItem.find((i) => i.id === "4")).toEqual({ id: "4", eligible: 1, sumFen: 100_00 });
    expect(stats).toMatchObject({ count: 1, byDay: [["2026-03-01", 1]], totalFen: 150_00 });
  });

  it("day arithmetic for the staff pages", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });
});
