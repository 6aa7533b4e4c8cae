import type { Evaluation, ItemOutcome } from "../engine/outcome.js";
import { articleLabel } from "../i18n/articleLabel.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../rules/loadRules.js";
import { reasonText, renderNote, renderReason } from "./renderReason.js";
import { calculationLines } from "./renderCalculation.js";
import { documentLines } from "./resultScreen.js";
import { itemHeading, questionsToSettle, type DescribeFact } from "./summaryText.js";
import { textTable, wrap, type Column } from "./textTable.js";

export interface PrintContext {
  describe: DescribeFact;
  /** The applicant's name as the screening gives it. */
  name?: string;
}

/** Reasons a printed item leaves to the table or to other sections (caps show in the calculation). */
const SAID_ELSEWHERE = new Set(["conditions_met", "not_counted_duplicate", "part_not_counted_units", "part_not_counted_recognition"]);
const ARTICLE16 = new Set(["not_counted_duplicate", "part_not_counted_units", "part_not_counted_recognition"]);
const WIDTH = 92;
const COLUMNS: Column[] = [{ width: 44 }, { width: 12 }, { width: 15, align: "right" }, { width: 15, align: "right" }];

/**
 * The readable result of the screening CLI, laid out to print on a page: header, a table of the
 * items, the total after Article 16 with what it left out and why, how each amount is reached,
 * open items with the questions that would settle them, near misses and items not eligible,
 * documents to prepare, notes and disclaimer.
 */
export function printedResult(evaluation: Evaluation, rules: CompiledRules, lang: Lang, { describe, name }: PrintContext): string {
  const { items } = evaluation;
  const lines = [name ? t(lang, "print.titleFor", { name }) : t(lang, "result.title"), t(lang, "result.asOf", { asOf: evaluation.asOf, rulesVersion: evaluation.rulesVersion }), ""];
  const header = ["print.col.item", "print.col.status", "print.col.max", "print.col.counted"].map((key) => t(lang, key as "print.col.item"));
  lines.push(...textTable(COLUMNS, header, items.map((item) => row(item, rules, lang))), "");
  lines.push(t(lang, "result.total", { totalFen: evaluation.totalMaxSupportFen }));
  if (evaluation.openPotentialFen > 0) lines.push(t(lang, "result.openPotential", { openFen: evaluation.openPotentialFen }));
  const leftOut = items.filter((item) => item.status === "eligible" && item.countedSupportFen < (item.maxSupportFen ?? 0));
  section(lines, t(lang, "print.leftOut"), leftOut.map((item) => leftOutLine(item, rules, lang)));
  const eligible = items.filter((item) => item.status === "eligible");
  if (eligible.length > 0) lines.push("", t(lang, "print.calculations"));
  for (const item of eligible) {
    lines.push(...bullet(`${shortHeading(item, lang)} — ${formatYuan(item.maxSupportFen ?? 0, lang)}`, "• "));
    for (const reason of item.reasons) if (!SAID_ELSEWHERE.has(reason.code) && !reason.code.startsWith("cap_")) lines.push(...bullet(renderReason(reason, lang), "    "));
    for (const line of calculationLines(item, lang)) lines.push(...bullet(line, "    "));
  }
  const open = items.filter((item) => item.status === "needs_info");
  const questions = (item: ItemOutcome) => questionsToSettle(item, lang, describe).join(lang === "en" ? " / " : "；");
  section(lines, t(lang, "print.open"), open.map((item) => t(lang, "print.openItem", { item: itemHeading(item, rules, lang), potentialFen: item.potentialMaxSupportFen ?? 0, questions: questions(item) })));
  section(lines, t(lang, "screen.hints"), items.filter((item) => item.ifConditionMetFen !== null).map((item) => t(lang, "print.nearMiss", { item: itemHeading(item, rules, lang), reason: reasonText(item.reasons[0]!, lang), ifMetFen: item.ifConditionMetFen! })));
  section(lines, t(lang, "print.notEligible"), notEligibleLines(items, rules, lang));
  for (const line of documentLines(evaluation, rules, lang)) lines.push(...bullet(line.replace(/^• /, ""), line.startsWith("• ") ? "• " : ""));
  lines.push("");
  for (const note of evaluation.notes) lines.push(...bullet(renderNote(note, lang), "* "));
  return lines.join("\n");
}

function row(item: ItemOutcome, rules: CompiledRules, lang: Lang): string[] {
  const status = t(lang, `print.status.${item.status}` as "print.status.eligible");
  if (item.status === "eligible") return [itemHeading(item, rules, lang), status, formatYuan(item.maxSupportFen ?? 0, lang), formatYuan(item.countedSupportFen, lang)];
  if (item.status === "needs_info") return [itemHeading(item, rules, lang), status, formatYuan(item.potentialMaxSupportFen ?? 0, lang), "—"];
  return [itemHeading(item, rules, lang), status, "—", "—"];
}

function leftOutLine(item: ItemOutcome, rules: CompiledRules, lang: Lang): string {
  const max = item.maxSupportFen ?? 0;
  const sentences = item.reasons.filter((reason) => ARTICLE16.has(reason.code)).map((reason) => reasonText(reason, lang));
  const why = lang === "en" ? sentences.map((text) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`).join(" ") : sentences.map((text) => `${text}。`).join("");
  return t(lang, "print.leftOutItem", { item: itemHeading(item, rules, lang), leftOutFen: max - item.countedSupportFen, maxFen: max, why });
}

/** The Article (and project) alone, where the table above gives the title. */
function shortHeading(item: ItemOutcome, lang: Lang): string {
  const project = item.project ? ` · ${t(lang, "result.project", { index: item.project.index })}${item.project.name ? ` ${item.project.name}` : ""}` : "";
  return `${articleLabel(item.id, lang)}${project}`;
}

/** Items not eligible, each with its first reason; one line when every item fails for the same general reason. */
function notEligibleLines(items: readonly ItemOutcome[], rules: CompiledRules, lang: Lang): string[] {
  const failed = items.filter((item) => item.status === "not_eligible" && item.ifConditionMetFen === null);
  const first = failed[0]?.reasons[0];
  if (first && failed.length === items.length && failed.every((item) => item.reasons[0]?.code === first.code)) return [renderReason(first, lang)];
  return failed.map((item) => t(lang, "print.notEligibleItem", { item: itemHeading(item, rules, lang), reason: reasonText(item.reasons[0]!, lang) }));
}

function section(lines: string[], title: string, entries: readonly string[]): void {
  if (entries.length === 0) return;
  lines.push("", title);
  for (const entry of entries) lines.push(...bullet(entry, "• "));
}

/** A paragraph wrapped to the page, its first line after `mark` and the rest aligned under it. */
function bullet(text: string, mark: string): string[] {
  const indent = " ".repeat(mark.length);
  return wrap(text, WIDTH - mark.length).map((line, i) => (i === 0 ? mark : indent) + line);
}
