import { addDays } from "../../../src/conversation/staff/dates.js";
import { toScreeningRecord } from "../../../src/conversation/screeningRecord.js";
import { ITEM_IDS } from "../../../src/engine/ids.js";
import { evaluate } from "../../../src/engine/evaluate.js";
import type { Screening } from "../../../src/engine/screening.js";
import { todayInBeijing } from "../../../src/clock.js";
import { loadRules } from "../../../src/rules/loadRules.js";
import { newCaseId } from "../../../src/store/caseId.js";
import type { ScreeningRecord, Store } from "../../../src/store/store.js";
import { NOTHING_TO_CLAIM } from "../../support/nothingToClaim.js";

const rules = loadRules();

/** Applicants of several kinds, so that every status shows up in the dashboard's numbers. */
const PERSONAS: { name: string; screening: Omit<Screening, "asOf"> }[] = [
  { name: "北京星河智算科技有限公司", screening: { ...NOTHING_TO_CLAIM, applicant: { ...NOTHING_TO_CLAIM.applicant, sme: true }, growth: { fastGrowth: true, receivedBefore: false }, vouchers: { modelServices: 2_000_000, computingServices: 500_000, significantResults: true, modelReceivedThisYear: 0, computingReceivedThisYear: 0 } } },
  { name: "Acme Data Ltd", screening: { ...NOTHING_TO_CLAIM, growth: { fastGrowth: true, receivedBefore: false } } },
  { name: "通州云链信息技术有限公司", screening: { ...NOTHING_TO_CLAIM, applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai", "blockchain"] }, vouchers: {} } },
  { name: "运河数据服务中心", screening: { ...NOTHING_TO_CLAIM, itai: { benchmarkFirstSolution: true, contractAmount: 120_000_000, hardwareAmount: 30_000_000, receivedBefore: 0 } } },
  { name: "外区某公司", screening: { ...NOTHING_TO_CLAIM, applicant: { ...NOTHING_TO_CLAIM.applicant, inJurisdiction: false } } },
];

const CHANNELS = ["web", "tg", "cli"] as const;

export interface Seeded {
  record: ScreeningRecord;
  name: string;
  channel: (typeof CHANNELS)[number];
  /** The Beijing day it was finished on. */
  day: string;
}

export interface SeededActivity {
  /** Screenings begun per Beijing day (finished or not). */
  started: Map<string, number>;
  /** FAQ questions refused or weakly matched, with how often. */
  faqGaps: Map<string, number>;
}

const SCREENINGS = 40;
const FAQ_GAPS: { question: string; outcome: "refused" | "weak"; times: number }[] = [
  { question: "人才公寓怎么申请？", outcome: "refused", times: 5 },
  { question: "算力券可以转让给子公司吗", outcome: "weak", times: 3 },
  { question: "Is there support for hiring graduates?", outcome: "refused", times: 2 },
];

/**
 * Stores finished screenings as the conversation layer does (toScreeningRecord of the engine's
 * evaluation), spread over the last days. One is finished at 01:30 Beijing time, still the
 * previous day in UTC, so a dashboard counting UTC days would put it on the wrong day.
 */
export async function seedScreenings(store: Store, now = new Date()): Promise<{ seeded: Seeded[]; activity: SeededActivity }> {
  const today = todayInBeijing(now);
  const seeded: Seeded[] = [];
  const activity: SeededActivity = { started: new Map(), faqGaps: new Map() };
  const begin = async (channel: string, at: Date) => {
    await store.recordActivity({ kind: "started", channel, at });
    const day = todayInBeijing(at);
    activity.started.set(day, (activity.started.get(day) ?? 0) + 1);
  };
  for (let i = 0; i < SCREENINGS; i++) {
    const persona = PERSONAS[i % PERSONAS.length]!;
    const channel = CHANNELS[(i * 7) % 11 % CHANNELS.length]!;
    // Days 1 to 29 before today, some with several screenings, within the default 30-day period.
    const day = addDays(today, -((i * 11) % 29) - 1);
    // 17:30 UTC is 01:30 the next morning in Beijing.
    const createdAt = i === 4 ? new Date(`${addDays(day, -1)}T17:30:00Z`) : new Date(`${day}T${String(1 + (i % 9)).padStart(2, "0")}:${String(10 + i).padStart(2, "0")}:00Z`);
    const screening: Screening = { ...persona.screening, asOf: day, applicant: { ...persona.screening.applicant, name: persona.name } };
    const evaluation = evaluate(screening, rules, day);
    const caseId = newCaseId(createdAt.toISOString());
    const conversationId = channel === "web" ? `web:seeded${String(i).padStart(16, "0")}` : channel === "tg" ? `tg:${1000 + i}` : "cli";
    const record = toScreeningRecord({ caseId, conversationId, createdAt, lang: i % 2 === 0 ? "zh" : "en", screening, evaluation });
    await begin(channel, new Date(createdAt.getTime() - 10 * 60_000));
    // Every third applicant also began a screening they left unfinished.
    if (i % 3 === 0) await begin(channel, new Date(createdAt.getTime() - 60 * 60_000));
    await store.addScreening(record);
    seeded.push({ record, name: persona.name, channel, day });
  }
  for (const [n, gap] of FAQ_GAPS.entries()) {
    for (let k = 0; k < gap.times; k++) await store.recordActivity({ kind: "faq_gap", question: gap.question, outcome: gap.outcome, at: new Date(`${addDays(today, -2 - n - k)}T03:00:00Z`) });
    activity.faqGaps.set(gap.question, gap.times);
  }
  return { seeded, activity };
}

export interface ExpectedItem {
  eligible: number;
  needsInfo: number;
  notEligible: number;
  sumMaxFen: number;
}

/** What the dashboard should show for these screenings, counted here from the records themselves. */
export function expectedNumbers(seeded: readonly Seeded[]) {
  const byDay = new Map<string, { finished: number; web: number; tg: number; cli: number }>();
  const missing = new Map<string, number>();
  const byItem = new Map<string, ExpectedItem>(ITEM_IDS.map((id) => [id, { eligible: 0, needsInfo: 0, notEligible: 0, sumMaxFen: 0 }]));
  let totalFen = 0;
  for (const { record, channel, day } of seeded) {
    const counts = byDay.get(day) ?? { finished: 0, web: 0, tg: 0, cli: 0 };
    counts.finished += 1;
    counts[channel] += 1;
    byDay.set(day, counts);
    totalFen += record.totalMaxSupportFen;
    // A fact several items need is one question to the applicant: counted once per screening.
    for (const fact of new Set(record.items.flatMap((item) => item.missing ?? []))) missing.set(fact, (missing.get(fact) ?? 0) + 1);
    for (const item of record.items) {
      const counted = byItem.get(item.id)!;
      if (item.status === "eligible") {
        counted.eligible += 1;
        counted.sumMaxFen += item.maxSupportFen ?? 0;
      } else if (item.status === "needs_info") counted.needsInfo += 1;
      else counted.notEligible += 1;
    }
  }
  return { byDay, byItem, totalFen, missing, finished: seeded.length };
}
