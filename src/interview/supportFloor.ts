import { Draft } from "../engine/draft.js";
import { Facts } from "../engine/facts.js";
import type { ItemOutcome } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import { rulesOn, type CompiledRules } from "../engine/compiledRules.js";

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
  // The values in force on the screening's date, as the engine used them: an undecided item is one of them.
  const compiled = (s.asOf ? rulesOn(rules, s.asOf) : rules).byId.get(item.id)!;
  const d = new Draft(item.id);
  const amount = compiled.rule.run({ s, facts: new Facts(false), p: compiled.params, d, instance: item.project ? { project: item.project } : {} });
  return d.failed ? 0 : amount;
}
