import { applyNoDuplication, type Recount } from "./article16/index.js";
import { evaluateItem, notEligible } from "./evaluateItem.js";
import type { Evaluation, ItemOutcome, Reason } from "./outcome.js";
import type { Instance } from "./item.js";
import type { ItemId, Screening } from "./screening.js";
import { rulesOn, type CompiledRules, type GuidelineValue, type RulesPeriod } from "./compiledRules.js";

/** The one instance of every item but Article 11. */
const SINGLE: readonly Instance[] = [{}];

export interface EvaluateOptions {
  /** Evaluates these items only (the interview asking what an answer could change). */
  only?: ReadonlySet<ItemId>;
  /**
   * Whether an undecided item's `missing` lists only the facts that can still change it (the
   * default), which takes a few more runs of its rule per unknown fact; with false it lists every
   * unknown fact the item read, for callers that show no missing facts (the CSV summary).
   */
  relevantMissing?: boolean;
}

/**
 * The rules engine: a validated screening in, every support item's outcome out. Pure: the
 * caller passes `today`, used when the screening names no `asOf` date.
 */
export function evaluate(s: Screening, rules: CompiledRules, today: string, { only, relevantMissing = true }: EvaluateOptions = {}): Evaluation {
  const { policy } = rules;
  const asOf = s.asOf ?? today;
  const inForce = policy.validity.validFrom <= asOf && asOf <= policy.validity.validUntil;
  const period = rulesOn(rules, asOf);
  const items: ItemOutcome[] = [];
  for (const item of period.items) {
    if (only && !only.has(item.rule.id)) continue;
    for (const instance of item.rule.instances?.(s) ?? SINGLE) {
      items.push(inForce ? evaluateItem(item, s, instance, policy, relevantMissing) : notEligible(item.rule.id, instance.project ?? null, [outOfForce(rules, asOf)]));
    }
  }
  applyNoDuplication(items, s, policy.noDuplication.article, recountWith(period, rules));
  let total = 0;
  let open = 0;
  for (const item of items) {
    total += item.countedSupportFen;
    open += item.potentialMaxSupportFen ?? 0;
  }
  const notes: Reason[] = [
    { code: "disclaimer", cite: policy.disclaimer.articles.join(",") },
    { code: "municipal_support_combinable", cite: policy.noDuplication.article },
  ];
  if (!inForce) notes.unshift(outOfForce(rules, asOf));
  else notes.push(...guidelineNotes(period, items));
  return { rulesVersion: rules.rulesVersion, asOf, inForce, items, totalMaxSupportFen: total, openPotentialFen: open, notes };
}

/**
 * The values an annual guideline set that this screening was judged by, named in its result:
 * those an item that applies or is still open reads (one that does not apply used none of them).
 */
function guidelineNotes(period: RulesPeriod, items: readonly ItemOutcome[]): Reason[] {
  const reads = (value: GuidelineValue, item: ItemOutcome) => {
    const compiled = period.byId.get(item.id);
    return item.status !== "not_eligible" && compiled?.article.article === value.article && value.param in compiled.rule.params;
  };
  return period.guidelineValues
    .filter((value) => items.some((item) => reads(value, item)))
    .map((value) => ({ code: "guideline_value", cite: value.article, params: { article: value.article, from: value.from, sourceEn: value.source.en, sourceZh: value.source.zh, text: value.text } }));
}

/** Article 16 counts an item again without the parts it leaves out. */
function recountWith(period: RulesPeriod, rules: CompiledRules): Recount {
  return (id, s) => {
    const item = period.byId.get(id);
    if (!item) return { fen: 0, trace: [] };
    // Only the amount counts here, so which missing facts matter is not sorted out.
    // Stryker disable next-line BooleanLiteral: sorting them out changes only `missing`, which a recount does not read
    const outcome = evaluateItem(item, s, {}, rules.policy, false);
    return outcome.status === "eligible" ? { fen: outcome.maxSupportFen ?? 0, trace: outcome.trace } : { fen: 0, trace: outcome.trace };
  };
}

function outOfForce(rules: CompiledRules, asOf: string): Reason {
  const { validity } = rules.policy;
  return { code: "out_of_force", cite: validity.article, params: { asOf, validFrom: validity.validFrom, validUntil: validity.validUntil } };
}
