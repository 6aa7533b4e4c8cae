import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toScreeningRecord } from "../../src/conversation/screeningRecord.js";
import { rulesOn, type CompiledRules } from "../../src/engine/compiledRules.js";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Screening } from "../../src/engine/screening.js";
import { DEFAULT_RULES_DIR } from "../../src/rules/loadRules.js";
import type { ArticleRules } from "../../src/rules/schema.js";
import type { ScreeningRecord } from "../../src/store/store.js";

/**
 * Stored screenings whose Article 6 model-services contract steps through ten sizes: 30% of it
 * passes the model-voucher cap for the larger ones only, so which of them a raised cap changes is
 * known without running the engine (`passesCap`). Half are dated 2025, half 2026, each judged by
 * the cap in force on its date.
 */
export const CONTRACT_STEP = 200_000;

export function contractOf(n: number): number {
  return (n % 10) * CONTRACT_STEP;
}

export function storedScreening(n: number, rules: CompiledRules): ScreeningRecord {
  const asOf = asOfOf(n);
  const screening: Screening = {
    version: 1,
    asOf,
    applicant: { name: `Applicant ${n}`, kind: "enterprise", inJurisdiction: true, sectors: ["ai"], sme: n % 7 !== 0 },
    vouchers: { modelServices: contractOf(n), computingServices: 0, significantResults: true },
    events: { expenses: 100_000, significantResults: true },
  };
  const createdAt = new Date(Date.UTC(2025, 8, 1 + (n % 28), 8, 0, n % 60));
  const caseId = `TZ-${createdAt.toISOString().slice(0, 10).replaceAll("-", "")}-${String(n).padStart(8, "0").replace(/\d/g, (d) => "ABCDEFGHJK"[Number(d)]!)}`;
  return toScreeningRecord({ caseId, conversationId: "cli", createdAt, lang: "en", screening, evaluation: evaluate(screening, rules, asOf) });
}

/** Article 6's model-voucher cap in force on a date, in yuan: the Rules' own, or an annual guideline's. */
export function modelCapOn(rules: CompiledRules, date: string): number {
  return (rulesOn(rules, date).byId.get("6")!.params.modelAnnualCap as number) / 100;
}

/** The date stored screening n is judged on (as its asOf). */
export function asOfOf(n: number): string {
  return n % 2 === 0 ? "2025-09-01" : "2026-09-01";
}

/**
 * Whether screening n is one a raised model-voucher cap changes: an SME whose 30% is above the
 * cap `rules` put in force on its date.
 */
export function passesCap(n: number, rules: CompiledRules): boolean {
  return n % 7 !== 0 && contractOf(n) * 0.3 > modelCapOn(rules, asOfOf(n));
}

const YUAN_PER_WAN = 10_000;

/**
 * A copy of rules/ with every value of the Article 6 model-voucher cap changed by `byYuan`, in its
 * one place, the item file: the Rules' own value with its quote and the official text (every
 * "RMB 300,000 for model vouchers"), and any annual guideline's value with its quote (in English
 * or Chinese figures). So on whatever date a test judges, the cap in force moves by `byYuan`.
 */
export function rulesWithModelCapChanged(byYuan: number): string {
  const dir = mkdtempSync(join(tmpdir(), "rules-cap-"));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const file = join(dir, "items", "article-06.json");
  const article = JSON.parse(readFileSync(file, "utf8")) as ArticleRules;
  const parameter = article.parameters.modelAnnualCap!;
  const values = "values" in parameter ? parameter.values : [parameter];
  for (const value of values) {
    if (!("yuan" in value)) throw new Error("Article 6's model-voucher cap is no longer an amount");
    const changed = value.yuan + byYuan;
    const rewrite = (text: string) =>
      text.replaceAll(`RMB ${value.yuan.toLocaleString("en")}`, `RMB ${changed.toLocaleString("en")}`).replaceAll(`${value.yuan / YUAN_PER_WAN}万元`, `${changed / YUAN_PER_WAN}万元`);
    if (!("source" in value && value.source)) {
      article.officialText = article.officialText.replaceAll(value.text, rewrite(value.text));
      for (const item of article.items) item.clauseText = item.clauseText.replaceAll(value.text, rewrite(value.text));
    }
    value.text = rewrite(value.text);
    value.yuan = changed;
  }
  writeFileSync(file, `${JSON.stringify(article, null, 2)}\n`);
  return dir;
}
