import type { Telegram } from "telegraf";
import type { InlineKeyboardMarkup, Message } from "telegraf/types";
import type { Logger } from "../../log.js";
import { splitMessage } from "./split.js";
import { classifySendError } from "./telegramErrors.js";
import { Pauses } from "./pauses.js";
import { backoffMs, DEFAULT_RETRY, TELEGRAM_LIMITS, type RateLimits, type RetryPolicy } from "./sendPolicy.js";
import { WindowLimiter } from "./windowLimiter.js";

export { DEFAULT_RETRY, TELEGRAM_LIMITS, type RateLimits, type RetryPolicy } from "./sendPolicy.js";

export interface OutboxOptions {
  logger: Logger;
  limits?: RateLimits;
  retry?: RetryPolicy;
  /** Bot API requests in flight at once. */
  maxConcurrent?: number;
  /** Called once when a chat turns out to have blocked the bot (403). */
  onBlocked?: (chatId: number) => void;
  now?: () => number;
}

interface Job {
  method: string;
  call: (telegram: Telegram) => Promise<unknown>;
  /** Sent instead when the message to edit is gone: a new message with the same content. */
  fallback?: () => Job[];
  done: (result: unknown) => void;
}

/**
 * Every message the bot sends goes through here: in order per chat, within the rate limits,
 * retried when Telegram or the network fails for a while, and never to a chat that blocked
 * the bot. Calls never reject: a message that could not be delivered is logged and resolves
 * to undefined, so a handler is never stopped by a failed send.
 *
 * A 5xx is retried, so delivery is at least once: with real Telegram a 502 from a proxy may
 * hide a message that did arrive, and the retry then shows it twice. We accept that rare
 * duplicate over a lost question; an edit repeated is harmless ("message is not modified").
 */
export class Outbox {
  private readonly lanes = new Map<number, Job[]>();
  private readonly chatLimits = new Map<number, WindowLimiter>();
  private readonly overall: WindowLimiter | null;
  private readonly blocked = new Set<number>();
  private readonly running = new Set<Promise<void>>();
  private readonly pauses = new Pauses();
  private readonly waitingForSocket: (() => void)[] = [];
  private inFlight = 0;
  private closed = false;
  private readonly limits: RateLimits;
  private readonly retry: RetryPolicy;
  private readonly maxConcurrent: number;
  private readonly now: () => number;

  constructor(
    private readonly telegram: Telegram,
    private readonly options: OutboxOptions,
  ) {
    this.limits = options.limits ?? TELEGRAM_LIMITS;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.maxConcurrent = options.maxConcurrent ?? 50;
    this.now = options.now ?? (() => performance.now());
    this.overall = this.limits.overall ? new WindowLimiter(this.limits.overall.perSecond, 1_000, this.now) : null;
  }

  /** Sends a text, split on line boundaries when it is over 4096 characters; the keyboard goes under the last part. */
  sendText(chatId: number, text: string, keyboard?: InlineKeyboardMarkup): Promise<Message.TextMessage | undefined> {
    const parts = splitMessage(text);
    if (parts.length === 0) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.enqueue(chatId, this.textJobs(chatId, parts, keyboard, resolve));
    });
  }

  /** Replaces a message's text and keyboard; sends a new message when it is too long or cannot be edited. */
  editText(chatId: number, messageId: number, text: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
    if (splitMessage(text).length > 1) {
      void this.removeKeyboard(chatId, messageId);
      return this.sendText(chatId, text, keyboard).then(() => undefined);
    }
    return new Promise((resolve) => {
      this.enqueue(chatId, [{
        method: "editMessageText",
        call: (tg) => tg.editMessageText(chatId, messageId, undefined, text, { reply_markup: keyboard, link_preview_options: { is_disabled: true } }),
        fallback: () => this.textJobs(chatId, [text], keyboard, () => undefined),
        done: () => resolve(),
      }]);
    });
  }

  removeKeyboard(chatId: number, messageId: number): Promise<void> {
    return new Promise((resolve) => {
      this.enqueue(chatId, [{ method: "editMessageReplyMarkup", call: (tg) => tg.editMessageReplyMarkup(chatId, messageId, undefined, undefined), done: () => resolve() }]);
    });
  }

  sendDocument(chatId: number, file: { filename: string; content: Buffer }, caption: string): Promise<void> {
    return new Promise((resolve) => {
      this.enqueue(chatId, [{
        method: "sendDocument",
        call: (tg) => tg.sendDocument(chatId, { source: file.content, filename: file.filename }, { caption }),
        done: () => resolve(),
      }]);
    });
  }

  typing(chatId: number): Promise<void> {
    return new Promise((resolve) => {
      this.enqueue(chatId, [{ method: "sendChatAction", call: (tg) => tg.sendChatAction(chatId, "typing"), done: () => resolve() }]);
    });
  }

  /** Answers a button press at once, outside the chat's queue: the spinner should stop now. */
  answerCallback(callbackQueryId: string, text?: string): Promise<void> {
    return this.direct("answerCallbackQuery", (tg) => tg.answerCbQuery(callbackQueryId, text === undefined ? undefined : text.slice(0, 200)));
  }

  /** A call that names no chat (the command menu). */
  direct(method: string, call: (telegram: Telegram) => Promise<unknown>): Promise<void> {
    return new Promise((resolve) => {
      this.track(this.attempt(null, { method, call, done: () => resolve() }));
    });
  }

  isBlocked(chatId: number): boolean {
    return this.blocked.has(chatId);
  }

  /** The user blocked the bot (my_chat_member): drop what is queued and send nothing more. */
  markBlocked(chatId: number): void {
    this.blocked.add(chatId);
    for (const job of this.lanes.get(chatId)?.splice(0) ?? []) job.done(undefined);
  }

  /** The user wrote again, so they unblocked the bot. */
  unblock(chatId: number): void {
    this.blocked.delete(chatId);
  }

  /** Resolves when nothing is queued or in flight, or after `timeoutMs`; returns whether it emptied. */
  async drain(timeoutMs = Infinity): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      if (Number.isFinite(timeoutMs)) timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const empty = (async () => {
      while (this.running.size > 0) await Promise.all([...this.running]);
      return true as const;
    })();
    const result = await Promise.race([empty, timeout]);
    clearTimeout(timer);
    return result;
  }

  /** Stops waiting and sending: whatever is still queued is dropped (and logged). */
  close(): void {
    this.closed = true;
    this.overall?.close();
    for (const limiter of this.chatLimits.values()) limiter.close();
    this.pauses.stop();
  }

  private textJobs(chatId: number, parts: string[], keyboard: InlineKeyboardMarkup | undefined, resolve: (m: Message.TextMessage | undefined) => void): Job[] {
    return parts.map((part, i) => {
      const last = i === parts.length - 1;
      return {
        method: "sendMessage",
        call: (tg) => tg.sendMessage(chatId, part, { reply_markup: last ? keyboard : undefined, link_preview_options: { is_disabled: true } }),
        done: (result) => {
          if (last) resolve(result as Message.TextMessage | undefined);
        },
      };
    });
  }

  private enqueue(chatId: number, jobs: Job[]): void {
    if (this.closed || this.blocked.has(chatId)) {
      if (jobs.length > 0) this.options.logger.debug("send skipped", { chat: chatId, method: jobs[0]!.method, reason: this.closed ? "closed" : "blocked" });
      for (const job of jobs) job.done(undefined);
      return;
    }
    const lane = this.lanes.get(chatId);
    if (lane) {
      lane.push(...jobs);
      return;
    }
    const fresh = [...jobs];
    this.lanes.set(chatId, fresh);
    this.track(this.runLane(chatId, fresh));
  }

  private async runLane(chatId: number, lane: Job[]): Promise<void> {
    for (let job = lane.shift(); job; job = lane.shift()) await this.attempt(chatId, job, lane);
    this.lanes.delete(chatId);
    this.forgetIdleLimiters();
  }

  /** One job until it succeeds, fails for good, or the retries run out. */
  private async attempt(chatId: number | null, job: Job, lane?: Job[]): Promise<void> {
    const fields = { chat: chatId ?? undefined, method: job.method };
    for (let attempts = 1, waits = 0; ; ) {
      const release = chatId !== null ? await this.slot(chatId) : () => undefined;
      if (this.closed || (chatId !== null && this.blocked.has(chatId))) {
        release();
        return this.drop(job, lane, fields);
      }
      let failure;
      try {
        job.done(await this.withSocket(() => job.call(this.telegram)));
        return;
      } catch (error) {
        failure = classifySendError(error);
      } finally {
        release();
      }
      switch (failure.kind) {
        case "not_modified":
          return job.done(undefined);
        case "not_editable":
          if (job.fallback && lane) lane.unshift(...job.fallback());
          this.options.logger.debug("message not editable; sending a new one", { ...fields, detail: failure.detail });
          return job.done(undefined);
        case "blocked":
          if (chatId !== null) this.block(chatId, lane, failure.detail);
          return job.done(undefined);
        case "rate_limited":
          if (++waits > this.retry.maxRateLimitWaits) return this.giveUp(job, fields, "429 too often");
          this.options.logger.warn("rate limited by Telegram; waiting", { ...fields, retryAfterMs: failure.retryAfterMs });
          await this.pauses.sleep(failure.retryAfterMs);
          continue;
        case "transient":
          if (attempts >= this.retry.maxAttempts) return this.giveUp(job, fields, failure.detail);
          this.options.logger.warn("send failed; retrying", { ...fields, attempt: attempts, detail: failure.detail });
          await this.pauses.sleep(backoffMs(this.retry, attempts));
          attempts += 1;
          continue;
        case "permanent":
          return this.giveUp(job, fields, failure.detail);
      }
    }
  }

  /** Waits until the chat's and the overall limits allow one more call; returns what frees the slots. */
  private async slot(chatId: number): Promise<() => void> {
    const perChat = this.limits.perChat;
    let chat: WindowLimiter | undefined;
    if (perChat) {
      chat = this.chatLimits.get(chatId);
      if (!chat) {
        chat = new WindowLimiter(perChat.burst, perChat.burst * perChat.intervalMs, this.now);
        this.chatLimits.set(chatId, chat);
      }
    }
    const releaseChat = chat ? await chat.acquire() : undefined;
    const releaseAll = this.overall ? await this.overall.acquire() : undefined;
    return () => {
      releaseAll?.();
      releaseChat?.();
    };
  }

  /** Per-chat windows of chats that went quiet are dropped now and then, so memory stays flat. */
  private forgetIdleLimiters(): void {
    if (this.chatLimits.size < 1_000) return;
    for (const [chatId, limiter] of this.chatLimits) if (!this.lanes.has(chatId) && limiter.idle) this.chatLimits.delete(chatId);
  }

  private block(chatId: number, lane: Job[] | undefined, detail: string): void {
    if (this.blocked.has(chatId)) return;
    this.blocked.add(chatId);
    const dropped = lane ? lane.splice(0) : [];
    for (const job of dropped) job.done(undefined);
    this.options.logger.info("chat blocked the bot; sending stopped", { chat: chatId, detail, dropped: dropped.length });
    this.options.onBlocked?.(chatId);
  }

  private drop(job: Job, lane: Job[] | undefined, fields: Record<string, unknown>): void {
    const dropped = [job, ...(lane ? lane.splice(0) : [])];
    for (const each of dropped) each.done(undefined);
    this.options.logger.warn("sends dropped", { ...fields, count: dropped.length, reason: this.closed ? "shutting down" : "blocked" });
  }

  private giveUp(job: Job, fields: Record<string, unknown>, detail: string): void {
    this.options.logger.error("send failed for good", { ...fields, detail });
    job.done(undefined);
  }

  private async withSocket<T>(call: () => Promise<T>): Promise<T> {
    while (this.inFlight >= this.maxConcurrent && !this.closed) await this.pauses.until((wake) => this.waitingForSocket.push(wake));
    this.inFlight += 1;
    try {
      return await call();
    } finally {
      this.inFlight -= 1;
      this.waitingForSocket.shift()?.();
    }
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }
}
