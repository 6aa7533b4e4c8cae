import type { Telegram } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { Logger } from "../../log.js";
import type { Send } from "./sends.js";
import { splitMessage } from "./split.js";
import { classifySendError } from "./telegramErrors.js";
import { Pauses } from "./pauses.js";
import { backoffMs, DEFAULT_RETRY, TELEGRAM_LIMITS, type RateLimits, type RetryPolicy } from "./sendPolicy.js";
import { WindowLimiter } from "./windowLimiter.js";

export interface SenderOptions {
  logger: Logger;
  limits?: RateLimits;
  retry?: RetryPolicy;
  /** Bot API requests in flight at once. */
  maxConcurrent?: number;
  /** Called once when a chat turns out to have blocked the bot (403). */
  onBlocked?: (chatId: number) => void;
  /** Ends every Bot API call in flight (on close: nothing more is waited for). */
  abortCalls?: () => void;
  now?: () => number;
}

/**
 * How a send ended: delivered; failed for good (a permanent error, or the retries ran out);
 * not sent because the chat blocked the bot; or dropped unsent because the sender closed.
 */
export type SendEnd = "sent" | "failed" | "blocked" | "dropped";

interface Job {
  method: string;
  call: (telegram: Telegram) => Promise<unknown>;
  /** Sent instead when the message to edit is gone: a new message with the same content. */
  fallback?: (done: (end: SendEnd) => void) => Job[];
  /** Nothing of the chat is sent before this settles (the batch is on disk). */
  ready?: Promise<unknown>;
  done: (end: SendEnd) => void;
}

/**
 * Every Bot API call of the bot goes through here: in order per chat, within the rate limits,
 * retried while Telegram or the network fails (until the retry horizon), and never to a chat
 * that blocked the bot. Calls never reject: how each ended is what they resolve to.
 *
 * A 5xx or a timeout is retried, so delivery is at least once: a 502 from a proxy, or a call
 * past its deadline, may hide a message that did arrive, and the retry then shows it twice. We
 * accept that rare duplicate over a lost question; an edit repeated is harmless.
 */
export class Sender {
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
    private readonly options: SenderOptions,
  ) {
    this.limits = options.limits ?? TELEGRAM_LIMITS;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.maxConcurrent = options.maxConcurrent ?? 50;
    this.now = options.now ?? (() => performance.now());
    this.overall = this.limits.overall ? new WindowLimiter(this.limits.overall.perSecond, 1_000, this.now) : null;
  }

  /** Queues one send behind the chat's earlier ones; `ready` holds the chat's lane until it settles. */
  send(chatId: number, send: Send, ready?: Promise<unknown>): Promise<SendEnd> {
    return new Promise((resolve) => {
      const jobs = this.jobsOf(chatId, send, resolve);
      if (jobs.length === 0) return resolve("sent");
      jobs[0]!.ready = ready;
      this.enqueue(chatId, jobs);
    });
  }

  typing(chatId: number): Promise<SendEnd> {
    return new Promise((resolve) => {
      this.enqueue(chatId, [{ method: "sendChatAction", call: (tg) => tg.sendChatAction(chatId, "typing"), done: resolve }]);
    });
  }

  /** Answers a button press at once, outside the chat's queue: the spinner should stop now. */
  answerCallback(callbackQueryId: string, text?: string): Promise<SendEnd> {
    return this.direct("answerCallbackQuery", (tg) => tg.answerCbQuery(callbackQueryId, text === undefined ? undefined : text.slice(0, 200)));
  }

  /** A call that names no chat (the command menu). */
  direct(method: string, call: (telegram: Telegram) => Promise<unknown>): Promise<SendEnd> {
    return new Promise((resolve) => {
      this.track(this.attempt(null, { method, call, done: resolve }));
    });
  }

  isBlocked(chatId: number): boolean {
    return this.blocked.has(chatId);
  }

  /** The user blocked the bot (my_chat_member): drop what is queued and send nothing more. */
  markBlocked(chatId: number): void {
    this.blocked.add(chatId);
    for (const job of this.lanes.get(chatId)?.splice(0) ?? []) job.done("blocked");
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

  /** Stops waiting and sending: calls in flight are ended, and whatever is queued is dropped. */
  close(): void {
    this.closed = true;
    this.overall?.close();
    for (const limiter of this.chatLimits.values()) limiter.close();
    this.pauses.stop();
    this.options.abortCalls?.();
  }

  private jobsOf(chatId: number, send: Send, done: (end: SendEnd) => void): Job[] {
    switch (send.op) {
      case "text":
        return this.textJobs(chatId, splitMessage(send.text), send.keyboard, done);
      case "edit": {
        if (splitMessage(send.text).length > 1) {
          // Too long for one message: the old one loses its buttons and the text comes as new messages.
          const unbutton = this.jobsOf(chatId, { op: "unbutton", messageId: send.messageId }, () => undefined);
          return [...unbutton, ...this.textJobs(chatId, splitMessage(send.text), send.keyboard, done)];
        }
        return [{
          method: "editMessageText",
          call: (tg) => tg.editMessageText(chatId, send.messageId, undefined, send.text, { reply_markup: send.keyboard, link_preview_options: { is_disabled: true } }),
          fallback: (fallbackDone) => this.textJobs(chatId, [send.text], send.keyboard, fallbackDone),
          done,
        }];
      }
      case "unbutton":
        return [{ method: "editMessageReplyMarkup", call: (tg) => tg.editMessageReplyMarkup(chatId, send.messageId, undefined, undefined), done }];
      case "document":
        return [{
          method: "sendDocument",
          call: (tg) => tg.sendDocument(chatId, { source: Buffer.from(send.content, "utf8"), filename: send.filename }, { caption: send.caption }),
          done,
        }];
    }
  }

  /** A text in parts: the keyboard goes under the last; the send ends as its worst part did. */
  private textJobs(chatId: number, parts: string[], keyboard: InlineKeyboardMarkup | undefined, done: (end: SendEnd) => void): Job[] {
    if (parts.length === 0) return [];
    const ends: SendEnd[] = [];
    const partDone = (end: SendEnd) => {
      ends.push(end);
      if (ends.length === parts.length) done((["dropped", "blocked", "failed"] as const).find((worst) => ends.includes(worst)) ?? "sent");
    };
    return parts.map((part, i) => ({
      method: "sendMessage",
      call: (tg) => tg.sendMessage(chatId, part, { reply_markup: i === parts.length - 1 ? keyboard : undefined, link_preview_options: { is_disabled: true } }),
      done: partDone,
    }));
  }

  private enqueue(chatId: number, jobs: Job[]): void {
    if (this.closed || this.blocked.has(chatId)) {
      if (jobs.length > 0) this.options.logger.debug("send skipped", { chat: chatId, method: jobs[0]!.method, reason: this.closed ? "closed" : "blocked" });
      for (const job of jobs) job.done(this.closed ? "dropped" : "blocked");
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
    for (let job = lane.shift(); job; job = lane.shift()) {
      if (job.ready) await job.ready;
      await this.attempt(chatId, job, lane);
    }
    this.lanes.delete(chatId);
    this.forgetIdleLimiters();
  }

  /** One job until it succeeds, fails for good, or the retry horizon has passed. */
  private async attempt(chatId: number | null, job: Job, lane?: Job[]): Promise<void> {
    const fields = { chat: chatId ?? undefined, method: job.method };
    const giveUpAt = this.now() + this.retry.horizonMs;
    for (let attempts = 1, waits = 0; ; ) {
      const release = chatId !== null ? await this.slot(chatId) : () => undefined;
      if (this.closed || (chatId !== null && this.blocked.has(chatId))) {
        release();
        return this.drop(job, lane, fields);
      }
      let failure;
      try {
        await this.withSocket(() => job.call(this.telegram));
        return job.done("sent");
      } catch (error) {
        failure = classifySendError(error);
      } finally {
        release();
      }
      if (this.closed) return this.drop(job, lane, fields);
      switch (failure.kind) {
        case "not_modified":
          return job.done("sent");
        case "not_editable":
          this.options.logger.debug("message not editable; sending a new one", { ...fields, detail: failure.detail });
          if (job.fallback && lane) return void lane.unshift(...job.fallback(job.done));
          return job.done("failed");
        case "blocked":
          if (chatId !== null) this.block(chatId, lane, failure.detail);
          return job.done("blocked");
        case "rate_limited":
          if (++waits > this.retry.maxRateLimitWaits || this.now() + failure.retryAfterMs > giveUpAt) return this.giveUp(job, fields, "429 too often");
          this.options.logger.warn("rate limited by Telegram; waiting", { ...fields, retryAfterMs: failure.retryAfterMs });
          await this.pauses.sleep(failure.retryAfterMs);
          continue;
        case "transient": {
          const pause = backoffMs(this.retry, attempts);
          if (this.now() + pause > giveUpAt) return this.giveUp(job, fields, failure.detail);
          this.options.logger.warn("send failed; retrying", { ...fields, attempt: attempts, detail: failure.detail });
          await this.pauses.sleep(pause);
          attempts += 1;
          continue;
        }
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
    for (const job of dropped) job.done("blocked");
    this.options.logger.info("chat blocked the bot; sending stopped", { chat: chatId, detail, dropped: dropped.length });
    this.options.onBlocked?.(chatId);
  }

  private drop(job: Job, lane: Job[] | undefined, fields: Record<string, unknown>): void {
    const dropped = [job, ...(lane ? lane.splice(0) : [])];
    const end = this.closed ? "dropped" : "blocked";
    for (const each of dropped) each.done(end);
    this.options.logger.warn("sends dropped", { ...fields, count: dropped.length, reason: this.closed ? "shutting down" : "blocked" });
  }

  private giveUp(job: Job, fields: Record<string, unknown>, detail: string): void {
    this.options.logger.error("send failed for good", { ...fields, detail });
    job.done("failed");
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
