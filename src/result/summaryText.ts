import type { Evaluation, ItemOutcome } from "../engine/outcome.js";
import { articleLabel } from "../i18n/articleLabel.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { renderNote, renderReason } from "./renderReason.js";
import { calculationLines } from "./renderCalculation.js";

/** Turns a missing screening path into words the applicant knows (usually the question's text). */
export type DescribeFact = (path: string, lang: Lang) => string;

/**
 * A plain-text result for terminals and staff: one block per item with its calculation, then
 * the total and notes. Undecided items name the questions that would settle them when
 * `describe` is given, else how many answers are missing.
 */
export function summaryText(evaluation: Evaluation, rules: CompiledRules, lang: Lang, describe?: DescribeFact): string {
  const lines = [t(lang, "result.title"), t(lang, "result.asOf", { asOf: evaluation.asOf, rulesVersion: evaluation.rulesVersion }), ""];
  for (const item of evaluation.items) lines.push(...itemBlock(item, rules, lang, describe), "");
  lines.push(t(lang, "result.total", { totalFen: evaluation.totalMaxSupportFen }));
  if (evaluation.openPotentialFen > 0) lines.push(t(lang, "result.openPotential", { openFen: evaluation.openPotentialFen }));
  lines.push("", ...evaluation.notes.map((note) => `* ${renderNote(note, lang)}`));
  return lines.join("\n");
}

export function itemHeading(item: ItemOutcome, rules: CompiledRules, lang: Lang): string {
  const title = rules.byId.get(item.id)!.text.title[lang];
  const project = item.project ? ` · ${t(lang, "result.project", { index: item.project.index })}${item.project.name ? ` ${item.project.name}` : ""}` : "";
  return `${articleLabel(item.id, lang)} ${title}${project}`;
}

/** English puts a space between words and amounts; Chinese does not. */
const spaceIn = (lang: Lang) => (lang === "en" ? " " : "");

/** Article 16: what of an eligible item the total leaves out, when it leaves anything out. */
function countedNote(item: ItemOutcome, lang: Lang): string {
  if (item.countedSupportFen === 0) return `${spaceIn(lang)}${t(lang, "result.notCounted")}`;
  return item.countedSupportFen < (item.maxSupportFen ?? 0) ? `${spaceIn(lang)}${t(lang, "result.countedPart", { countedFen: item.countedSupportFen })}` : "";
}

function itemBlock(item: ItemOutcome, rules: CompiledRules, lang: Lang, describe: DescribeFact | undefined): string[] {
  const status = t(lang, `status.${item.status}`);
  const amount =
    item.maxSupportFen !== null
      ? ` · ${t(lang, "result.column.max")}${spaceIn(lang)}${formatYuan(item.maxSupportFen, lang)}${countedNote(item, lang)}`
      : item.potentialMaxSupportFen !== null
        ? ` · ${t(lang, "result.potential", { potentialFen: item.potentialMaxSupportFen })}`
        : "";
  const lines = [`${itemHeading(item, rules, lang)}${lang === "en" ? ": " : "："}${status}${amount}`];
  for (const reason of item.reasons) lines.push(`  - ${renderReason(reason, lang)}`);
  if (item.missing.length > 0) lines.push(`  - ${missingText(item, lang, describe)}`);
  lines.push(...calculationLines(item, lang, "    "));
  return lines;
}

/** The questions that would settle an undecided item, each once. */
export function questionsToSettle(item: ItemOutcome, lang: Lang, describe: DescribeFact): string[] {
  return [...new Set(item.missing.map((path) => questionFor(path, lang, describe)))];
}

/**
 * A describer gives back the path itself when no question fills it: then the question of the
 * fact it is part of (an innovation base's level is asked with the base), never the path.
 */
function questionFor(path: string, lang: Lang, describe: DescribeFact): string {
  for (let at = path; at !== ""; at = at.replace(/(\.[^.[\]]+|\[\d+\])$/, "")) {
    const text = describe(at, lang);
    if (text !== at) return text;
    if (!/[.[]/.test(at)) break;
  }
  return t(lang, "result.unnamedFact");
}

function missingText(item: ItemOutcome, lang: Lang, describe: DescribeFact | undefined): string {
  if (!describe) return t(lang, "result.missingCount", { count: item.missing.length });
  return t(lang, "result.missing", { paths: questionsToSettle(item, lang, describe).join(lang === "en" ? " / " : "；") });
}
