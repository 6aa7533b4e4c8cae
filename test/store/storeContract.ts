import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ScreeningRecord, Store } from "../../src/store/store.js";
import { chatRecord, screeningRecord } from "./fixtures/records.js";

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
      expect(await store.getChat(42)).toBeNull();
    });

    it("reads a chat record back as it was stored", async () => {
      const record = chatRecord(42);
      await store.putChat(record);
      expect(await store.getChat(42)).toEqual(record);
    });

    it("keeps its own copy: changing a record after storing or reading it changes nothing stored", async () => {
      const record = chatRecord(42);
      await store.putChat(record);
      record.llm.calls = 99;
      const read = await store.getChat(42);
      read!.interview!.log.push({ key: "sme", value: false });
      expect(await store.getChat(42)).toEqual(chatRecord(42));
    });

    it("replaces a chat's record on putChat", async () => {
      await store.putChat(chatRecord(42));
      await store.putChat(chatRecord(42, { lang: "en", interview: null, updatedAt: "2025-06-02T09:00:00.000Z" }));
      expect(await store.getChat(42)).toEqual(chatRecord(42, { lang: "en", interview: null, updatedAt: "2025-06-02T09:00:00.000Z" }));
    });

    it("reads a screening back by its case id, and an unknown or malformed case id as null", async () => {
      const record = screeningRecord(42, "2025-06-01T08:30:00.000Z");
      await store.addScreening(record);
      expect(await store.getScreening(record.caseId)).toEqual(record);
      expect(await store.getScreening("TZ-20250601-0000ZZZZ")).toBeNull();
      expect(await store.getScreening("../../chats/42")).toBeNull();
    });

    it("lists the screenings created in [from, to), oldest first, across days", async () => {
      const times = ["2025-06-03T10:00:00.000Z", "2025-05-31T23:59:59.999Z", "2025-06-01T00:00:00.000Z", "2025-06-02T12:00:00.000Z", "2025-06-01T07:00:00.000Z"];
      for (const [i, time] of times.entries()) await store.addScreening(screeningRecord(i + 1, time));
      const listed = await collect(store.screenings("2025-06-01", "2025-06-03"));
      expect(listed.map((r) => r.createdAt)).toEqual(["2025-06-01T00:00:00.000Z", "2025-06-01T07:00:00.000Z", "2025-06-02T12:00:00.000Z"]);
      expect(await collect(store.screenings("2025-07-01", "2025-08-01"))).toEqual([]);
    });

    it("erases a chat's record and every screening of it, and nothing of another chat", async () => {
      const mine = [screeningRecord(42, "2025-06-01T08:00:00.000Z"), screeningRecord(42, "2025-06-05T08:00:00.000Z")];
      const theirs = screeningRecord(7, "2025-06-01T09:00:00.000Z");
      await store.putChat(chatRecord(42));
      await store.putChat(chatRecord(7));
      for (const record of [...mine, theirs]) await store.addScreening(record);
      await store.deleteChat(42);
      expect(await store.getChat(42)).toBeNull();
      for (const record of mine) expect(await store.getScreening(record.caseId)).toBeNull();
      expect(await store.getChat(7)).toEqual(chatRecord(7));
      expect(await store.getScreening(theirs.caseId)).toEqual(theirs);
      expect((await collect(store.screenings("2025-01-01", "2026-01-01"))).map((r) => r.chatId)).toEqual([7]);
    });

    it("erases a chat whose last putChat was not awaited", async () => {
      void store.putChat(chatRecord(42));
      await store.deleteChat(42);
      expect(await store.getChat(42)).toBeNull();
    });

    it("erases the screenings of a chat that has no chat record", async () => {
      const record = screeningRecord(42, "2025-06-01T08:00:00.000Z");
      await store.addScreening(record);
      await store.deleteChat(42);
      expect(await store.getScreening(record.caseId)).toBeNull();
    });

    it("purges screenings created before the cutoff and chats idle since, and counts them", async () => {
      const old = screeningRecord(1, "2025-05-31T23:00:00.000Z");
      const kept = screeningRecord(1, "2025-06-01T00:00:00.000Z");
      await store.addScreening(old);
      await store.addScreening(kept);
      await store.putChat(chatRecord(1, { updatedAt: "2025-05-20T08:00:00.000Z" }));
      await store.putChat(chatRecord(2, { updatedAt: "2025-06-01T08:00:00.000Z" }));
      expect(await store.purgeBefore("2025-06-01")).toBe(2);
      expect(await store.getScreening(old.caseId)).toBeNull();
      expect(await store.getScreening(kept.caseId)).toEqual(kept);
      expect(await store.getChat(1)).toBeNull();
      expect(await store.getChat(2)).not.toBeNull();
      expect(await store.purgeBefore("2025-06-01")).toBe(0);
    });

    it("keeps the last of 200 concurrent putChat calls for one chat", async () => {
      await Promise.all(Array.from({ length: 200 }, (_, i) => store.putChat(chatRecord(42, { llm: { day: "2025-06-01", calls: i } }))));
      expect((await store.getChat(42))?.llm.calls).toBe(199);
    });
  });
}
