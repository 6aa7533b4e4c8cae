import type { ChatRecord, ScreeningRecord, Store } from "./store.js";

/** The store in memory: for unit tests of the layers above it, and for trying the bot without files. */
export class MemoryStore implements Store {
  private readonly chats = new Map<number, ChatRecord>();
  private readonly cases = new Map<string, ScreeningRecord>();

  async getChat(chatId: number): Promise<ChatRecord | null> {
    const record = this.chats.get(chatId);
    return record ? structuredClone(record) : null;
  }

  async putChat(record: ChatRecord): Promise<void> {
    this.chats.set(record.chatId, structuredClone(record));
  }

  async addScreening(record: ScreeningRecord): Promise<void> {
    this.cases.set(record.caseId, structuredClone(record));
  }

  async getScreening(caseId: string): Promise<ScreeningRecord | null> {
    const record = this.cases.get(caseId);
    return record ? structuredClone(record) : null;
  }

  async *screenings(from: string, to: string): AsyncIterable<ScreeningRecord> {
    const inRange = [...this.cases.values()].filter((r) => r.createdAt >= from && r.createdAt < to);
    for (const record of inRange.sort((a, b) => a.createdAt.localeCompare(b.createdAt))) yield structuredClone(record);
  }

  async deleteChat(chatId: number): Promise<void> {
    this.chats.delete(chatId);
    for (const [caseId, record] of this.cases) if (record.chatId === chatId) this.cases.delete(caseId);
  }

  async purgeBefore(cutoff: string): Promise<number> {
    let removed = 0;
    for (const [caseId, record] of this.cases) {
      if (record.createdAt < cutoff) {
        this.cases.delete(caseId);
        removed += 1;
      }
    }
    for (const [chatId, record] of this.chats) {
      if (record.updatedAt < cutoff) {
        this.chats.delete(chatId);
        removed += 1;
      }
    }
    return removed;
  }

  async close(): Promise<void> {}
}
