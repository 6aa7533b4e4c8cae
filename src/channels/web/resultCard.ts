import type { Evaluation, ItemOutcome } from "../../engine/outcome.js";
import { formatYuan } from "../../i18n/formatMoney.js";
import type { Lang } from "../../i18n/lang.js";
import { t } from "../../i18n/translate.js";
import { reasonText, renderNote, renderReason } from "../../result/renderReason.js";
import { capLine, capShown } from "../../result/capLine.js";
import type { DescribeFact } from "../../result/resultScreen.js";
import { itemHeading } from "../../result/summaryText.js";
import type { CompiledRules } from "../../rules/loadRules.js";

/** One item of the result card, every string already in the reply's language. */
export interface CardItem {
  id: string;
  title: string;
  status: ItemOutcome["status"];
  statusText: string;
  /** "Up to RMB 300,000" when eligible, "could reach up to …" when undecided, null when not eligible. */
  amountText: string | null;
  /** Why an eligible item is left out of the Article 16 total; null when it counts. */
  countedText: string | null;
  reasons: string[];
  /** The caps that limited the amount, with what was already received and the room left. */
  caps: string[];
  /** The questions whose answers would settle an undecided item. */
  missing: string[];
  /** Typical documents to prepare (eligible items only). */
  documents: string[];
}

export interface ResultCard {
  items: CardItem[];
  totalText: string;
  notes: string[];
  disclaimer: string;
}

/**
 * The result as a card a page lays out: the same sentences as the result screen and the
 * report (reasons, caps, what would settle open items, near misses, documents, the Article 16
 * total), one field each, so the page shows the engine's words and computes nothing.
 */
export function resultCard(evaluation: Evaluation, rules: CompiledRules, lang: Lang, describe: DescribeFact): ResultCard {
  return {
    items: evaluation.items.map((item) => cardItem(item, rules, lang, describe)),
    totalText: t(lang, "screen.total", { totalFen: evaluation.totalMaxSupportFen }),
    notes: [
      ...(evaluation.openPotentialFen > 0 ? [t(lang, "result.openPotential", { openFen: evaluation.openPotentialFen })] : []),
      ...evaluation.notes.filter((note) => note.code !== "disclaimer").map((note) => renderNote(note, lang)),
    ],
    disclaimer: rules.policy.disclaimer.text[lang],
  };
}

function cardItem(item: ItemOutcome, rules: CompiledRules, lang: Lang, describe: DescribeFact): CardItem {
  // Caps and Article 16 have their own fields; their reasons would say the same again.
  const reasons = item.reasons.filter((r) => !r.code.startsWith("cap_") && r.code !== "not_counted_duplicate").map((r) => renderReason(r, lang));
  if (item.ifConditionMetFen !== null && item.reasons[0]) reasons.push(t(lang, "screen.hint", { text: reasonText(item.reasons[0], lang), ifMetFen: item.ifConditionMetFen }).replace(/^•\s*/, ""));
  return {
    id: item.id,
    title: itemHeading(item, rules, lang),
    status: item.status,
    statusText: t(lang, `status.${item.status}`),
    amountText: amountText(item, lang),
    countedText: item.status === "eligible" && !item.counted ? t(lang, "screen.notCounted").trim() : null,
    reasons,
    caps: item.caps.filter(capShown).map((cap) => capLine(cap, lang)),
    missing: [...new Set(item.missing.map((path) => describe(path, lang)))],
    documents: item.status === "eligible" ? [...(rules.byId.get(item.id)?.text.documents[lang] ?? [])] : [],
  };
}

function amountText(item: ItemOutcome, lang: Lang): string | null {
  if (item.status === "eligible" && item.maxSupportFen !== null) return `${t(lang, "result.column.max")}${lang === "en" ? " " : ""}${formatYuan(item.maxSupportFen, lang)}`;
  if (item.status === "needs_info" && item.potentialMaxSupportFen !== null) return t(lang, "result.potential", { potentialFen: item.potentialMaxSupportFen });
  return null;
}

