import type { Evaluation, ItemOutcome } from "../engine/outcome.js";
import { articleLabel } from "../i18n/articleLabel.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { renderNote, renderReason } from "./renderReason.js";
import { renderTrace } from "./renderTrace.js";

/** A plain-text result for terminals and staff: one block per item, then the total and notes. */
export function summaryText(evaluation: Evaluation, rules: CompiledRules, lang: Lang): string {
  const lines = [t(lang, "result.title"), t(lang, "result.asOf", { asOf: evaluation.asOf, rulesVersion: evaluation.rulesVersion }), ""];
  for (const item of evaluation.items) lines.push(...itemBlock(item, rules, lang), "");
  lines.push(t(lang, "result.total", { totalFen: evaluation.totalMaxSupportFen }));
  if (evaluation.openPotentialFen > 0) lines.push(t(lang, "result.openPotential", { openFen: evaluation.openPotentialFen }));
  lines.push("", ...evaluation.notes.map((note) => `* ${renderNote(note, lang)}`));
  return lines.join("\n");
}

export function itemHeading(item: ItemOutcome, rules: CompiledRules, lang: Lang): string {
  const title = rules.byId.get(item.id)?.text.title[lang] ?? "";
  const project = item.project ? ` · ${t(lang, "result.project", { index: item.project.index })}${item.project.name ? ` ${item.project.name}` : ""}` : "";
  return `${articleLabel(item.id, lang)} ${title}${project}`;
}

/** Article 16: what of an eligible item the total leaves out, when it leaves anything out. */
function countedNote(item: ItemOutcome, lang: Lang): string {
  if (item.countedSupportFen === 0) return ` ${t(lang, "result.notCounted")}`;
  return item.countedSupportFen < (item.maxSupportFen ?? 0) ? ` ${t(lang, "result.countedPart", { countedFen: item.countedSupportFen })}` : "";
}

function itemBlock(item: ItemOutcome, rules: CompiledRules, lang: Lang): string[] {
  const status = t(lang, `status.${item.status}`);
  const amount =
    item.maxSupportFen !== null
      ? ` · ${t(lang, "result.column.max")} ${formatYuan(item.maxSupportFen, lang)}${countedNote(item, lang)}`
      : item.potentialMaxSupportFen !== null
        ? ` · ${t(lang, "result.potential", { potentialFen: item.potentialMaxSupportFen })}`
        : "";
  const lines = [`${itemHeading(item, rules, lang)}: ${status}${amount}`];
  for (const reason of item.reasons) lines.push(`  - ${renderReason(reason, lang)}`);
  if (item.missing.length > 0) lines.push(`  - ${t(lang, "result.missing", { paths: item.missing.join(", ") })}`);
  for (const step of item.trace) lines.push(`    ${renderTrace(step)}`);
  return lines;
}
