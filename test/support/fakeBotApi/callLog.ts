export interface UploadedDocument {
  fileId: string;
  fileUniqueId: string;
  filename: string;
  mimeType: string;
  size: number;
  data: Buffer;
}

/** One Bot API call as the fake answered it, failed ones included. */
export interface RecordedCall {
  /** 1, 2, 3… in the order the fake answered. */
  seq: number;
  method: string;
  /** As received; JSON fields sent as strings (multipart, query) are parsed. */
  params: Record<string, unknown>;
  chatId: number | undefined;
  /** `text`, or `caption` for documents, exactly as sent (before parse_mode). */
  text: string | undefined;
  replyMarkup: unknown;
  document: UploadedDocument | undefined;
  /** From the fake's clock, in ms; taken when the request arrived. */
  receivedAt: number;
  /** "webhookReply" for a method telegraf answered in the body of a webhook response. */
  via: "http" | "webhookReply";
  ok: boolean;
  status: number;
  result: unknown;
  error: string | undefined;
}

export type CallPredicate = (call: RecordedCall) => boolean;

interface Waiter {
  predicate: CallPredicate;
  resolve: (call: RecordedCall) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const CALLS_SHOWN_ON_TIMEOUT = 10;

export class CallLog {
  private readonly entries: RecordedCall[] = [];
  private recorded = 0;
  private waiters: Waiter[] = [];

  /** `keep` false: each call goes to the waiters then, and is not kept (`all` stays empty). */
  constructor(private readonly keep = true) {}

  get all(): readonly RecordedCall[] {
    return this.entries;
  }

  record(call: Omit<RecordedCall, "seq">): RecordedCall {
    this.recorded += 1;
    const recorded = { ...call, seq: this.recorded };
    if (this.keep) this.entries.push(recorded);
    for (const waiter of this.waiters.filter((candidate) => candidate.predicate(recorded))) {
      this.settle(waiter);
      waiter.resolve(recorded);
    }
    return recorded;
  }

  count(method: string): number {
    return this.entries.filter((call) => call.method === method).length;
  }

  /** Resolves with the first recorded call, past or future, that matches. */
  waitFor(predicate: CallPredicate, timeoutMs: number): Promise<RecordedCall> {
    const earlier = this.entries.find(predicate);
    if (earlier) return Promise.resolve(earlier);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.settle(waiter);
          reject(new Error(`waitFor: no Bot API call matched within ${timeoutMs} ms.\n${this.describeLast()}`));
        }, timeoutMs),
      };
      this.waiters.push(waiter);
    });
  }

  rejectWaiters(reason: string): void {
    for (const waiter of [...this.waiters]) {
      this.settle(waiter);
      waiter.reject(new Error(`waitFor: ${reason}.\n${this.describeLast()}`));
    }
  }

  /**
   * The most calls aimed at chats (or at one chat) that fell inside any window of `windowMs`,
   * counting attempts, since Telegram's limits count requests, failed ones included.
   */
  maxPerWindow(chatId: number | undefined, windowMs: number): number {
    const times = this.entries
      .filter((call) => call.chatId !== undefined && (chatId === undefined || call.chatId === chatId))
      .map((call) => call.receivedAt)
      .sort((a, b) => a - b);
    let most = 0;
    let first = 0;
    for (let last = 0; last < times.length; last += 1) {
      while ((times[last] ?? 0) - (times[first] ?? 0) >= windowMs) first += 1;
      most = Math.max(most, last - first + 1);
    }
    return most;
  }

  private settle(waiter: Waiter): void {
    clearTimeout(waiter.timer);
    this.waiters = this.waiters.filter((candidate) => candidate !== waiter);
  }

  private describeLast(): string {
    if (this.entries.length === 0) return "No calls were recorded.";
    const shown = this.entries.slice(-CALLS_SHOWN_ON_TIMEOUT);
    return [`Last ${shown.length} of ${this.entries.length} calls:`, ...shown.map(describeCall)].join("\n");
  }
}

function describeCall(call: RecordedCall): string {
  const chat = call.chatId === undefined ? "" : ` chat=${call.chatId}`;
  const outcome = call.ok ? "ok" : `${call.status} ${call.error ?? ""}`;
  const text = call.text === undefined ? "" : ` ${JSON.stringify(truncate(call.text, 60))}`;
  return `  #${call.seq} ${call.method}${chat}${text} → ${outcome}`;
}

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
