import type { TraceStep } from "../engine/outcome.js";
import { formatYuanPlain as yuan } from "../i18n/formatMoney.js";

/**
 * One computation step in the result file's compact form ("30% × 800,000.00 = 240,000.00"),
 * kept byte for byte since files are compared and parsed downstream. People read the
 * calculation lines of renderCalculation.ts instead.
 */
export function renderTrace(step: TraceStep): string {
  switch (step.kind) {
    case "fixed":
      return `one-time amount ${yuan(step.fen)}`;
    case "rate":
      return `${step.percent}% × ${yuan(step.baseFen)} = ${yuan(step.valueFen)}`;
    case "sum":
      return `${step.parts.map((part) => `${part.label} ${yuan(part.fen)}`).join(" + ")} = ${yuan(step.totalFen)}`;
    case "cap":
      return `cap ${yuan(step.limitFen)}${step.usedFen > 0 ? ` − ${yuan(step.usedFen)} already received` : ""} → ${yuan(step.afterFen)}`;
    case "less_received":
      return `${yuan(step.beforeFen)} − ${yuan(step.receivedFen)} already received = ${yuan(step.afterFen)}`;
  }
}
