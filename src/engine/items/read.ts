import { MAX_FEN, yuanToFen } from "../money.js";
import { MAX_COUNT, type Screening } from "../screening.js";
import type { Facts } from "../facts.js";
import type { Draft } from "../draft.js";

/** Fact readers shared by the item rules: each names the screening path it reads. */

/** A yes/no fact; facts of one `group` are alternatives that add up (Article 5's filings). */
export function flag(facts: Facts, path: string, value: boolean | undefined, group?: string): boolean {
  return facts.pick(path, value, true, false, group);
}

/** A contract or investment amount, in fen; unknown reads as the largest or smallest amount. */
export function amount(facts: Facts, path: string, yuan: number | undefined): number {
  return facts.pick(path, yuan === undefined ? undefined : yuanToFen(yuan), MAX_FEN, 0);
}

export function count(facts: Facts, path: string, value: number | undefined, group?: string): number {
  return facts.pick(path, value, MAX_COUNT, 0, group);
}

/** `received…` amounts default to zero when absent (docs/screening-format.md). */
export function received(yuan: number | undefined): number {
  return yuan === undefined ? 0 : yuanToFen(yuan);
}

export function requireEnterprise(s: Screening, facts: Facts, d: Draft): void {
  const kind = facts.pick("applicant.kind", s.applicant?.kind, "enterprise", "social_organization");
  d.require(kind === "enterprise", "not_enterprise", { kind });
}
