import { Draft } from "../engine/draft.js";
import { Facts } from "../engine/facts.js";
import type { ItemOutcome } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import { rulesOn, type CompiledRules } from "../engine/compiledRules.js";

/** The item's own rule, without Article 1's gate, on the values in force on the screening's date (as the engine used them); 0 when a condition fails. */
function runRule(rules: CompiledRules, s: Screening, item: ItemOutcome, facts: Facts): number {
  const compiled = (s.asOf ? rulesOn(rules, s.asOf) : rules).byId.get(item.id)!;
  const d = new Draft(item.id);
  const amount = compiled.rule.run({ s, facts, p: compiled.params, d, instance: item.project ? { project: item.project } : {} });
  return d.failed ? 0 : amount;
}

/**
 * The least an item pays whatever its own unknown facts turn out to be, once the applicant
 * passes Article 1's gate: its maximum when eligible, nothing when not, and for an undecided
 * item its rule run with every unknown fact unfavourable (the engine's "lo" bound, which its
 * result does not carry). An answer that raises this floor is worth asking even when the
 * item's potential is already at a cap: "don't know" to the generative-AI filing leaves
 * Article 5 open at its cap, but the other filings still decide how much of it is certain.
 *
 * The gate is left out on purpose. Facts that add up within a cap (Article 7's three kinds of
 * standard) leave the potential at the cap while any one of them is unknown, so only the floor
 * shows what each answer adds; were the floor 0 while the applicant does not know whether it
 * is in Tongzhou, no single count would seem to matter, none would be asked, and the result
 * would keep the cap as its potential where the counts the applicant knows give less.
 */
export function floorFen(rules: CompiledRules, s: Screening, item: ItemOutcome): number {
  // Stryker disable next-line ConditionalExpression,StringLiteral: run unfavourable, an eligible item's rule pays its maximum too; this only saves the run
  if (item.status === "eligible") return item.maxSupportFen!;
  if (item.status === "not_eligible") return 0;
  return runRule(rules, s, item, new Facts(false));
}

/**
 * What an undecided item pays from each group of facts that add up within a cap (Article 5's
 * filings, Article 7's standards) of which some are unknown: those unknown members read
 * unfavourable, every other unknown fact favourable. The floor cannot show what a member adds
 * while another condition is unknown (an applicant that does not know its kind: Article 7
 * supports enterprises only, so the floor is 0), nor can the potential while another member is
 * unknown (it could fill the cap alone); only this bound moves with each count the applicant
 * knows, so each is asked, and the result's potential is what those counts give.
 */
export function groupFloorsFen(rules: CompiledRules, s: Screening, item: ItemOutcome): number[] {
  if (item.status !== "needs_info") return [];
  // Stryker disable next-line BooleanLiteral: the rules read every member of a group whatever comes before it, so either run finds the groups
  const read = new Facts(true);
  runRule(rules, s, item, read);
  // One unknown member of each group: an override that reads it unfavourable reads its siblings so too.
  const memberOf = new Map<string, string>();
  for (const [path, group] of read.groups ?? []) memberOf.set(group, path);
  return [...memberOf].map(([group, path]) => runRule(rules, s, item, new Facts(true, { path, favourable: false, group })));
}
