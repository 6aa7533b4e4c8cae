import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toScreeningRecord } from "../../src/conversation/screeningRecord.js";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Screening } from "../../src/engine/screening.js";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import type { Lang } from "../../src/i18n/lang.js";
import { loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { projectRoot } from "../../src/paths.js";
import { buildReportHtml } from "../../src/report/reportHtml.js";
import { escapeHtml } from "../../src/report/escapeHtml.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { t } from "../../src/i18n/translate.js";

const rules = loadRules();
const bank = loadQuestionBank();
const SPEC_EXAMPLE = JSON.parse(readFileSync(join(projectRoot, "examples", "spec-example.json"), "utf8")) as Screening;
const CASE_ID = "TZ-20260301-7KQ3M2XA";

function report(screening: Screening, lang: Lang) {
  const asOf = screening.asOf ?? "2026-03-01";
  const evaluation = evaluate(screening, rules, asOf);
  const record = toScreeningRecord({ caseId: CASE_ID, conversationId: "tg:7", createdAt: new Date("2026-03-01T02:00:00Z"), lang, screening, evaluation });
  return { html: buildReportHtml({ record, evaluation, rules, bank, lang }), evaluation };
}

describe("the pre-screening report", () => {
  it("names the case, the date, the rules version and the total", () => {
    const { html, evaluation } = report(SPEC_EXAMPLE, "en");
    expect(html).toContain(CASE_ID);
    expect(html).toContain("2026-03-01");
    expect(html).toContain(escapeHtml(evaluation.rulesVersion));
    expect(html).toContain(formatYuan(evaluation.totalMaxSupportFen, "en"));
  });

  it("marks an item of which Article 16 counts only a part, with the counted amount", () => {
    // Two scenario projects at up to 500,000 each; one of them is also the 1,000,000 event, which pays more.
    const screening: Screening = { ...SPEC_EXAMPLE, scenarios: { projects: 2, receivedThisYear: 0 }, events: { expenses: 2_000_000, significantResults: true, receivedThisYear: 0 }, overlaps: [[{ item: "12", units: 1 }, "14"]] };
    const { html, evaluation } = report(screening, "en");
    const scenario = evaluation.items.find((item) => item.id === "12")!;
    expect(scenario.countedSupportFen).toBeLessThan(scenario.maxSupportFen!);
    expect(html).toContain(t("en", "report.partlyCounted", { countedFen: scenario.countedSupportFen }));
    expect(report({ ...screening, overlaps: undefined }, "en").html).not.toContain("left out under Article 16");
  });

  it("says when the rules changed since the case was judged, and whether the result did", () => {
    const evaluation = evaluate(SPEC_EXAMPLE, rules, "2026-03-01");
    const record = toScreeningRecord({ caseId: CASE_ID, conversationId: "tg:7", createdAt: new Date("2026-03-01T02:00:00Z"), lang: "en", screening: SPEC_EXAMPLE, evaluation });
    const same = buildReportHtml({ record: { ...record, rulesVersion: "tongzhou-de-2025.0+00000000" }, evaluation, rules, bank, lang: "en" });
    expect(same).toContain(escapeHtml(t("en", "report.rulesChangedSame", { stored: "tongzhou-de-2025.0+00000000", storedFen: record.totalMaxSupportFen, current: evaluation.rulesVersion })));
    const older = { ...record, rulesVersion: "tongzhou-de-2025.0+00000000", totalMaxSupportFen: record.totalMaxSupportFen + 100 };
    const differ = buildReportHtml({ record: older, evaluation, rules, bank, lang: "en" });
    expect(differ).toContain(escapeHtml(t("en", "report.rulesChangedDiffer", { stored: older.rulesVersion, storedFen: older.totalMaxSupportFen, current: evaluation.rulesVersion, currentFen: evaluation.totalMaxSupportFen })));
    expect(buildReportHtml({ record, evaluation, rules, bank, lang: "en" })).not.toContain(escapeHtml(t("en", "report.rulesChanged")));
  });

  it("lists the answers as questions with canonical answers", () => {
    const { html } = report(SPEC_EXAMPLE, "en");
    expect(html).toContain("What is the contract amount for the ITAI products and services (including any hardware)?");
    expect(html).toContain("RMB 6,000,000");
    expect(html).toContain("District level");
  });

  it("lists the applicant's name and each Article 16 group with the items it joins", () => {
    const screening: Screening = { ...SPEC_EXAMPLE, applicant: { ...SPEC_EXAMPLE.applicant!, name: "Tongzhou Compute & Co." }, scenarios: { projects: 2, receivedThisYear: 0 }, events: { expenses: 2_000_000, significantResults: true, receivedThisYear: 0 }, overlaps: [[{ item: "12", units: 1 }, "14"]] };
    const en = report(screening, "en").html;
    expect(en).toContain(escapeHtml("Tongzhou Compute & Co."));
    const overlap = bank.byId.get("overlap")!;
    const label = (item: string) => overlap.options!.find((o) => o.member?.item === item)!.label.en;
    expect(en).toContain(escapeHtml(`${label("12")}; ${label("14")}`));
    expect(report({ ...screening, overlaps: undefined }, "en").html).not.toContain(escapeHtml(`${label("12")}; ${label("14")}`));
  });

  it("shows each item's status, maximum and reasons, with the caps that limit it", () => {
    const { html } = report(SPEC_EXAMPLE, "en");
    expect(html).toMatch(/<tr class="eligible"><td>Article 10\(2\)[^<]*<\/td><td class="status">eligible<\/td><td class="amount">RMB 2,000,000<\/td>/);
    expect(html).toContain("Limited by the cumulative cap: RMB 3,000,000 (RMB 1,000,000 already received)");
  });

  it("lists the typical documents of each eligible Article from the rules data, marked indicative", () => {
    const { html } = report(SPEC_EXAMPLE, "en");
    expect(html).toContain("the list in the annual funding guideline prevails");
    for (const document of rules.byId.get("4")!.text.documents.en) expect(html).toContain(escapeHtml(document));
    expect(html).not.toContain(escapeHtml(rules.byId.get("8.1")!.text.title.en) + "</h3>");
  });

  it("says what is still unknown and which question would settle it", () => {
    const { html } = report({ asOf: "2026-03-01", applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"] } }, "en");
    expect(html).toContain("Still unknown");
    expect(html).toContain("Is your enterprise a small or medium-sized enterprise (SME)?");
  });

  it("is in the reader's language, disclaimer included", () => {
    const { html, evaluation } = report(SPEC_EXAMPLE, "zh");
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain("预筛查报告");
    expect(html).toContain(formatYuan(evaluation.totalMaxSupportFen, "zh"));
    expect(html).toContain(escapeHtml(rules.policy.disclaimer.text.zh));
    expect(html).toContain("以年度申报指南所列为准");
  });

  it("is self-contained: inline CSS, no scripts, images, links or fonts to fetch", () => {
    const { html } = report(SPEC_EXAMPLE, "en");
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script|<link|<img|<iframe|src=|href=|url\(|@import/i);
  });

  it("escapes every string from the applicant", () => {
    const hostile = "<img src=x onerror=alert(1)>&\"'";
    const screening = { ...SPEC_EXAMPLE, infrastructure: [{ ...SPEC_EXAMPLE.infrastructure![0]!, name: hostile }] };
    const { html } = report(screening, "en");
    expect(html).not.toContain(hostile);
    expect(html).toContain(escapeHtml(hostile));
    expect(html).not.toMatch(/<img/i);
  });
});
