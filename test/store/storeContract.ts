import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { newOutboxId } from "../../src/store/outboxId.js";
import type { OutboxEntry, ScreeningRecord, Store } from "../../src/store/store.js";
import { conversationRecord, screeningRecord } from "./fixtures/records.js";

function outboxEntry(conversationId: string, at: string, payload: unknown = { sends: [{ text: `to ${conversationId}` }] }): OutboxEntry {
  return { id: newOutboxId(conversationId, new Date(at)), conversationId, createdAt: at, payload };
}

async function collect(records: AsyncIterable<ScreeningRecord>): Promise<ScreeningRecord[]> {
  const out: ScreeningRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

/** What every Store does, whatever keeps its data: run against each implementation. */
export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`${name}: the Store contract`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it("reads a chat never stored as null", async () => {
      expect(await store.getConversation("tg:42")).toBeNull();
    });

    it("reads a chat record back as it was stored", async () => {
      const record = conversationRecord("tg:42");
      await store.putConversation(record);
      expect(await store.getConversation("tg:42")).toEqual(record);
    });

    it("keeps its own copy: changing a record after storing it changes nothing stored, and the record given is not frozen", async () => {
      const record = conversationRecord("tg:42");
      await store.putConversation(record);
      record.llm.calls = 99;
      record.interview!.log.push({ key: "sme", value: false });
      expect(await store.getConversation("tg:42")).toEqual(conversationRecord("tg:42"));
    });

    it("hands out a frozen record, the same until it is replaced: changing it throws and changes nothing stored", async () => {
      await store.putConversation(conversationRecord("tg:42"));
      const read = (await store.getConversation("tg:42"))!;
      expect(await store.getConversation("tg:42")).toBe(read);
      expect(() => (read.interview!.log as unknown[]).push({ key: "sme", value: false })).toThrow(TypeError);
      expect(() => Object.assign(read.interview!.log[0]!, { value: null })).toThrow(TypeError);
      expect(() => Object.assign(read.llm, { calls: 99 })).toThrow(TypeError);
      expect(await store.getConversation("tg:42")).toEqual(conversationRecord("tg:42"));
      await store.putConversation({ ...read, lang: "en" });
      expect(await store.getConversation("tg:42")).not.toBe(read);
      expect((await store.getConversation("tg:42"))?.lang).toBe("en");
    });

    it("replaces a chat's record on putConversation", async () => {
      await store.putConversation(conversationRecord("tg:42"));
      await store.putConversation(conversationRecord("tg:42", { lang: "en", interview: null, updatedAt: "2025-06-02T09:00:00.000Z" }));
      expect(await store.getConversation("tg:42")).toEqual(conversationRecord("tg:42", { lang: "en", interview: null, updatedAt: "2025-06-02T09:00:00.000Z" }));
    });

    it("reads a screening back by its case id, and an unknown or malformed case id as null", async () => {
      const record = screeningRecord("tg:42", "2025-06-01T08:30:00.000Z");
      await store.addScreening(record);
      expect(await store.getScreening(record.caseId)).toEqual(record);
      expect(await store.getScreening("TZ-20250601-0000ZZZZ")).toBeNull();
      expect(await store.getScreening("../../chats/42")).toBeNull();
    });

    it("lists the screenings created in [from, to), oldest first, across days", async () => {
      const times = ["2025-06-03T10:00:00.000Z", "2025-05-31T23:59:59.999Z", "2025-06-01T00:00:00.000Z", "2025-06-02T12:00:00.000Z", "2025-06-01T07:00:00.000Z"];
      for (const [i, time] of times.entries()) await store.addScreening(screeningRecord(`tg:${i + 1}`, time));
      const listed = await collect(store.screenings("2025-06-01", "2025-06-03"));
      expect(listed.map((r) => r.createdAt)).toEqual(["2025-06-01T00:00:00.000Z", "2025-06-01T07:00:00.000Z", "2025-06-02T12:00:00.000Z"]);
      expect(await collect(store.screenings("2025-07-01", "2025-08-01"))).toEqual([]);
    });

    it("erases a chat's record and every screening of it, and nothing of another chat", async () => {
      const mine = [screeningRecord("tg:42", "2025-06-01T08:00:00.000Z"), screeningRecord("tg:42", "2025-06-05T08:00:00.000Z")];
      const theirs = screeningRecord("tg:7", "2025-06-01T09:00:00.000Z");
      await store.putConversation(conversationRecord("tg:42"));
      await store.putConversation(conversationRecord("tg:7"));
      for (const record of [...mine, theirs]) await store.addScreening(record);
      await store.deleteConversation("tg:42");
      expect(await store.getConversation("tg:42")).toBeNull();
      for (const record of mine) expect(await store.getScreening(record.caseId)).toBeNull();
      expect(await store.getConversation("tg:7")).toEqual(conversationRecord("tg:7"));
      expect(await store.getScreening(theirs.caseId)).toEqual(theirs);
      expect((await collect(store.screenings("2025-01-01", "2026-01-01"))).map((r) => r.conversationId)).toEqual(["tg:7"]);
    });

    it("keeps a re-checked result beside the original, one per rules version, and lists only the original", async () => {
      const original = screeningRecord("tg:42", "2025-06-01T08:00:00.000Z");
      await store.addScreening(original);
      const rechecked = { ...original, rulesVersion: "tongzhou-de-2026.1+0000abcd", totalMaxSupportFen: original.totalMaxSupportFen + 123_456 };
      await store.addRecheck(rechecked);
      await store.addRecheck({ ...rechecked, totalMaxSupportFen: 1 });
      expect(await store.rechecksOf(original.caseId)).toEqual([{ ...rechecked, totalMaxSupportFen: 1 }]);
      expect(await store.getScreening(original.caseId)).toEqual(original);
      expect(await collect(store.screenings("2025-01-01", "2026-01-01"))).toEqual([original]);
      expect(await store.rechecksOf(screeningRecord("tg:7", "2025-06-01T09:00:00.000Z").caseId)).toEqual([]);
    });

    it("refuses a re-check of a case it does not keep, and erases and purges re-checks with their case", async () => {
      const original = screeningRecord("tg:42", "2025-06-01T08:00:00.000Z");
      await expect(store.addRecheck({ ...original, rulesVersion: "v+1" })).rejects.toThrow(RangeError);
      await store.addScreening(original);
      await store.addRecheck({ ...original, rulesVersion: "v+1" });
      await store.deleteConversation("tg:42");
      expect(await store.rechecksOf(original.caseId)).toEqual([]);
      const old = screeningRecord("tg:1", "2025-05-31T08:00:00.000Z");
      await store.addScreening(old);
      await store.addRecheck({ ...old, rulesVersion: "v+1" });
      await store.purgeBefore("2025-06-01");
      expect(await store.rechecksOf(old.caseId)).toEqual([]);
    });

    it("lists a conversation's own cases oldest first, and none for another or a malformed id", async () => {
      const later = screeningRecord("tg:42", "2025-06-05T08:00:00.000Z");
      const earlier = screeningRecord("tg:42", "2025-06-01T08:00:00.000Z");
      await store.addScreening(later);
      await store.addScreening(earlier);
      await store.addScreening(screeningRecord("web:AAAAAAAAAAAAAAAAAAAAAA", "2025-06-03T08:00:00.000Z"));
      expect(await store.casesOf("tg:42")).toEqual(expect.arrayContaining([earlier.caseId, later.caseId]));
      expect(await store.casesOf("tg:42")).toHaveLength(2);
      expect(await store.casesOf("tg:7")).toEqual([]);
      expect(await store.casesOf("../chats/42")).toEqual([]);
    });

    it("erases a chat whose last putConversation was not awaited", async () => {
      void store.putConversation(conversationRecord("tg:42"));
      await store.deleteConversation("tg:42");
      expect(await store.getConversation("tg:42")).toBeNull();
    });

    it("erases the screenings of a chat that has no chat record", async () => {
      const record = screeningRecord("tg:42", "2025-06-01T08:00:00.000Z");
      await store.addScreening(record);
      await store.deleteConversation("tg:42");
      expect(await store.getScreening(record.caseId)).toBeNull();
    });

    it("purges screenings created before the cutoff and chats idle since, and counts them", async () => {
      const old = screeningRecord("tg:1", "2025-05-31T23:00:00.000Z");
      const kept = screeningRecord("tg:1", "2025-06-01T00:00:00.000Z");
      await store.addScreening(old);
      await store.addScreening(kept);
      await store.putConversation(conversationRecord("tg:1", { updatedAt: "2025-05-20T08:00:00.000Z" }));
      await store.putConversation(conversationRecord("tg:2", { updatedAt: "2025-06-01T08:00:00.000Z" }));
      expect(await store.purgeBefore("2025-06-01")).toBe(2);
      expect(await store.getScreening(old.caseId)).toBeNull();
      expect(await store.getScreening(kept.caseId)).toEqual(kept);
      expect(await store.getConversation("tg:1")).toBeNull();
      expect(await store.getConversation("tg:2")).not.toBeNull();
      expect(await store.purgeBefore("2025-06-01")).toBe(0);
    });

    it("keeps the last of 200 concurrent putConversation calls for one chat", async () => {
      await Promise.all(Array.from({ length: 200 }, (_, i) => store.putConversation(conversationRecord("tg:42", { llm: { day: "2025-06-01", calls: i } }))));
      expect((await store.getConversation("tg:42"))?.llm.calls).toBe(199);
    });

    it("keeps undelivered replies oldest first until they are removed, and replaces one in place", async () => {
      const later = outboxEntry("tg:42", "2025-06-01T08:00:02.000Z");
      const earlier = outboxEntry("tg:7", "2025-06-01T08:00:01.000Z");
      const same = outboxEntry("tg:42", "2025-06-01T08:00:02.000Z", { n: 2 });
      for (const entry of [later, earlier, same]) await store.putOutbox(entry);
      expect(await store.outbox()).toEqual([earlier, later, same]);
      await store.putOutbox({ ...later, payload: { sends: [], done: 1 } });
      await store.removeOutbox(earlier.id);
      await store.removeOutbox(earlier.id);
      expect(await store.outbox()).toEqual([{ ...later, payload: { sends: [], done: 1 } }, same]);
    });

    it("refuses an outbox entry whose id names another conversation", async () => {
      await expect(store.putOutbox({ ...outboxEntry("tg:42", "2025-06-01T08:00:00.000Z"), conversationId: "tg:7" })).rejects.toThrow(/tg:7/);
    });

    it("erases a conversation's undelivered replies with it, and only its own", async () => {
      const mine = outboxEntry("tg:4", "2025-06-01T08:00:00.000Z");
      const theirs = outboxEntry("tg:42", "2025-06-01T08:00:00.000Z");
      await store.putOutbox(mine);
      await store.putOutbox(theirs);
      expect(await store.deleteConversation("tg:4")).toEqual({ notErased: [] });
      expect(await store.outbox()).toEqual([theirs]);
    });

    it("purges undelivered replies made before the cutoff", async () => {
      const old = outboxEntry("tg:1", "2025-05-31T08:00:00.000Z");
      const kept = outboxEntry("tg:1", "2025-06-01T08:00:00.000Z");
      await store.putOutbox(old);
      await store.putOutbox(kept);
      await store.purgeBefore("2025-06-01");
      expect(await store.outbox()).toEqual([kept]);
    });
  
    it("sums screenings per Beijing day: 23:30 UTC is the next day in Beijing; erased and purged screenings leave the sums", async () => {
      await store.addScreening(screeningRecord("tg:1", "2025-06-01T15:59:59.000Z"));
      const late = screeningRecord("web:abc", "2025-06-01T23:30:00.000Z", { items: [
        { id: "6", status: "needs_info", maxSupportFen: null, potentialMaxSupportFen: 50_000_000, project: null, counted: false, missing: ["applicant.sme", "vouchers.significantResults"] },
        { id: "4", status: "not_eligible", maxSupportFen: null, potentialMaxSupportFen: null, project: null, counted: false, nearMiss: "no_fast_growth" },
      ], totalMaxSupportFen: 0 });
      await store.addScreening(late);
      const days = await store.daySummaries("2025-06-01", "2025-06-02");
      expect([...days.keys()].sort()).toEqual(["2025-06-01", "2025-06-02"]);
      expect(days.get("2025-06-01")).toMatchObject({ finished: { tg: 1 }, totalFen: 9_000_000, items: { "6": { eligible: 1, sumMaxFen: 9_000_000 } } });
      expect(days.get("2025-06-02")).toEqual({
        finished: { web: 1 },
        totalFen: 0,
        items: { "6": { eligible: 0, needsInfo: 1, notEligible: 0, sumMaxFen: 0 }, "4": { eligible: 0, needsInfo: 0, notEligible: 1, sumMaxFen: 0 } },
        missing: { "applicant.sme": 1, "vouchers.significantResults": 1 },
        nearMisses: { "4 no_fast_growth": 1 },
      });
      expect((await store.daySummaries("2025-06-02", "2025-06-02")).size).toBe(1);
      await store.deleteConversation("web:abc");
      expect((await store.daySummaries("2025-06-01", "2025-06-02")).has("2025-06-02")).toBe(false);
      await store.purgeBefore("2025-06-02");
      expect((await store.daySummaries("2025-06-01", "2025-06-02")).size).toBe(0);
    });

    it("counts screenings begun per channel and FAQ gaps per question, by Beijing day", async () => {
      await store.recordActivity({ kind: "started", channel: "tg", at: new Date("2025-06-01T16:00:00.000Z") });
      await store.recordActivity({ kind: "started", channel: "tg", at: new Date("2025-06-01T15:00:00.000Z") });
      await store.recordActivity({ kind: "faq_gap", question: "housing?", outcome: "refused", at: new Date("2025-06-01T15:00:00.000Z") });
      await store.recordActivity({ kind: "faq_gap", question: "housing?", outcome: "refused", at: new Date("2025-06-01T15:30:00.000Z") });
      await store.recordActivity({ kind: "faq_gap", question: "housing?", outcome: "weak", at: new Date("2025-06-01T15:30:00.000Z") });
      expect(await store.activity("2025-06-01", "2025-06-02")).toEqual(new Map([
        ["2025-06-01", { started: { tg: 1 }, faqGaps: [{ question: "housing?", outcome: "refused", count: 2 }, { question: "housing?", outcome: "weak", count: 1 }] }],
        ["2025-06-02", { started: { tg: 1 }, faqGaps: [] }],
      ]));
    });
  });
}
