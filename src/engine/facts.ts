import { added, NONE } from "./lists.js";

/**
 * Reads one unknown fact (`path`) as `favourable` says whatever the rest read as, and the other
 * facts of its `group` (facts that add up to one amount), if any, unfavourable.
 */
export interface Override {
  path: string;
  favourable: boolean;
  group: string | null;
}

/**
 * Reads screening facts for one item evaluation. An unknown fact is noted as missing and
 * replaced by the value that is favourable or unfavourable to the applicant: every condition
 * and amount of the rules is monotone in each fact, so a run with every unknown favourable
 * ("hi") and one with every unknown unfavourable ("lo") bound the outcome, and equal outcomes
 * mean the unknowns cannot change it.
 */
export class Facts {
  /** The unknown facts read, in the order read. */
  missing: readonly string[] = NONE;
  /** The group of each missing fact that belongs to one; most runs have none. */
  groups: Map<string, string> | null = null;

  /** `favourable`: how unknown facts read, unless the override says otherwise. */
  constructor(
    readonly favourable: boolean,
    private readonly override: Override | null = null,
  ) {}

  pick<T>(path: string, value: T | undefined, favourable: T, unfavourable: T, group?: string): T {
    if (value !== undefined) return value;
    if (!this.missing.includes(path)) {
      this.missing = added(this.missing, path);
      // Stryker disable next-line ConditionalExpression: a fact without a group maps to undefined either way
      if (group) (this.groups ??= new Map()).set(path, group);
    }
    let high = this.favourable;
    const o = this.override;
    if (o !== null) {
      // A fact without a group (undefined) never matches the override's (a name or null).
      if (path === o.path) high = o.favourable;
      else if (group === o.group) high = false;
    }
    return high ? favourable : unfavourable;
  }
}
