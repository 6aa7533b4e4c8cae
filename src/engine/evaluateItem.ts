import { Draft } from "./draft.js";
import { Facts, type Mode, type ModeOf } from "./facts.js";
import type { Instance } from "./item.js";
import type { ItemOutcome, Reason } from "./outcome.js";
import type { Screening } from "./screening.js";
import type { CompiledItem } from "../rules/loadRules.js";
import type { PolicyRules } from "../rules/schema.js";

interface Run {
  facts: Facts;
  d: Draft;
  amount: number;
}

/** Article 1: the applicant must be in the district and in one of the digital-economy sectors. */
function applyTargetGate(s: Screening, facts: Facts, d: Draft, policy: PolicyRules): void {
  const cite = policy.targets.article;
  d.require(facts.pick("applicant.inJurisdiction", s.applicant?.inJurisdiction, true, false), "outside_jurisdiction", undefined, cite);
  const eligible = policy.targets.eligibleSectors;
  const sectors = facts.pick("applicant.sectors", s.applicant?.sectors, [eligible[0]!], []);
  d.require(sectors.some((sector) => eligible.includes(sector)), "no_eligible_sector", undefined, cite);
}

function run(item: CompiledItem, s: Screening, instance: Instance, policy: PolicyRules, mode: Mode, modeOf: ModeOf | null = null): Run {
  const facts = new Facts(mode, modeOf);
  const d = new Draft(item.rule.id);
  applyTargetGate(s, facts, d, policy);
  const amount = item.rule.run({ s, facts, p: item.params, d, instance });
  return { facts, d, amount: d.failed ? 0 : amount };
}

const differs = (a: Run, b: Run) => a.d.failed !== b.d.failed || a.amount !== b.amount;

/**
 * Three-valued evaluation of one item: a run with every unknown fact favourable ("hi") and one
 * with every unknown unfavourable ("lo") bound the outcome. A failure in the hi run rests on
 * known facts only (not_eligible); equal runs mean the unknowns cannot matter; otherwise the
 * item needs the facts that can change it.
 */
export function evaluateItem(item: CompiledItem, s: Screening, instance: Instance, policy: PolicyRules): ItemOutcome {
  const base = { id: item.rule.id, ...(instance.project ? { project: instance.project } : {}) };
  const runIn = (mode: Mode, modeOf: ModeOf | null = null) => run(item, s, instance, policy, mode, modeOf);
  const hi = runIn("hi");
  if (hi.d.failed) return notEligible(base, hi.d.failures, []);
  if (hi.facts.missing.length === 0) return settled(base, hi);
  const lo = runIn("lo");
  if (!lo.d.failed && lo.amount === hi.amount) return settled(base, lo);
  if (hi.amount === 0) return settled(base, hi);
  const missing = hi.facts.missing.filter((path) => matters(path, hi, lo, runIn));
  return {
    ...base,
    status: "needs_info",
    maxSupportFen: null,
    potentialMaxSupportFen: hi.amount,
    missing: missing.length > 0 ? missing : hi.facts.missing,
    reasons: [{ code: "needs_facts", cite: item.rule.id }],
    trace: [],
    caps: [],
    counted: false,
  };
}

/**
 * Whether one unknown fact can change the outcome: flipped alone against all-favourable and
 * all-unfavourable, and, for facts that add up within a group (where a favourable sibling
 * can hide it behind a cap), flipped while its siblings are unfavourable.
 */
function matters(path: string, hi: Run, lo: Run, runIn: (mode: Mode, modeOf: ModeOf) => Run): boolean {
  const flip = (mode: Mode): ModeOf => (p) => (p === path ? (mode === "hi" ? "lo" : "hi") : undefined);
  if (differs(runIn("hi", flip("hi")), hi) || differs(runIn("lo", flip("lo")), lo)) return true;
  const group = hi.facts.groups.get(path);
  if (!group) return false;
  const alone = (mode: Mode): ModeOf => (p, g) => (p === path ? mode : g === group ? "lo" : undefined);
  return differs(runIn("hi", alone("hi")), runIn("hi", alone("lo")));
}

function settled(base: Pick<ItemOutcome, "id" | "project">, r: Run): ItemOutcome {
  if (r.amount === 0) return notEligible(base, [{ code: "zero_after_caps", cite: base.id }], r.d.trace);
  return {
    ...base,
    status: "eligible",
    maxSupportFen: r.amount,
    potentialMaxSupportFen: null,
    missing: [],
    reasons: [{ code: "conditions_met", cite: base.id }, ...r.d.reasons, ...capReasons(r.d)],
    trace: r.d.trace,
    caps: r.d.caps,
    counted: true,
  };
}

function capReasons(d: Draft): Reason[] {
  return d.caps
    .filter((cap) => cap.afterFen < cap.beforeFen)
    .map((cap) => ({ code: `cap_${cap.kind}`, cite: d.cite, params: { name: cap.name, limitFen: cap.limitFen, usedFen: cap.usedFen } }));
}

export function notEligible(base: Pick<ItemOutcome, "id" | "project">, reasons: Reason[], trace: string[]): ItemOutcome {
  return {
    ...base,
    status: "not_eligible",
    maxSupportFen: null,
    potentialMaxSupportFen: null,
    missing: [],
    reasons,
    trace,
    caps: [],
    counted: false,
  };
}
