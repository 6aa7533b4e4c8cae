import type { ItemId } from "./screening.js";

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

/** One step of an item's computation, rendered as a line of its trace. */
export type TraceStep =
  | { kind: "fixed"; fen: number }
  | { kind: "rate"; percent: number; baseFen: number; valueFen: number }
  | { kind: "sum"; parts: { label: string; fen: number }[]; totalFen: number }
  | { kind: "cap"; limitFen: number; usedFen: number; afterFen: number }
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
