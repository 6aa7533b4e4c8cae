import { added, NONE } from "./lists.js";
import { applyRate } from "./money.js";
import type { CapKind, CapUse, RateBase, Reason, SumPart, TraceStep } from "./outcome.js";
import type { BaseLevel } from "./screening.js";
import type { Rate } from "./params.js";

/**
 * What one run of an item's rule produced: failed conditions, or an amount with its working.
 * An item is run several times per evaluation and most runs record little, so each list is
 * made on its first entry.
 */
export class Draft {
  failures: readonly Reason[] = NONE;
  reasons: readonly Reason[] = NONE;
  trace: readonly TraceStep[] = NONE;
  caps: readonly CapUse[] = NONE;

  /** `waived` names one condition treated as met, to price a near miss. */
  constructor(
    readonly cite: string,
    private readonly waived: string | null = null,
  ) {}

  /** Records a failed condition (unless it is the one waived). */
  require(holds: boolean, code: string, params?: Reason["params"], cite = this.cite): void {
    if (!holds && code !== this.waived) this.failures = added(this.failures, { code, cite, params });
  }

  note(code: string, params?: Reason["params"]): void {
    this.reasons = added(this.reasons, { code, cite: this.cite, params });
  }

  get failed(): boolean {
    return this.failures.length > 0;
  }

  /** A fixed one-time amount. */
  fixed(fen: number): number {
    this.trace = added(this.trace, { kind: "fixed", fen });
    return fen;
  }

  /** `rate × base`, rounded down to the fen; `less` names what was taken off a contract to give the base. */
  rate(rate: Rate, baseFen: number, of: RateBase, less?: { contractFen: number; hardwareFen: number }): number {
    const value = applyRate(baseFen, rate.basisPoints);
    this.trace = added(this.trace, { kind: "rate", percent: rate.percent, baseFen, valueFen: value, of, ...less });
    return value;
  }

  /** Sum of parts, traced; `label` is the result file's compact name of the part. */
  sum(parts: { label: string; fen: number; part: SumPart }[]): number {
    let total = 0;
    for (const part of parts) total += part.fen;
    this.trace = added(this.trace, { kind: "sum", parts, totalFen: total });
    return total;
  }

  /** Limits `amountFen` to what is left of a cap after `usedFen`; never below zero. */
  cap(name: string, kind: CapKind, amountFen: number, limitFen: number, usedFen = 0): number {
    const room = Math.max(0, limitFen - usedFen);
    const after = Math.min(amountFen, room);
    this.trace = added(this.trace, { kind: "cap", limitFen, usedFen, afterFen: after, name, capKind: kind, beforeFen: amountFen });
    this.caps = added(this.caps, { name, kind, limitFen, usedFen, beforeFen: amountFen, afterFen: after, roomAfterFen: room - after });
    return after;
  }

  /** Cumulative limit: min(amount, limit) less what was already received, never below zero. */
  cumulative(name: string, amountFen: number, limitFen: number, receivedFen: number, baseLevel?: BaseLevel): number {
    const limited = Math.min(amountFen, limitFen);
    const after = Math.max(0, limited - receivedFen);
    this.trace = added(this.trace, { kind: "cap", limitFen, usedFen: 0, afterFen: limited, name, capKind: "cumulative", beforeFen: amountFen, ...(baseLevel ? { baseLevel } : {}) });
    if (receivedFen > 0) this.trace = added(this.trace, { kind: "less_received", beforeFen: limited, receivedFen, afterFen: after });
    const room = Math.max(0, limitFen - receivedFen - after);
    this.caps = added(this.caps, { name, kind: "cumulative", limitFen, usedFen: receivedFen, beforeFen: amountFen, afterFen: after, roomAfterFen: room });
    return after;
  }
}
