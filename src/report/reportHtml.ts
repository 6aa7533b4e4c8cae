import type { Evaluation, ItemOutcome } from "../engine/outcome.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import type { MessageKey } from "../i18n/catalog/index.js";
import { t } from "../i18n/translate.js";
import type { QuestionBank } from "../interview/questionBank.js";
import { describeFact } from "../interview/render.js";
import { renderNote, renderReason } from "../result/renderReason.js";
import { calculationLines } from "../result/renderCalculation.js";
import { capLine, capShown } from "../result/capLine.js";
import { itemHeading, questionsToSettle } from "../result/summaryText.js";
import type { CompiledRules } from "../rules/loadRules.js";
import type { ScreeningRecord } from "../store/store.js";
import { escapeHtml as e } from "./escapeHtml.js";
import { reportAnswers } from "./reportAnswers.js";
import { REPORT_CSS } from "./reportStyle.js";

export interface ReportInput {
  record: ScreeningRecord;
  /** The engine's result for record.screening on record.asOf. */
  evaluation: Evaluation;
  rules: CompiledRules;
  bank: QuestionBank;
  lang: Lang;
}

/**
 * The printable pre-screening report: one self-contained HTML page (inline CSS, no scripts,
 * images or links to fetch), in the reader's language. Every text that is not markup passes
 * through escapeHtml, whether it comes from the rules, the catalogue or the applicant.
 */
export function buildReportHtml(input: ReportInput): string {
  const { record, lang, rules } = input;
  const title = `${t(lang, "report.title")} ${record.caseId}`;
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${REPORT_CSS}</style></head><body>`,
    `<header><h1>${e(t(lang, "report.title"))}</h1><p class="subtitle">${e(rules.policy.title[lang])}</p>${meta(input)}</header>`,
    answersSection(input),
    resultSection(input),
    unknownSection(input),
    documentsSection(input),
    notesSection(input),
    `<section><h2>${e(t(lang, "report.disclaimer"))}</h2><p class="disclaimer">${e(rules.policy.disclaimer.text[lang])}</p></section>`,
    `<footer>${e(t(lang, "report.footer"))} ${e(record.caseId)}</footer>`,
    "</body></html>",
  ].join("\n");
}

function meta({ record, evaluation, lang }: ReportInput): string {
  const rows: [MessageKey, string][] = [
    ["report.caseId", record.caseId],
    ["report.created", record.createdAt.slice(0, 10)],
    ["report.asOf", record.asOf],
    ["report.rulesVersion", record.rulesVersion],
    ["report.inForce", t(lang, record.inForce ? "interview.yes" : "interview.no")],
  ];
  // Stats and exports count the stored result; a report of a case judged under other rules says so.
  if (evaluation.rulesVersion !== record.rulesVersion) {
    const differs = evaluation.totalMaxSupportFen !== record.totalMaxSupportFen || !sameItems(record, evaluation);
    const params = { stored: record.rulesVersion, storedFen: record.totalMaxSupportFen, current: evaluation.rulesVersion, currentFen: evaluation.totalMaxSupportFen };
    rows.push(["report.rulesChanged", t(lang, differs ? "report.rulesChangedDiffer" : "report.rulesChangedSame", params)]);
  }
  return `<dl class="meta">${rows.map(([key, value]) => `<dt>${e(t(lang, key))}</dt><dd>${e(value)}</dd>`).join("")}</dl>`;
}

function answersSection({ record, rules, bank, lang }: ReportInput): string {
  const answers = reportAnswers({ bank, rules, lang, screening: record.screening });
  const body =
    answers.length === 0
      ? `<p>${e(t(lang, "report.noAnswers"))}</p>`
      : `<table><thead><tr><th>${e(t(lang, "report.question"))}</th><th>${e(t(lang, "report.answer"))}</th></tr></thead><tbody>${answers
          .map((a) => `<tr><td>${e(a.question)}</td><td>${e(a.answer)}</td></tr>`)
          .join("")}</tbody></table>`;
  return `<section><h2>${e(t(lang, "report.answers"))}</h2>${body}</section>`;
}

function resultSection({ evaluation, rules, lang }: ReportInput): string {
  const head = ["report.item", "report.status", "report.max", "report.reasons"].map((key) => `<th>${e(t(lang, key as MessageKey))}</th>`).join("");
  const rows = evaluation.items.map((item) => {
    // Caps are listed with the room they leave, and "not counted" shows by the amount: their reasons would say it twice.
    const said = item.reasons.filter((r) => !r.code.startsWith("cap_") && r.code !== "not_counted_duplicate");
    const reasons = [...said.map((r) => renderReason(r, lang)), ...item.caps.filter(capShown).map((cap) => capLine(cap, lang)), ...calculationLines(item, lang)];
    return `<tr class="${item.status}"><td>${e(itemHeading(item, rules, lang))}</td><td class="status">${e(t(lang, `status.${item.status}`))}</td><td class="amount">${e(amountText(item, lang))}</td><td><ul>${reasons.map((r) => `<li>${e(r)}</li>`).join("")}</ul></td></tr>`;
  });
  const total = `<tr class="total"><td colspan="2">${e(t(lang, "report.total"))}</td><td class="amount">${e(formatYuan(evaluation.totalMaxSupportFen, lang))}</td><td></td></tr>`;
  return `<section><h2>${e(t(lang, "report.result"))}</h2><table><thead><tr>${head}</tr></thead><tbody>${rows.join("")}${total}</tbody></table></section>`;
}

function unknownSection({ evaluation, record, rules, bank, lang }: ReportInput): string {
  const open = evaluation.items.filter((item) => item.status === "needs_info");
  const describe = describeFact({ bank, rules, screening: record.screening });
  const body =
    open.length === 0
      ? `<p>${e(t(lang, "report.unknownNone"))}</p>`
      : `<ul>${open
          .map((item) => {
            const questions = questionsToSettle(item, lang, describe).join(lang === "en" ? " / " : "；");
            return `<li><strong>${e(itemHeading(item, rules, lang))}</strong> — ${e(t(lang, "report.couldReach", { potentialFen: item.potentialMaxSupportFen ?? 0 }))}<br>${e(t(lang, "report.toDecide", { questions }))}</li>`;
          })
          .join("")}</ul>`;
  return `<section><h2>${e(t(lang, "report.unknown"))}</h2>${body}</section>`;
}

function documentsSection({ evaluation, rules, lang }: ReportInput): string {
  // Undecided items too: an applicant gathers their documents while settling the open facts.
  const eligible = evaluation.items.filter((item) => item.status !== "not_eligible");
  // Article 11 lists one item per project; its documents are the same for each.
  const once = eligible.filter((item, i) => eligible.findIndex((other) => other.id === item.id) === i);
  const blocks = once.map((item) => {
      const documents = rules.byId.get(item.id)?.text.documents[lang] ?? [];
    return `<h3>${e(itemHeading({ ...item, project: null }, rules, lang))}</h3><ul>${documents.map((d) => `<li>${e(d)}</li>`).join("")}</ul>`;
  });
  const body = blocks.length === 0 ? `<p>${e(t(lang, "report.noDocuments"))}</p>` : `<p class="note">${e(t(lang, "report.documentsNote"))}</p>${blocks.join("")}`;
  return `<section><h2>${e(t(lang, "report.documents"))}</h2>${body}</section>`;
}

function notesSection({ evaluation, lang }: ReportInput): string {
  if (evaluation.notes.length === 0) return "";
  return `<section><h2>${e(t(lang, "report.notes"))}</h2><ul>${evaluation.notes.map((note) => `<li>${e(renderNote(note, lang))}</li>`).join("")}</ul></section>`;
}

function amountText(item: ItemOutcome, lang: Lang): string {
  if (item.status === "eligible" && item.maxSupportFen !== null) {
    const max = formatYuan(item.maxSupportFen, lang);
    if (!item.counted) return `${max} (${t(lang, "report.notCounted")})`;
    return item.countedSupportFen < item.maxSupportFen ? `${max} (${t(lang, "report.partlyCounted", { countedFen: item.countedSupportFen })})` : max;
  }
  if (item.status === "needs_info" && item.potentialMaxSupportFen !== null) return t(lang, "report.couldReach", { potentialFen: item.potentialMaxSupportFen });
  return "—";
}

/** Whether the stored per-item outcome is the one the evaluation gives. */
export function sameItems(record: ScreeningRecord, evaluation: Evaluation): boolean {
  if (record.items.length !== evaluation.items.length) return false;
  return evaluation.items.every((item, i) => {
    const stored = record.items[i]!;
    return stored.id === item.id && stored.status === item.status && stored.maxSupportFen === item.maxSupportFen && stored.counted === item.counted;
  });
}
