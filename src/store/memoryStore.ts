import { checkOutboxEntryId, compareOutboxIds, conversationOfOutboxId, dayOfOutboxId } from "./outboxId.js";
import type { ConversationRecord, ErasureReport, OutboxEntry, ScreeningRecord, Store } from "./store.js";
import { addActivity, emptyActivity, type ActivityEvent, type DayActivity } from "./activity.js";
import { beijingDayOf } from "./beijingDay.js";
import { addToSummary, emptySummary, type DaySummary } from "./daySummary.js";
import { deepFreeze, type Frozen } from "../frozen.js";

/** The store in memory: for unit tests of the layers above it, and for trying the bot without files. */
export class MemoryStore implements Store {
  private readonly chats = new Map<string, Frozen<ConversationRecord>>();
  private readonly cases = new Map<string, ScreeningRecord>();
  /** Re-checked results by case id, then rules version. */
  private readonly rechecks = new Map<string, Map<string, ScreeningRecord>>();
  private readonly pending = new Map<string, OutboxEntry>();
  private readonly activityByDay = new Map<string, DayActivity>();

  async getConversation(conversationId: string): Promise<Frozen<ConversationRecord> | null> {
    return this.chats.get(conversationId) ?? null;
  }

  async putConversation(record: Frozen<ConversationRecord>): Promise<void> {
    this.chats.set(record.conversationId, deepFreeze(structuredClone(record)));
  }

  async addScreening(record: ScreeningRecord): Promise<void> {
    this.cases.set(record.caseId, structuredClone(record));
  }

  async getScreening(caseId: string): Promise<ScreeningRecord | null> {
    const record = this.cases.get(caseId);
    return record ? structuredClone(record) : null;
  }

  async casesOf(conversationId: string): Promise<string[]> {
    const mine = [...this.cases.values()].filter((r) => r.conversationId === conversationId);
    return mine.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((r) => r.caseId);
  }

  async addRecheck(record: ScreeningRecord): Promise<void> {
    if (!this.cases.has(record.caseId)) throw new RangeError(`no stored screening ${record.caseId} to keep a re-check beside`);
    const byVersion = this.rechecks.get(record.caseId) ?? new Map<string, ScreeningRecord>();
    byVersion.set(record.rulesVersion, structuredClone(record));
    this.rechecks.set(record.caseId, byVersion);
  }

  async rechecksOf(caseId: string): Promise<ScreeningRecord[]> {
    return [...(this.rechecks.get(caseId)?.values() ?? [])].map((record) => structuredClone(record));
  }

  async *screenings(from: string, to: string): AsyncIterable<ScreeningRecord> {
    const inRange = [...this.cases.values()].filter((r) => r.createdAt >= from && r.createdAt < to);
    for (const record of inRange.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) yield structuredClone(record);
  }

  async daySummaries(fromDay: string, toDay: string): Promise<Map<string, DaySummary>> {
    const out = new Map<string, DaySummary>();
    for (const record of this.cases.values()) {
      const day = beijingDayOf(record.createdAt);
      if (day < fromDay || day > toDay) continue;
      if (!out.has(day)) out.set(day, emptySummary());
      addToSummary(out.get(day)!, record);
    }
    return out;
  }

  async recordActivity(event: ActivityEvent): Promise<void> {
    const day = beijingDayOf(event.at);
    if (!this.activityByDay.has(day)) this.activityByDay.set(day, emptyActivity());
    addActivity(this.activityByDay.get(day)!, event);
  }

  async activity(fromDay: string, toDay: string): Promise<Map<string, DayActivity>> {
    return new Map([...this.activityByDay].filter(([day]) => day >= fromDay && day <= toDay).map(([day, a]) => [day, structuredClone(a)]));
  }

  async deleteConversation(conversationId: string): Promise<ErasureReport> {
    this.chats.delete(conversationId);
    for (const [caseId, record] of this.cases) {
      if (record.conversationId !== conversationId) continue;
      this.cases.delete(caseId);
      this.rechecks.delete(caseId);
    }
    for (const id of this.pending.keys()) if (conversationOfOutboxId(id) === conversationId) this.pending.delete(id);
    return { notErased: [] };
  }

  async putOutbox(entry: OutboxEntry): Promise<void> {
    checkOutboxEntryId(entry);
    this.pending.set(entry.id, structuredClone(entry));
  }

  async removeOutbox(id: string): Promise<void> {
    this.pending.delete(id);
  }

  async outbox(): Promise<OutboxEntry[]> {
    const ids = [...this.pending.keys()].sort(compareOutboxIds);
    return ids.map((id) => structuredClone(this.pending.get(id)!));
  }

  async purgeBefore(cutoff: string): Promise<number> {
    let removed = 0;
    for (const [caseId, record] of this.cases) {
      if (record.createdAt < cutoff) {
        this.cases.delete(caseId);
        this.rechecks.delete(caseId);
        removed += 1;
      }
    }
    for (const id of this.pending.keys()) if ((dayOfOutboxId(id) ?? cutoff) < cutoff) this.pending.delete(id);
    for (const day of this.activityByDay.keys()) if (day < cutoff) this.activityByDay.delete(day);
    for (const [conversationId, record] of this.chats) {
      if (record.updatedAt < cutoff) {
        this.chats.delete(conversationId);
        removed += 1;
      }
    }
    return removed;
  }

  async close(): Promise<void> {}
}
