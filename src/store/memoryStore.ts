import type { ConversationRecord, ScreeningRecord, Store } from "./store.js";

/** The store in memory: for unit tests of the layers above it, and for trying the bot without files. */
export class MemoryStore implements Store {
  private readonly chats = new Map<string, ConversationRecord>();
  private readonly cases = new Map<string, ScreeningRecord>();

  async getConversation(conversationId: string): Promise<ConversationRecord | null> {
    const record = this.chats.get(conversationId);
    return record ? structuredClone(record) : null;
  }

  async putConversation(record: ConversationRecord): Promise<void> {
    this.chats.set(record.conversationId, structuredClone(record));
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

  async *screenings(from: string, to: string): AsyncIterable<ScreeningRecord> {
    const inRange = [...this.cases.values()].filter((r) => r.createdAt >= from && r.createdAt < to);
    for (const record of inRange.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) yield structuredClone(record);
  }

  async deleteConversation(conversationId: string): Promise<void> {
    this.chats.delete(conversationId);
    for (const [caseId, record] of this.cases) if (record.conversationId === conversationId) this.cases.delete(caseId);
  }

  async purgeBefore(cutoff: string): Promise<number> {
    let removed = 0;
    for (const [caseId, record] of this.cases) {
      if (record.createdAt < cutoff) {
        this.cases.delete(caseId);
        removed += 1;
      }
    }
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
