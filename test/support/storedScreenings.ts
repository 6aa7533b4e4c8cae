import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toScreeningRecord } from "../../src/conversation/screeningRecord.js";
import type { CompiledRules } from "../../src/engine/compiledRules.js";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Screening } from "../../src/engine/screening.js";
import { DEFAULT_RULES_DIR } from "../../src/rules/loadRules.js";
import type { ScreeningRecord } from "../../src/store/store.js";

/**
 * Stored screenings whose Article 6 model-services contract steps through ten sizes: 30% of it
 * passes the Rules' model-voucher cap for the larger ones only, so which of them a raised cap
 * changes is known without running the engine (`passesCap`).
 */
export const CONTRACT_STEP = 200_000;

export function contractOf(n: number): number {
  return (n % 10) * CONTRACT_STEP;
}

export function storedScreening(n: number, rules: CompiledRules): ScreeningRecord {
  const asOf = n % 2 === 0 ? "2025-09-01" : "2026-09-01";
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

/** Whether screening n is one a model-voucher cap raised from `oldCap` changes: an SME whose 30% is above it. */
export function passesCap(n: number, oldCapYuan: number): boolean {
  return n % 7 !== 0 && contractOf(n) * 0.3 > oldCapYuan;
}

/**
 * A copy of rules/ with the Article 6 model-voucher cap changed in its one place, the item file:
 * the value, the parameter's quote and the official text (every "RMB 300,000 for model vouchers").
 */
export function rulesWithModelCap(oldCapYuan: number, newCapYuan: number): string {
  const dir = mkdtempSync(join(tmpdir(), "rules-cap-"));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const file = join(dir, "items", "article-06.json");
  const written = (yuan: number) => `RMB ${yuan.toLocaleString("en")} for model vouchers`;
  const text = readFileSync(file, "utf8");
  const changed = text.replaceAll(written(oldCapYuan), written(newCapYuan)).replace(`"yuan": ${oldCapYuan},`, `"yuan": ${newCapYuan},`);
  if (changed === text) throw new Error("the Article 6 file no longer has the model-voucher cap this helper changes");
  writeFileSync(file, changed);
  return dir;
}
