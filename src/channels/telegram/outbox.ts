import type { Telegram } from "telegraf";
import type { Logger } from "../../log.js";
import { newOutboxId } from "../../store/outboxId.js";
import type { OutboxEntry, Store } from "../../store/store.js";
import { telegramConversationId } from "../../store/conversationId.js";
import { RecentKeys } from "./recentKeys.js";
import { batchSchema, type Batch, type Send } from "./sends.js";
import { Sender, type SendEnd, type SenderOptions } from "./sender.js";

export { DEFAULT_RETRY, TELEGRAM_LIMITS, type RateLimits, type RetryPolicy } from "./sendPolicy.js";

export interface OutboxOptions extends SenderOptions {
  store: Store;
  clock?: () => Date;
}

/** Updates remembered to recognise a second delivery: far more than Telegram redelivers at once. */
const RECENT_UPDATES = 10_000;

/**
 * At-least-once delivery of replies. A batch (the replies to one update) is written to the
 * store's outbox before anything of it is sent, and removed once it was delivered or failed
 * for good; the update is acknowledged to Telegram only after `queue` resolved. A crash or a
 * stop leaves the batches not yet delivered on disk, and the next start sends them first.
 * A message in flight when the process died may then be shown twice: the unavoidable
 * duplicate of at-least-once, counted in the start-up log line.
 */
export class Outbox {
  private readonly sender: Sender;
  private readonly store: Store;
  private readonly logger: Logger;
  private readonly clock: () => Date;
  private readonly updates = new RecentKeys<number>(RECENT_UPDATES);
  /** Chats a reply to which failed for good: their next stale button press shows where they stand. */
  private readonly lost = new Set<number>();
  /** Bookkeeping after a batch settled (removing or shortening its file), awaited by close(). */
  private readonly settling = new Set<Promise<void>>();
  private replayed: Promise<void> = Promise.resolve();

  constructor(telegram: Telegram, options: OutboxOptions) {
    this.sender = new Sender(telegram, options);
    this.store = options.store;
    this.logger = options.logger;
    this.clock = options.clock ?? (() => new Date());
  }

  /**
   * Sends the batches a crash or a stop left in the store, before anything queued after this
   * call. Resolves once they are read (not yet delivered).
   */
  replay(): Promise<void> {
    this.replayed = (async () => {
      const entries = await this.store.outbox().catch((error: unknown) => {
        this.logger.error("outbox: could not read undelivered replies", { error: String(error) });
        return [];
      });
      let batches = 0;
      for (const entry of entries) {
        const batch = this.parse(entry);
        if (!batch) continue;
        if (batch.updateId !== null) this.updates.seen(batch.updateId);
        this.run(entry, batch, Promise.resolve(true));
        batches += 1;
      }
      // Each batch may repeat the one message that was in flight when the process stopped.
      if (batches > 0) this.logger.warn("outbox: sending replies left undelivered by the last run", { batches, possibleDuplicates: batches });
    })();
    return this.replayed;
  }

  /**
   * Remembers an update; true if it was handled already (a webhook retry, a redelivery after a
   * crash of an update whose replies are still in the outbox). Waits for the replay to be read.
   */
  async alreadyHandled(updateId: number): Promise<boolean> {
    await this.replayed;
    return this.updates.seen(updateId);
  }

  /**
   * Keeps the batch in the store, then sends it behind the chat's earlier batches. Resolves once
   * it is stored; if it cannot be (a full or read-only disk), it is sent from memory all the same.
   */
  queue(chatId: number, updateId: number | null, sends: readonly Send[]): Promise<void> {
    if (sends.length === 0) return Promise.resolve();
    const batch: Batch = { v: 1, chatId, updateId, sends: [...sends] };
    const conversationId = telegramConversationId(chatId);
    const now = this.clock();
    const entry: OutboxEntry = { id: newOutboxId(conversationId, now), conversationId, createdAt: now.toISOString(), payload: batch };
    const stored = this.store.putOutbox(entry).then(
      () => true,
      (error: unknown) => {
        this.logger.error("outbox: could not store replies; sending them from memory only", { chat: chatId, error: String(error) });
        return false;
      },
    );
    // Behind the replayed batches: they are handed to the sender before the replay resolves.
    void this.replayed.then(() => this.run(entry, batch, stored));
    return stored.then(() => undefined);
  }

  /** True once after a reply to the chat failed for good: the caller shows the chat where it stands. */
  takeLost(chatId: number): boolean {
    return this.lost.delete(chatId);
  }

  typing(chatId: number): Promise<SendEnd> {
    return this.sender.typing(chatId);
  }

  answerCallback(callbackQueryId: string, text?: string): Promise<SendEnd> {
    return this.sender.answerCallback(callbackQueryId, text);
  }

  direct(method: string, call: (telegram: Telegram) => Promise<unknown>): Promise<SendEnd> {
    return this.sender.direct(method, call);
  }

  markBlocked(chatId: number): void {
    this.sender.markBlocked(chatId);
  }

  unblock(chatId: number): void {
    this.sender.unblock(chatId);
  }

  /** Resolves when everything queued was delivered (or failed), or after `timeoutMs`; returns whether it emptied. */
  drain(timeoutMs = Infinity): Promise<boolean> {
    return this.sender.drain(timeoutMs);
  }

  /** Resolves once nothing is queued or in flight and every stored batch that settled was removed or shortened. */
  async idle(): Promise<void> {
    await this.replayed;
    await this.sender.drain();
    while (this.settling.size > 0) await Promise.all([...this.settling]);
  }

  /** Stops sending; what is still queued stays in the store for the next start. Resolves once the store says so. */
  async close(): Promise<void> {
    this.sender.close();
    while (this.settling.size > 0) await Promise.all([...this.settling]);
  }

  private parse(entry: OutboxEntry): Batch | null {
    const parsed = batchSchema.safeParse(entry.payload);
    if (parsed.success) return parsed.data;
    this.logger.error("outbox: an undelivered batch is not one this bot wrote; removed", { id: entry.id, problem: parsed.error.issues[0]?.message });
    this.settle(this.store.removeOutbox(entry.id));
    return null;
  }

  /** Sends a batch in order once it is stored; then removes it from the store, or keeps what was not sent. */
  private run(entry: OutboxEntry, batch: Batch, stored: Promise<boolean>): void {
    const ends = batch.sends.map((send, i) => this.sender.send(batch.chatId, send, i === 0 ? stored : undefined));
    this.settle(
      Promise.all(ends).then(async (results) => {
        if (results.includes("failed")) this.lost.add(batch.chatId);
        if (!(await stored)) return;
        const unsent = results.indexOf("dropped");
        if (unsent < 0) await this.store.removeOutbox(entry.id);
        else if (unsent > 0) await this.store.putOutbox({ ...entry, payload: { ...batch, sends: batch.sends.slice(unsent) } });
      }),
    );
  }

  private settle(work: Promise<void>): void {
    const tracked = work.catch((error: unknown) => this.logger.error("outbox: could not update the stored replies", { error: String(error) }));
    this.settling.add(tracked);
    void tracked.then(() => this.settling.delete(tracked));
  }
}
