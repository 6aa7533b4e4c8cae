import { Draft } from "./draft.js";
import { Facts, type Override } from "./facts.js";
import type { Instance } from "./item.js";
import type { ItemOutcome, ItemStatus, ProjectRef, Reason } from "./outcome.js";
import type { ItemId, Screening, Sector } from "./screening.js";
import type { CompiledItem } from "./compiledRules.js";
import type { PolicyRules } from "../rules/schema.js";

interface Run {
  facts: Facts;
  d: Draft;
  amount: number;
}

const NO_SECTORS: readonly Sector[] = [];

/**
 * Article 1: the applicant must be in the district and in one of the digital-economy sectors.
 * Run before every run of every item, so it allocates nothing.
 */
function applyTargetGate(s: Screening, facts: Facts, d: Draft, policy: PolicyRules): void {
  const cite = policy.targets.article;
  d.require(facts.pick("applicant.inJurisdiction", s.applicant?.inJurisdiction, true, false), "outside_jurisdiction", undefined, cite);
  const eligible = policy.targets.eligibleSectors;
  const sectors: readonly Sector[] = facts.pick("applicant.sectors", s.applicant?.sectors, eligible, NO_SECTORS);
  let inSector = false;
  for (const sector of sectors) inSector ||= eligible.includes(sector);
  d.require(inSector, "no_eligible_sector", undefined, cite);
}

/** Conditions about the applicant's own qualities, which it may still come to meet: near misses. */
const NEAR_MISS = new Set(["not_sme", "no_fast_growth", "no_good_outcomes", "no_significant_results", "no_outstanding_outcomes"]);

/** One run of an item's rule, its unknown facts read as `favourable` says (unless overridden). */
function run(item: CompiledItem, s: Screening, instance: Instance, policy: PolicyRules, favourable: boolean, override: Override | null = null, waived: string | null = null): Run {
  const facts = new Facts(favourable, override);
  const d = new Draft(item.rule.id, waived);
  applyTargetGate(s, facts, d, policy);
  const amount = item.rule.run({ s, facts, p: item.params, d, instance });
  return { facts, d, amount: d.failed ? 0 : amount };
}

/** A failed run pays 0, and an outcome of 0 is not eligible whether a condition failed or a cap left nothing. */
const differs = (a: Run, b: Run) => a.amount !== b.amount;

/**
 * Three-valued evaluation of one item: a run with every unknown fact favourable ("hi") and one
 * with every unknown unfavourable ("lo") bound the outcome. A failure in the hi run rests on
 * known facts only (not_eligible); equal runs mean the unknowns cannot matter; otherwise the
 * item needs the facts that can change it (with `relevantMissing` false: every unknown fact read).
 */
export function evaluateItem(item: CompiledItem, s: Screening, instance: Instance, policy: PolicyRules, relevantMissing: boolean): ItemOutcome {
  const id = item.rule.id;
  const project = instance.project ?? null;
  const hi = run(item, s, instance, policy, true);
  if (hi.d.failed) {
    const outcome = notEligible(id, project, [...hi.d.failures]);
    // Stryker disable next-line ConditionalExpression: with two failures, waiving one still fails
    const only = hi.d.failures.length === 1 ? hi.d.failures[0]!.code : null;
    if (only && NEAR_MISS.has(only)) {
      const met = run(item, s, instance, policy, true, null, only);
      if (!met.d.failed && met.amount > 0) outcome.ifConditionMetFen = met.amount;
    }
    return outcome;
  }
  if (hi.facts.missing.length === 0) return settled(id, project, hi);
  const lo = run(item, s, instance, policy, false);
  if (!lo.d.failed && lo.amount === hi.amount) return settled(id, project, lo);
  if (hi.amount === 0) return settled(id, project, hi);
  // A lone unknown fact is listed whether or not flipping it shows that it matters (the fallback
  // below): no runs to find out.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: with one fact, the filter's answer is the fallback's
  const several = hi.facts.missing.length > 1;
  const missing = relevantMissing && several ? hi.facts.missing.filter((path) => matters(path, hi, lo, item, s, instance, policy)) : [];
  const outcome = blank(id, project, "needs_info", [{ code: "needs_facts", cite: id }]);
  outcome.potentialMaxSupportFen = hi.amount;
  outcome.missing = missing.length > 0 ? missing : [...hi.facts.missing];
  return outcome;
}

/**
 * Whether one unknown fact can change the outcome: flipped alone against all-favourable and
 * all-unfavourable, and, for facts that add up within a group (where a favourable sibling
 * can hide it behind a cap), flipped while its siblings are unfavourable.
 */
function matters(path: string, hi: Run, lo: Run, item: CompiledItem, s: Screening, instance: Instance, policy: PolicyRules): boolean {
  // The rest read as `others` says, this fact as `favourable` says (and its siblings in `group` unfavourable).
  const flipped = (others: boolean, favourable: boolean, group: string | null = null) => run(item, s, instance, policy, others, { path, favourable, group });
  if (differs(flipped(true, false), hi) || differs(flipped(false, true), lo)) return true;
  const group = hi.facts.groups?.get(path);
  if (!group) return false;
  return differs(flipped(true, true, group), flipped(true, false, group));
}

function settled(id: ItemId, project: ProjectRef | null, r: Run): ItemOutcome {
  if (r.amount === 0) {
    const outcome = notEligible(id, project, [{ code: "zero_after_caps", cite: id }]);
    outcome.trace = [...r.d.trace];
    return outcome;
  }
  const reasons: Reason[] = [{ code: "conditions_met", cite: id }];
  for (const reason of r.d.reasons) reasons.push(reason);
  for (const cap of r.d.caps) {
    if (cap.afterFen < cap.beforeFen) reasons.push({ code: `cap_${cap.kind}`, cite: id, params: { name: cap.name, limitFen: cap.limitFen, usedFen: cap.usedFen } });
  }
  const outcome = blank(id, project, "eligible", reasons);
  outcome.maxSupportFen = r.amount;
  outcome.trace = [...r.d.trace];
  outcome.caps = [...r.d.caps];
  outcome.counted = true;
  outcome.countedSupportFen = r.amount;
  return outcome;
}

export function notEligible(id: ItemId, project: ProjectRef | null, reasons: Reason[]): ItemOutcome {
  return blank(id, project, "not_eligible", reasons);
}

function blank(id: ItemId, project: ProjectRef | null, status: ItemStatus, reasons: Reason[]): ItemOutcome {
  return { id, status, maxSupportFen: null, potentialMaxSupportFen: null, missing: [], reasons, trace: [], caps: [], project, ifConditionMetFen: null, counted: false, countedSupportFen: 0, countedTrace: [] };
}
