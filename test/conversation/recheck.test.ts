import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { recheckCsvLines, recheckScreenings, recheckTable } from "../../src/conversation/staff/recheck/index.js";
import { recheckOne, type RecheckReport } from "../../src/conversation/staff/recheck/recheck.js";
import { toScreeningRecord } from "../../src/conversation/screeningRecord.js";
import { evaluate } from "../../src/engine/evaluate.js";
import type { ScreeningRecord } from "../../src/store/store.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { MemoryStore } from "../../src/store/memoryStore.js";
import { modelCapOn, passesCap, rulesWithModelCapChanged, storedScreening } from "../support/storedScreenings.js";

const rules = loadRules();
const RAISE = 100_000;
const dir = rulesWithModelCapChanged(RAISE);
const newRules = loadRules(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function storeOf(count: number): Promise<MemoryStore> {
  const store = new MemoryStore();
  for (let n = 0; n < count; n++) await store.addScreening(storedScreening(n, rules));
  return store;
}
const all = (store: MemoryStore) => store.screenings("0000-01-01", "9999-12-31");
async function list(store: MemoryStore) {
  const records = [];
  for await (const record of all(store)) records.push(record);
  return records;
}

describe("re-checking stored screenings", () => {
  it("finds no change under the rules the screenings were made with", async () => {
    const report = await recheckScreenings(all(await storeOf(50)), rules);
    expect(report).toMatchObject({ checked: 50, changes: [] });
  });

  it("lists exactly the screenings a raised cap changes, with the item and the totals before and after", async () => {
    const store = await storeOf(140);
    const report = await recheckScreenings(all(store), newRules);
    const expected = Array.from({ length: 140 }, (_, n) => n).filter((n) => passesCap(n, rules));
    expect(report.checked).toBe(140);
    expect(report.changes.map((c) => c.caseId).sort()).toEqual(expected.map((n) => storedScreening(n, rules).caseId).sort());
    const nine = storedScreening(9, rules);
    const change = report.changes.find((c) => c.caseId === nine.caseId)!;
    // Screening 9: a 1,800,000 model contract, 30% of it over either cap, and a 100,000 event (50%).
    // The cap it was judged by is the one in force on its date, read from the rules rather than written here.
    const capYuan = modelCapOn(rules, nine.asOf);
    const raised = capYuan + RAISE;
    expect(change.items).toEqual([{ item: "6", before: { status: "eligible", maxSupportFen: capYuan * 100, countedSupportFen: capYuan * 100 }, after: { status: "eligible", maxSupportFen: raised * 100, countedSupportFen: raised * 100 } }]);
    expect(change.totalAfterFen - change.totalBeforeFen).toBe((raised - capYuan) * 100);
    expect(change.after.rulesVersion).toBe(newRules.rulesVersion);
    expect(change.rulesVersionBefore).toBe(rules.rulesVersion);
  });

  it("leaves the stored screenings as they were", async () => {
    const store = await storeOf(30);
    const before = JSON.stringify(await list(store));
    await recheckScreenings(all(store), newRules);
    expect(JSON.stringify(await list(store))).toBe(before);
  });

  it("writes the changes as CSV, one row per changed item, and as a table", async () => {
    const report = await recheckScreenings(all(await storeOf(10)), newRules);
    const lines = [...recheckCsvLines(report)];
    expect(lines[0]).toBe("caseId,asOf,item,statusBefore,statusAfter,maxBefore,maxAfter,countedBefore,countedAfter,totalBefore,totalAfter,rulesVersionBefore,rulesVersionAfter");
    const nine = storedScreening(9, rules);
    const capYuan = modelCapOn(rules, nine.asOf);
    const raised = capYuan + RAISE;
    const total = (fen: number) => String(fen / 100);
    const row = lines.find((line) => line.startsWith(nine.caseId))!;
    expect(row).toBe(
      [nine.caseId, nine.asOf, "6", "eligible", "eligible", total(capYuan * 100), total(raised * 100), total(capYuan * 100), total(raised * 100), total(nine.totalMaxSupportFen), total(nine.totalMaxSupportFen + (raised - capYuan) * 100), rules.rulesVersion, newRules.rulesVersion].join(","),
    );
    const table = recheckTable(report);
    expect(table).toContain(`${nine.caseId}  ${nine.asOf}`);
    const shown = (yuan: number) => `${yuan.toLocaleString("en")}.00`;
    expect(table).toContain(`6: ${shown(capYuan)} → ${shown(raised)}`);
    expect(table).toContain(`${report.changes.length} of 10 stored screenings change under rules ${newRules.rulesVersion}.`);
  });
});

describe("re-checking one stored screening", () => {
  /** Screening 9 as stored, with its items changed as an older version of the rules might have judged them. */
  function storedAs(change: (items: ScreeningRecord["items"]) => ScreeningRecord["items"], total?: number): ScreeningRecord {
    const record = storedScreening(9, rules);
    return { ...record, items: change(record.items.map((item) => ({ ...item }))), totalMaxSupportFen: total ?? record.totalMaxSupportFen };
  }
  const six = (items: ScreeningRecord["items"]) => items.find((item) => item.id === "6")!;
  const stateOfSix = (record: ScreeningRecord) => {
    const item = six(record.items);
    return { status: item.status, maxSupportFen: item.maxSupportFen, countedSupportFen: item.countedSupportFen };
  };

  it("finds nothing to report when items and total are as the rules judge them now", () => {
    expect(recheckOne(storedScreening(9, rules), rules)).toBeNull();
  });

  it("reports an item whose status alone changed, or its maximum alone, or its counted amount alone", () => {
    const now = stateOfSix(storedScreening(9, rules));
    const changes: [string, Partial<ScreeningRecord["items"][number]>][] = [
      ["status", { status: "needs_info" }],
      ["maximum", { maxSupportFen: now.maxSupportFen! - 1 }],
      ["counted amount", { countedSupportFen: now.countedSupportFen! - 1 }],
    ];
    for (const [what, fields] of changes) {
      const change = recheckOne(storedAs((items) => items.map((item) => (item.id === "6" ? { ...item, ...fields } : item))), rules);
      expect(change?.items, what).toEqual([{ item: "6", before: { ...now, ...fields }, after: now }]);
    }
  });

  it("reads a counted item stored without its counted amount (before format 1.1) as counted in full, and one not counted as nothing", () => {
    const withoutAmount = (counted: boolean) => storedAs((items) => items.map((item) => (item.id === "6" ? { ...item, counted, countedSupportFen: undefined } : item)));
    expect(recheckOne(withoutAmount(true), rules)).toBeNull();
    const now = stateOfSix(storedScreening(9, rules));
    expect(recheckOne(withoutAmount(false), rules)?.items).toEqual([{ item: "6", before: { ...now, countedSupportFen: 0 }, after: now }]);
  });

  it("reports an item the stored screening lacks, and one the rules no longer have", () => {
    const now = stateOfSix(storedScreening(9, rules));
    expect(recheckOne(storedAs((items) => items.filter((item) => item.id !== "6")), rules)?.items).toEqual([{ item: "6", before: null, after: now }]);
    const gone = { ...six(storedScreening(9, rules).items), id: "20" };
    expect(recheckOne(storedAs((items) => [...items, gone]), rules)?.items).toEqual([{ item: "20", before: now, after: null }]);
  });

  it("reports a changed total even when no item changed", () => {
    const record = storedScreening(9, rules);
    const change = recheckOne({ ...record, totalMaxSupportFen: record.totalMaxSupportFen + 1 }, rules);
    expect(change).toMatchObject({ items: [], totalBeforeFen: record.totalMaxSupportFen + 1, totalAfterFen: record.totalMaxSupportFen });
  });

  it("tells Article 11's projects apart by their number", () => {
    const screening = {
      ...storedScreening(9, rules).screening,
      infrastructure: [
        { kind: "blockchain_node" as const, eligibleInvestment: 10_000_000, yearsSupported: 0 },
        { kind: "blockchain_node" as const, eligibleInvestment: 20_000_000, yearsSupported: 0 },
      ],
    };
    const record = toScreeningRecord({ caseId: storedScreening(9, rules).caseId, conversationId: "cli", createdAt: new Date("2025-09-10T08:00:09Z"), lang: "en", screening, evaluation: evaluate(screening, rules, "2025-09-01") });
    expect(recheckOne(record, rules)).toBeNull();
    const swapped = { ...record, items: record.items.map((item) => (item.id === "11" ? { ...item, project: item.project === 1 ? 2 : 1 } : item)) };
    expect(recheckOne(swapped, rules)?.items.map((change) => change.item)).toEqual(["11#2", "11#1"]);
  });
});

describe("the re-check written out", () => {
  /** Two changed screenings: one with an item gone, one new and one no longer eligible; one whose total alone changed. */
  function report(): RecheckReport {
    const after = storedScreening(1, rules);
    return {
      rulesVersion: "v2",
      checked: 5,
      changes: [
        {
          caseId: "TZ-20250901-AAAAAAAA",
          asOf: "2025-09-01",
          rulesVersionBefore: "v1",
          totalBeforeFen: 123_456_78,
          totalAfterFen: 100_000_00,
          items: [
            { item: "11#2", before: { status: "eligible", maxSupportFen: 200_000_00, countedSupportFen: 150_000_50 }, after: null },
            { item: "12", before: null, after: { status: "needs_info", maxSupportFen: null, countedSupportFen: 0 } },
            { item: "6", before: { status: "eligible", maxSupportFen: 300_000_00, countedSupportFen: 300_000_00 }, after: { status: "not_eligible", maxSupportFen: null, countedSupportFen: 0 } },
          ],
          after,
        },
        { caseId: "TZ-20250902-BBBBBBBB", asOf: "2026-01-02", rulesVersionBefore: "v1", totalBeforeFen: 1, totalAfterFen: 0, items: [], after },
      ],
    };
  }

  it("writes one CSV row per changed item, empty cells for an item absent on one side, and a row for a total that changed alone", () => {
    expect([...recheckCsvLines(report())].slice(1)).toEqual([
      "TZ-20250901-AAAAAAAA,2025-09-01,11#2,eligible,,200000,,150000.5,,123456.78,100000,v1,v2",
      "TZ-20250901-AAAAAAAA,2025-09-01,12,,needs_info,,,,0,123456.78,100000,v1,v2",
      "TZ-20250901-AAAAAAAA,2025-09-01,6,eligible,not_eligible,300000,,300000,0,123456.78,100000,v1,v2",
      "TZ-20250902-BBBBBBBB,2026-01-02,,,,,,,,0.01,0,v1,v2",
    ]);
  });

  it("lays out a table: counted amounts of eligible items, the status of others, a dash for an absent item, columns padded to the widest cell", () => {
    expect(recheckTable(report()).split("\n")).toEqual([
      "case                  asOf        items (counted, before → after)                                         total before → after",
      "--------------------  ----------  ----------------------------------------------------------------------  -----------------------",
      "TZ-20250901-AAAAAAAA  2025-09-01  11#2: 150,000.50 → —; 12: — → needs_info; 6: 300,000.00 → not_eligible  123,456.78 → 100,000.00",
      "TZ-20250902-BBBBBBBB  2026-01-02                                                                          0.01 → 0.00",
      "",
      "2 of 5 stored screenings change under rules v2.",
      "",
    ]);
  });

  it("says only the count when nothing changes", () => {
    expect(recheckTable({ rulesVersion: "v2", checked: 3, changes: [] })).toBe("0 of 3 stored screenings change under rules v2.\n");
    expect([...recheckCsvLines({ rulesVersion: "v2", checked: 3, changes: [] })]).toHaveLength(1);
  });
});

