import type { Update } from "telegraf/types";
import { ApiError } from "./apiError.js";

export interface PollRequest {
  offset: number | undefined;
  limit: number;
  timeoutSeconds: number;
  /** Aborted when the client disconnects (telegraf aborts its poll on bot.stop()). */
  signal: AbortSignal;
}

interface Waiter {
  limit: number;
  finish: (outcome: Update[] | ApiError) => void;
}

const CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";

/**
 * Pending updates and getUpdates long polling. Like Telegram, only one poll is held at a time:
 * a newer getUpdates ends the older one with 409, which exposes two bots polling one token.
 */
export class UpdateQueue {
  private pending: Update[] = [];
  private waiter: Waiter | undefined;
  private pollingListeners: (() => void)[] = [];
  /** Every update below this was confirmed by a getUpdates offset. */
  private confirmedBelow = 0;
  private confirmWaiters: { updateId: number; resolve: () => void }[] = [];
  private closed = false;

  constructor(private nextId: number) {}

  get nextUpdateId(): number {
    return this.nextId;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  get isPolling(): boolean {
    return this.waiter !== undefined;
  }

  push(build: (updateId: number) => Update): Update {
    const update = build(this.nextId);
    this.nextId += 1;
    this.pending.push(update);
    const waiter = this.waiter;
    if (waiter) waiter.finish(this.take(waiter.limit));
    return structuredClone(update);
  }

  dropPending(): void {
    this.pending = [];
  }

  poll(request: PollRequest): Promise<Update[]> {
    this.confirm(request.offset);
    this.waiter?.finish(new ApiError(409, CONFLICT));
    this.notifyPolling();
    if (this.pending.length > 0 || request.timeoutSeconds <= 0 || request.signal.aborted || this.closed) {
      return Promise.resolve(this.take(request.limit));
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => waiter.finish([]), request.timeoutSeconds * 1000);
      const onAbort = (): void => waiter.finish([]);
      const waiter: Waiter = {
        limit: request.limit,
        finish: (outcome) => {
          clearTimeout(timer);
          request.signal.removeEventListener("abort", onAbort);
          if (this.waiter === waiter) this.waiter = undefined;
          if (outcome instanceof ApiError) reject(outcome);
          else resolve(outcome);
        },
      };
      request.signal.addEventListener("abort", onAbort);
      this.waiter = waiter;
    });
  }

  /**
   * Resolves when the next getUpdates arrives, at once if a long poll is held now. A poll that
   * finds no update is held before this resolves, so an update pushed afterwards wakes it.
   */
  whenPolling(): Promise<void> {
    if (this.waiter) return Promise.resolve();
    return new Promise((resolve) => this.pollingListeners.push(resolve));
  }

  /**
   * Resolves once the bot confirmed the update: it asked for the updates after it, which a bot
   * that handles updates before polling again does only once the update was handled.
   */
  whenConfirmed(updateId: number): Promise<void> {
    if (updateId < this.confirmedBelow) return Promise.resolve();
    return new Promise((resolve) => this.confirmWaiters.push({ updateId, resolve }));
  }

  /** Ends a held poll with an empty result, as Telegram does when its timeout passes. */
  release(): void {
    this.waiter?.finish([]);
  }

  /** From now on polls return at once, so a closing server is not held up. */
  close(): void {
    this.closed = true;
    this.release();
  }

  /** offset confirms every update below it; a negative offset keeps only the last -offset. */
  private confirm(offset: number | undefined): void {
    if (offset === undefined || offset === 0) return;
    if (offset > this.confirmedBelow) this.notifyConfirmed(offset);
    this.pending =
      offset > 0 ? this.pending.filter((update) => update.update_id >= offset) : this.pending.slice(offset);
  }

  private take(limit: number): Update[] {
    return this.pending.slice(0, limit).map((update) => structuredClone(update));
  }

  private notifyConfirmed(offset: number): void {
    this.confirmedBelow = offset;
    const confirmed = this.confirmWaiters.filter((waiter) => waiter.updateId < offset);
    this.confirmWaiters = this.confirmWaiters.filter((waiter) => waiter.updateId >= offset);
    for (const waiter of confirmed) waiter.resolve();
  }

  private notifyPolling(): void {
    const listeners = this.pollingListeners;
    this.pollingListeners = [];
    for (const listener of listeners) listener();
  }
}
