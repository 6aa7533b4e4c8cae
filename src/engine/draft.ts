import { applyRate } from "./money.js";
import type { CapKind, CapUse, Reason } from "./outcome.js";
import { formatYuanPlain } from "../i18n/formatMoney.js";
import type { Rate } from "./params.js";

/** What one run of an item's rule produced: failed conditions, or an amount with its working. */
export class Draft {
  readonly failures: Reason[] = [];
  readonly reasons: Reason[] = [];
  readonly trace: string[] = [];
  readonly caps: CapUse[] = [];

  constructor(readonly cite: string) {}

  /** Records a failed condition. Returns whether it held, so rules can read naturally. */
  require(holds: boolean, code: string, params?: Reason["params"], cite = this.cite): boolean {
    if (!holds) this.failures.push({ code, cite, ...(params ? { params } : {}) });
    return holds;
  }

  note(code: string, params?: Reason["params"]): void {
    this.reasons.push({ code, cite: this.cite, ...(params ? { params } : {}) });
  }

  get failed(): boolean {
    return this.failures.length > 0;
  }

  /** A fixed one-time amount. */
  fixed(fen: number): number {
    this.trace.push(`one-time amount ${formatYuanPlain(fen)}`);
    return fen;
  }

  /** `rate × base`, rounded down to the fen. */
  rate(rate: Rate, baseFen: number): number {
    const value = applyRate(baseFen, rate.basisPoints);
    this.trace.push(`${rate.percent}% × ${formatYuanPlain(baseFen)} = ${formatYuanPlain(value)}`);
    return value;
  }

  /** Sum of named parts, traced. */
  sum(parts: { label: string; fen: number }[]): number {
    const total = parts.reduce((acc, part) => acc + part.fen, 0);
    const terms = parts.map((part) => `${part.label} ${formatYuanPlain(part.fen)}`).join(" + ");
    this.trace.push(`${terms} = ${formatYuanPlain(total)}`);
    return total;
  }

  /** Limits `amountFen` to what is left of a cap after `usedFen`; never below zero. */
  cap(name: string, kind: CapKind, amountFen: number, limitFen: number, usedFen = 0): number {
    const room = Math.max(0, limitFen - usedFen);
    const after = Math.min(amountFen, room);
    const used = usedFen > 0 ? ` − ${formatYuanPlain(usedFen)} already received` : "";
    this.trace.push(`cap ${formatYuanPlain(limitFen)}${used} → ${formatYuanPlain(after)}`);
    this.caps.push({ name, kind, limitFen, usedFen, beforeFen: amountFen, afterFen: after, roomAfterFen: room - after });
    return after;
  }

  /** Cumulative limit: min(amount, limit) less what was already received, never below zero. */
  cumulative(name: string, amountFen: number, limitFen: number, receivedFen: number): number {
    const limited = Math.min(amountFen, limitFen);
    const after = Math.max(0, limited - receivedFen);
    this.trace.push(`cap ${formatYuanPlain(limitFen)} → ${formatYuanPlain(limited)}`);
    if (receivedFen > 0) this.trace.push(`${formatYuanPlain(limited)} − ${formatYuanPlain(receivedFen)} already received = ${formatYuanPlain(after)}`);
    const room = Math.max(0, limitFen - receivedFen - after);
    this.caps.push({ name, kind: "cumulative", limitFen, usedFen: receivedFen, beforeFen: amountFen, afterFen: after, roomAfterFen: room });
    return after;
  }
}
