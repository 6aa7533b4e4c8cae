import type { Evaluation, ItemOutcome, Reason } from "../engine/outcome.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { reasonText, renderNote, renderReason } from "./renderReason.js";
import { capLine, capShown } from "./capLine.js";
import { documentEntries } from "./documents.js";
import { itemHeading, questionsToSettle, type DescribeFact } from "./summaryText.js";

export type { DescribeFact } from "./summaryText.js";

/**
 * The result screen of the interview: a short plain-language summary, then each item with its
 * maximum, reason, limiting caps and room left, what would settle undecided items, near
 * misses, the documents to prepare, and the disclaimer. It stays short enough for one chat
 * message: how each amount is reached is for `explain`, the printed result and the report.
 */
export function resultScreen(evaluation: Evaluation, rules: CompiledRules, lang: Lang, describe: DescribeFact): string {
  const eligible = evaluation.items.filter((item) => item.status === "eligible");
  const open = evaluation.items.filter((item) => item.status === "needs_info");
  const lines: string[] = [];
  lines.push(eligible.length > 0 ? t(lang, "screen.summary", { eligible: eligible.length, totalFen: evaluation.totalMaxSupportFen }) : t(lang, "screen.summaryNone"));
  if (open.length > 0) lines.push(t(lang, "screen.summaryOpen", { open: open.length, openFen: evaluation.openPotentialFen }));
  lines.push("");
  for (const item of [...eligible, ...open]) lines.push(...itemLines(item, rules, lang, describe));
  lines.push("", t(lang, "screen.total", { totalFen: evaluation.totalMaxSupportFen }));
  const hints = evaluation.items.filter((item) => item.ifConditionMetFen !== null);
  if (hints.length > 0) {
    lines.push("", t(lang, "screen.hints"));
    for (const item of hints) lines.push(t(lang, "screen.hint", { text: renderReason(item.reasons[0]!, lang), ifMetFen: item.ifConditionMetFen! }));
  }
  const others = evaluation.items.filter((item) => item.status === "not_eligible" && !hints.includes(item));
  const shared = commonReason(evaluation.items);
  if (shared) lines.push("", renderReason(shared, lang));
  else if (others.length > 0) lines.push("", ...others.map((item) => `${t(lang, "screen.notEligible", { item: itemHeading(item, rules, lang) })} — ${reasonText(item.reasons[0]!, lang)}`));
  lines.push(...documentLines(evaluation, rules, lang));
  lines.push("", ...evaluation.notes.map((note) => renderNote(note, lang)));
  return lines.join("\n");
}

/** The documents of every eligible or undecided item, the ones all of them ask for said once. */
export function documentLines(evaluation: Evaluation, rules: CompiledRules, lang: Lang): string[] {
  const entries = documentEntries(evaluation.items, rules, lang);
  return entries.length === 0 ? [] : ["", t(lang, "result.documents"), ...entries.map((entry) => `• ${entry}`)];
}

/** When every item fails for the same general reason (outside the district, rules not in force), that one reason. */
function commonReason(items: readonly ItemOutcome[]): Reason | null {
  const first = items[0]?.reasons[0];
  if (!first || items.some((item) => item.status !== "not_eligible")) return null;
  return items.every((item) => item.reasons.some((r) => r.code === first.code && r.cite === first.cite)) ? first : null;
}

function itemLines(item: ItemOutcome, rules: CompiledRules, lang: Lang, describe: DescribeFact): string[] {
  const heading = itemHeading(item, rules, lang);
  if (item.status === "needs_info") {
    const questions = questionsToSettle(item, lang, describe);
    return [t(lang, "screen.needsInfo", { item: heading, amount: formatYuan(item.potentialMaxSupportFen!, lang) }), t(lang, "screen.toDecide", { questions: questions.join(lang === "en" ? " / " : "；") })];
  }
  const lines = [t(lang, "screen.eligible", { item: heading, amount: formatYuan(item.maxSupportFen!, lang) })];
  for (const reason of item.reasons.slice(1)) if (!reason.code.startsWith("cap_")) lines.push(`   ${renderReason(reason, lang)}`);
  for (const cap of item.caps) if (capShown(cap)) lines.push(`   ${capLine(cap, lang)}`);
  if (item.countedSupportFen === 0) lines.push(t(lang, "screen.notCounted"));
  else if (item.countedSupportFen < item.maxSupportFen!) lines.push(t(lang, "screen.countedPart", { countedFen: item.countedSupportFen }));
  return lines;
}

