import type { CapKind, ItemOutcome, ProjectRef, RateBase, SumPart, TraceStep } from "../engine/outcome.js";
import type { BaseLevel } from "../engine/screening.js";
import type { RecognitionLevel } from "../engine/ids.js";

/**
 * A line of an item's calculation as data, in the policy's own quantities: what a rate is taken
 * of, what each unit is worth, which cap applied and what was already received. The renderer
 * (renderCalculation.ts) words it in the reader's language; tests redo its arithmetic.
 */
export type Calculation =
  | { kind: "fixed"; fen: number }
  | { kind: "rate"; of: RateBase; percent: number; baseFen: number; valueFen: number; project?: ProjectRef }
  /** Article 9: the rate of the contract less its hardware. */
  | { kind: "rateLess"; percent: number; contractFen: number; hardwareFen: number; baseFen: number; valueFen: number }
  | { kind: "units"; unit: Extract<SumPart, { kind: "units" }>["unit"]; count: number; eachFen: number; totalFen: number }
  | { kind: "filing"; filing: Extract<SumPart, { kind: "filing" }>["filing"]; fen: number }
  | { kind: "recognition"; level: RecognitionLevel; fen: number }
  /** Article 8: only the difference, never below zero: fen = max(0, levelFen − fromFen). */
  | { kind: "promotion"; level: RecognitionLevel; levelFen: number; from: RecognitionLevel; fromFen: number; fen: number }
  | { kind: "sum"; parts: { part: SumPart; fen: number }[]; totalFen: number }
  /** A cap on what is left this year (or for the enterprise): after = min(before, max(0, limit − used)). */
  | { kind: "cap"; cap: string; capKind: CapKind; beforeFen: number; limitFen: number; usedFen: number; afterFen: number }
  /** A cumulative cap, then what was already received taken off: after = max(0, min(before, limit) − received). */
  | { kind: "cumulative"; cap: string; beforeFen: number; limitFen: number; receivedFen: number; afterFen: number }
  /** Article 10(2): the base's cumulative cap is the amount: after = max(0, limit − received). */
  | { kind: "baseCap"; baseLevel: BaseLevel; limitFen: number; receivedFen: number; afterFen: number }
  /** Article 16 leaves the whole item out of the total. */
  | { kind: "notCounted" }
  /** Article 16 leaves a part out: the item counted again without it (the lines after this one) gives countedFen. */
  | { kind: "recounted"; maxFen: number; countedFen: number };

/** A calculation and how far it is indented under the item (1: the recount Article 16 makes). */
export interface CalculationLine {
  calculation: Calculation;
  depth: 0 | 1;
}

/** The lines that show how an item's amount was reached, then what Article 16 leaves of it. */
export function calculationsOf(item: ItemOutcome): CalculationLine[] {
  if (item.status !== "eligible") return [];
  const lines: CalculationLine[] = fromTrace(item.trace, item.project).map((calculation) => ({ calculation, depth: 0 }));
  const max = item.maxSupportFen ?? 0;
  if (item.countedSupportFen === 0) lines.push({ calculation: { kind: "notCounted" }, depth: 0 });
  else if (item.countedSupportFen < max) {
    lines.push({ calculation: { kind: "recounted", maxFen: max, countedFen: item.countedSupportFen }, depth: 0 });
    for (const calculation of fromTrace(item.countedTrace, item.project)) lines.push({ calculation, depth: 1 });
  }
  return lines;
}

function fromTrace(trace: readonly TraceStep[], project: ProjectRef | null): Calculation[] {
  const out: Calculation[] = [];
  for (let i = 0; i < trace.length; i++) {
    const step = trace[i]!;
    const next = trace[i + 1];
    switch (step.kind) {
      case "fixed":
        out.push({ kind: "fixed", fen: step.fen });
        break;
      case "rate":
        if (step.contractFen !== undefined && step.hardwareFen !== undefined) {
          out.push({ kind: "rateLess", percent: step.percent, contractFen: step.contractFen, hardwareFen: step.hardwareFen, baseFen: step.baseFen, valueFen: step.valueFen });
        } else out.push({ kind: "rate", of: step.of, percent: step.percent, baseFen: step.baseFen, valueFen: step.valueFen, ...(project ? { project } : {}) });
        break;
      case "sum":
        out.push(...sumLines(step.parts, step.totalFen, trace));
        break;
      case "cap": {
        // A cumulative cap is followed by the amount already received, taken off: one line for both.
        const received = next?.kind === "less_received" ? next.receivedFen : 0;
        if (next?.kind === "less_received") i++;
        const after = received > 0 ? Math.max(0, step.afterFen - received) : step.afterFen;
        if (step.baseLevel) out.push({ kind: "baseCap", baseLevel: step.baseLevel, limitFen: step.limitFen, receivedFen: received, afterFen: after });
        else if (received > 0) out.push({ kind: "cumulative", cap: step.name, beforeFen: step.beforeFen, limitFen: step.limitFen, receivedFen: received, afterFen: after });
        else out.push({ kind: "cap", cap: step.name, capKind: step.capKind, beforeFen: step.beforeFen, limitFen: step.limitFen, usedFen: step.usedFen, afterFen: after });
        break;
      }
      case "less_received":
        // Only ever recorded right after its cap, and read there.
        break;
    }
  }
  return out;
}

/** Each part its own line (vouchers have theirs already), then their sum when there are several. */
function sumLines(parts: readonly { fen: number; part: SumPart }[], totalFen: number, trace: readonly TraceStep[]): Calculation[] {
  const out: Calculation[] = [];
  for (const { part, fen } of parts) {
    if (part.kind === "filing") out.push({ kind: "filing", filing: part.filing, fen });
    else if (part.kind === "units") out.push({ kind: "units", unit: part.unit, count: part.count, eachFen: part.eachFen, totalFen: fen });
    else if (part.kind === "recognition") {
      out.push(
        part.promotedFrom === null
          ? { kind: "recognition", level: part.level, fen }
          : { kind: "promotion", level: part.level, levelFen: part.levelFen, from: part.promotedFrom, fromFen: part.promotedFromFen, fen },
      );
    }
  }
  // A voucher with no contract has no lines of its own: the sum names the parts that were computed.
  const computed = (part: SumPart) => part.kind !== "voucher" || trace.some((step) => step.kind === "rate" && step.of === `${part.voucher}_services`);
  const shown = parts.filter(({ part }) => computed(part)).map(({ part, fen }) => ({ part, fen }));
  if (shown.length > 1) out.push({ kind: "sum", parts: shown, totalFen });
  return out;
}
