import { rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { recheckCsvLines, recheckScreenings, recheckTable } from "../../src/conversation/staff/recheck/index.js";
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
