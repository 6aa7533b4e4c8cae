import type { Evaluation, ItemOutcome, Reason } from "../engine/outcome.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { reasonText, renderNote, renderReason } from "./renderReason.js";
import { calculationsOf } from "./calculation.js";
import { renderCalculation } from "./renderCalculation.js";
import { documentEntries } from "./documents.js";
import { itemHeading, questionsToSettle, type DescribeFact } from "./summaryText.js";
import { tableHeader, tableRow, wrap, type Column } from "./textTable.js";

export interface PrintContext {
  describe: DescribeFact;
  /** The applicant's name as the screening gives it. */
  name?: string;
}

/** Reasons that apply to every item at once: said once, under the table. */
const generalCodes = new Set(["outside_jurisdiction", "no_eligible_sector", "out_of_force"]);
/** Reasons a printed item leaves to the table or to other sections (caps show in the calculation). */
const SAID_ELSEWHERE = new Set(["conditions_met", "not_counted_duplicate", "part_not_counted_units", "part_not_counted_recognition"]);
const ARTICLE16 = new Set(["not_counted_duplicate", "part_not_counted_units", "part_not_counted_recognition"]);
const WIDTH = 92;
const COLUMNS: Column[] = [{ width: 46 }, { width: 12 }, { width: 14, align: "right" }, { width: 14, align: "right" }];

/**
 * The readable result of the screening CLI, laid out to print on a page: header, a table of the
 * items with how each amount is reached (or why an item does not apply) under its row, the total
 * after Article 16 with what it left out and why, open items with the questions that would
 * settle them, near misses, documents to prepare, notes and disclaimer.
 */
export function printedResult(evaluation: Evaluation, rules: CompiledRules, lang: Lang, { describe, name }: PrintContext): string {
  const { items } = evaluation;
  const lines = [name ? t(lang, "print.titleFor", { name }) : t(lang, "result.title"), t(lang, "result.asOf", { asOf: evaluation.asOf, rulesVersion: evaluation.rulesVersion }), ""];
  const header = ["print.col.item", "print.col.status", "print.col.max", "print.col.counted"].map((key) => t(lang, key as "print.col.item"));
  lines.push(...tableHeader(COLUMNS, header));
  // Under each row, how its amount is reached, or why it does not apply.
  for (const item of items) lines.push(...tableRow(COLUMNS, row(item, rules, lang)), ...details(item, lang));
  lines.push("");
  lines.push(t(lang, "result.total", { totalFen: evaluation.totalMaxSupportFen }));
  if (evaluation.openPotentialFen > 0) lines.push(t(lang, "result.openPotential", { openFen: evaluation.openPotentialFen }));
  const leftOut = items.filter((item) => item.status === "eligible" && item.countedSupportFen < (item.maxSupportFen ?? 0));
  section(lines, t(lang, "print.leftOut"), leftOut.map((item) => leftOutLine(item, rules, lang)));
  const open = items.filter((item) => item.status === "needs_info");
  const questions = (item: ItemOutcome) => questionsToSettle(item, lang, describe).join(lang === "en" ? " / " : "；");
  section(lines, t(lang, "print.open"), open.map((item) => t(lang, "print.openItem", { item: itemHeading(item, rules, lang), potentialFen: item.potentialMaxSupportFen ?? 0, questions: questions(item) })));
  section(lines, t(lang, "screen.hints"), items.filter((item) => item.ifConditionMetFen !== null).map((item) => t(lang, "print.nearMiss", { item: itemHeading(item, rules, lang), reason: reasonText(item.reasons[0]!, lang), ifMetFen: item.ifConditionMetFen! })));
  const general = generalReason(items);
  if (general) lines.push("", renderReason(general, lang));
  section(lines, t(lang, "result.documents"), documentEntries(evaluation.items, rules, lang));
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
  const why = lang === "en" ? sentences.map((text) => `${capitalised(text)}.`).join(" ") : sentences.map((text) => `${text}。`).join("");
  return t(lang, "print.leftOutItem", { item: itemHeading(item, rules, lang), leftOutFen: max - item.countedSupportFen, maxFen: max, why });
}

/** When every item fails for the same general reason (outside the district, rules not in force), that reason, said once. */
function generalReason(items: readonly ItemOutcome[]): Reason | null {
  const first = items[0]?.reasons[0];
  if (!first || items.some((item) => item.status !== "not_eligible" || item.reasons[0]?.code !== first.code)) return null;
  return first;
}

/**
 * The lines under an item's row: for an eligible item its notes and calculation, leaving out a
 * cap that neither limited it nor had anything received under it (the page has room for what
 * shaped the amount); for an item not eligible its first reason.
 */
function details(item: ItemOutcome, lang: Lang): string[] {
  const lines: string[] = [];
  if (item.status === "not_eligible") {
    if (generalCodes.has(item.reasons[0]!.code)) return [];
    return item.ifConditionMetFen === null ? bullet(capitalised(reasonText(item.reasons[0]!, lang)), "    ") : [];
  }
  if (item.status !== "eligible") return [];
  for (const reason of item.reasons) if (!SAID_ELSEWHERE.has(reason.code) && !reason.code.startsWith("cap_")) lines.push(...bullet(capitalised(reasonText(reason, lang)), "    "));
  for (const { calculation, depth } of calculationsOf(item)) {
    const idle = calculation.kind === "cap" && calculation.usedFen === 0 && calculation.afterFen === calculation.beforeFen;
    if (!idle) lines.push(...bullet(renderCalculation(calculation, lang), depth === 1 ? "      " : "    "));
  }
  return lines;
}

/** A reason standing alone starts a sentence (Chinese has no capitals: unchanged). */
const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

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
