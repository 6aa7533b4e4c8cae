import type { RecognitionLevel } from "./ids.js";
import type { BaseLevel, ItemId } from "./screening.js";

/** A decision as data: a code and its parameters; message catalogues turn it into words. */
export interface Reason {
  code: string;
  /** The Article (and clause) it rests on, e.g. "6" or "8.2"; "16"/"19"/"1" for the general rules. */
  cite: string;
  params?: Record<string, string | number>;
}

export type CapKind = "annual" | "cumulative" | "one_time" | "per_project";

/** One cap or limit applied to an item's amount. */
export interface CapUse {
  name: string;
  kind: CapKind;
  limitFen: number;
  usedFen: number;
  /** Amount before this cap. */
  beforeFen: number;
  afterFen: number;
  /** Room left under the cap after this item's maximum is paid. */
  roomAfterFen: number;
}

/** What a rate is applied to, so a reader sees "30% × the model-services contract". */
export type RateBase = "model_services" | "computing_services" | "itai_contract" | "infrastructure_investment" | "event_expenses";

/** What a part of a sum is, in the policy's own terms. */
export type SumPart =
  | { kind: "filing"; filing: "generativeAi" | "deepSynthesis" | "blockchainInfo" }
  | { kind: "voucher"; voucher: "model" | "computing" }
  /** `count` units at `eachFen` each (standards of a level, scenario projects). */
  | { kind: "units"; unit: "standard_international" | "standard_national" | "standard_local" | "scenario_project"; count: number; eachFen: number }
  /** Article 8: a new recognition at its level's amount, or a promotion paying the difference (never below zero). */
  | { kind: "recognition"; level: RecognitionLevel; levelFen: number; promotedFrom: RecognitionLevel | null; promotedFromFen: number };

/**
 * One step of an item's computation. Readers see it through src/result/calculation.ts; the
 * result file keeps its compact form (`label`, the step's numbers) unchanged.
 */
export type TraceStep =
  | { kind: "fixed"; fen: number }
  /** `hardwareFen`: Article 9, taken off the contract amount before the rate (base = contract − hardware). */
  | { kind: "rate"; percent: number; baseFen: number; valueFen: number; of: RateBase; contractFen?: number; hardwareFen?: number }
  | { kind: "sum"; parts: { label: string; fen: number; part: SumPart }[]; totalFen: number }
  /** `beforeFen` is the amount the cap applies to; `baseLevel` names Article 10(2)'s base, whose cap is the amount. */
  | { kind: "cap"; limitFen: number; usedFen: number; afterFen: number; name: string; capKind: CapKind; beforeFen: number; baseLevel?: BaseLevel }
  | { kind: "less_received"; beforeFen: number; receivedFen: number; afterFen: number };

export interface ProjectRef {
  index: number;
  name?: string;
}

export type ItemStatus = "eligible" | "not_eligible" | "needs_info";

export interface ItemOutcome {
  id: ItemId;
  status: ItemStatus;
  maxSupportFen: number | null;
  /** For needs_info: the most the item could reach if every unknown fact turned out favourably. */
  potentialMaxSupportFen: number | null;
  missing: string[];
  reasons: Reason[];
  trace: TraceStep[];
  caps: CapUse[];
  /** Article 11 only: which project (1-based) and its name; null for every other item. */
  project: ProjectRef | null;
  /** For a near miss (one unmet quality condition): the maximum if that condition were met. */
  ifConditionMetFen: number | null;
  /** False when Article 16 leaves all of this eligible item out of the total. */
  counted: boolean;
  /** What of this item counts toward the total after Article 16: 0 unless eligible, below maxSupportFen when a part is left out. */
  countedSupportFen: number;
  /** Article 16 counted the item again without a part (scenario projects, recognitions): that run's steps; empty otherwise. */
  countedTrace: TraceStep[];
}

export interface Evaluation {
  rulesVersion: string;
  asOf: string;
  inForce: boolean;
  items: ItemOutcome[];
  totalMaxSupportFen: number;
  /** Sum of potentialMaxSupport over needs_info items: what answering could still add at most. */
  openPotentialFen: number;
  notes: Reason[];
}
