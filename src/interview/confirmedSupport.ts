import { Draft } from "../engine/draft.js";
import { Facts } from "../engine/facts.js";
import type { ItemOutcome } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import { rulesOn, type CompiledRules } from "../engine/compiledRules.js";

/**
 * The least an item pays whatever its unknown facts turn out to be: its maximum when eligible,
 * nothing when not, and for an undecided item its rule run with every unknown fact unfavourable
 * (the engine's "lo" bound, which its result does not carry). An answer that raises this bound
 * is worth asking even when the item's potential is already at a cap: "don't know" to the
 * generative-AI filing leaves Article 5 open at its cap, but the other filings still decide how
 * much of it is certain.
 */
export function confirmedFen(rules: CompiledRules, s: Screening, item: ItemOutcome): number {
  if (item.status === "eligible") return item.maxSupportFen ?? 0;
  if (item.status === "not_eligible") return 0;
  // The values in force on the screening's date, as the engine used them.
  const compiled = (s.asOf ? rulesOn(rules, s.asOf) : rules).byId.get(item.id);
  if (!compiled) return 0;
  const facts = new Facts(false);
  const d = new Draft(item.id);
  const amount = compiled.rule.run({ s, facts, p: compiled.params, d, instance: item.project ? { project: item.project } : {} });
  // A missing fact the rule itself did not read belongs to a condition outside it (Article 1's
  // gate): while it is unknown, nothing is certain.
  if (d.failed || item.missing.some((path) => !facts.missing.includes(path))) return 0;
  return amount;
}
