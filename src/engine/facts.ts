import { added, NONE } from "./lists.js";

/**
 * Reads screening facts for one item evaluation. An unknown fact is noted as missing and
 * replaced by the value that is favourable ("hi") or unfavourable ("lo") to the applicant:
 * every condition and amount of the rules is monotone in each fact, so the two runs bound
 * the outcome, and equal outcomes mean the unknowns cannot change it.
 */
export type Mode = "lo" | "hi";

/**
 * Reads one unknown fact (`path`) in another mode than the rest, and optionally the other
 * facts of its `group` (facts that add up to one amount) in a third.
 */
export interface Override {
  path: string;
  pathMode: Mode;
  group: string | null;
  groupMode: Mode;
}

export class Facts {
  /** The unknown facts read, in the order read. */
  missing: readonly string[] = NONE;
  /** The group of each missing fact that belongs to one; most runs have none. */
  groups: Map<string, string> | null = null;

  constructor(
    readonly mode: Mode,
    private readonly override: Override | null = null,
  ) {}

  pick<T>(path: string, value: T | undefined, favourable: T, unfavourable: T, group?: string): T {
    if (value !== undefined) return value;
    if (!this.missing.includes(path)) {
      this.missing = added(this.missing, path);
      if (group) (this.groups ??= new Map()).set(path, group);
    }
    let mode = this.mode;
    const o = this.override;
    if (o !== null) {
      if (path === o.path) mode = o.pathMode;
      else if (group !== undefined && group === o.group) mode = o.groupMode;
    }
    return mode === "hi" ? favourable : unfavourable;
  }
}
