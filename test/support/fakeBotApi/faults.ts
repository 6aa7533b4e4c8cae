import { ApiError, serverError, tooManyRequests } from "./apiError.js";

export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 | 504; description?: string }
  | { status: 400 | 403; description: string }
  /** Holds the request for delayMs, then handles it normally. */
  | { delayMs: number };

export interface PlannedOutcome {
  delayMs: number;
  /** When set, the call fails with it and has no effect. */
  error: ApiError | undefined;
}

const BLOCKED_BY_USER = "Forbidden: bot was blocked by the user";

/** Failures tests ask for: the next N calls of a method, or every call to a blocked chat. */
export class FaultPlan {
  private readonly queued = new Map<string, Fault[]>();
  private readonly blocked = new Map<number, string>();
  private outage: Fault | undefined;

  failNext(method: string, fault: Fault, count: number): void {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`failNext: count must be a positive integer, got ${count}`);
    const faults = this.queued.get(method) ?? [];
    faults.push(...Array.from({ length: count }, () => fault));
    this.queued.set(method, faults);
  }

  blockChat(chatId: number, description = BLOCKED_BY_USER): void {
    this.blocked.set(chatId, description);
  }

  unblockChat(chatId: number): void {
    this.blocked.delete(chatId);
  }

  /** Every call but getUpdates gets this fault until the outage ends (undefined). */
  setOutage(fault: Fault | undefined): void {
    this.outage = fault;
  }

  /** Consumes the method's next queued fault, if any; a blocked chat fails every call; an outage fails all but polling. */
  take(method: string, chatId: number | undefined): PlannedOutcome {
    const fault = (method === "getUpdates" ? undefined : this.outage) ?? this.queued.get(method)?.shift();
    const blockedDescription = chatId === undefined ? undefined : this.blocked.get(chatId);
    const blockedError = blockedDescription === undefined ? undefined : new ApiError(403, blockedDescription);
    if (!fault) return { delayMs: 0, error: blockedError };
    if ("delayMs" in fault) return { delayMs: fault.delayMs, error: blockedError };
    return { delayMs: 0, error: toError(fault) };
  }
}

function toError(fault: Exclude<Fault, { delayMs: number }>): ApiError {
  if (fault.status === 429) return tooManyRequests(fault.retryAfter);
  if (fault.status >= 500) return serverError(fault.status, fault.description);
  return new ApiError(fault.status, fault.description ?? "");
}
