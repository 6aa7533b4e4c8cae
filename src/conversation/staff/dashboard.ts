import { ITEM_IDS } from "../../engine/screening.js";
import { articleLabel } from "../../i18n/articleLabel.js";
import type { Lang } from "../../i18n/lang.js";
import { describeFact, type InterviewContext } from "../../interview/index.js";
import { reasonText } from "../../result/renderReason.js";
import type { FaqGap } from "../../store/activity.js";
import { daysBetween } from "../../store/beijingDay.js";
import { emptySummary, mergeSummary } from "../../store/daySummary.js";
import type { Store } from "../../store/store.js";
import type { Period } from "./stats.js";

/** The channels every chart shows, even on days one of them had nothing. */
export const CHANNELS = ["tg", "web", "cli"] as const;
/** Rows of each "most common" list. */
export const TOP = 20;

export interface Dashboard {
  period: Period;
  byDay: { day: string; started: number; finished: number; byChannel: Record<string, number> }[];
  byItem: { id: string; title: string; eligible: number; needsInfo: number; notEligible: number; sumMaxFen: number }[];
  totalFen: number;
  missingFacts: { fact: string; label: string; count: number }[];
  nearMisses: { item: string; condition: string; label: string; count: number }[];
  faqGaps: FaqGap[];
}

const zeroChannels = () => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<string, number>;
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/**
 * The staff dashboard for a period of Beijing days: from the store's day summaries and activity
 * counts, never from the screenings themselves. `byChannel` counts screenings finished.
 */
export async function dashboard(store: Store, interview: InterviewContext, period: Period, lang: Lang): Promise<Dashboard> {
  const [summaries, activity] = await Promise.all([store.daySummaries(period.from, period.to), store.activity(period.from, period.to)]);
  const total = emptySummary();
  const byDay = daysBetween(period.from, period.to).map((day) => {
    const summary = summaries.get(day) ?? emptySummary();
    mergeSummary(total, summary);
    return { day, started: sum(activity.get(day)?.started ?? {}), finished: sum(summary.finished), byChannel: { ...zeroChannels(), ...summary.finished } };
  });
  const { rules, bank } = interview;
  const byItem = ITEM_IDS.map((id) => {
    const counts = total.items[id] ?? { eligible: 0, needsInfo: 0, notEligible: 0, sumMaxFen: 0 };
    return { id, title: `${articleLabel(id, lang)} ${rules.byId.get(id)?.text.title[lang] ?? ""}`.trim(), ...counts };
  });
  // Facts are named without a screening: indexed facts ("project 1 …") by the question's own words.
  const describe = describeFact({ bank, rules, screening: { version: 1 } });
  const missingFacts = top(total.missing).map(([fact, count]) => ({ fact, label: describe(fact, lang), count }));
  const nearMisses = top(total.nearMisses).map(([key, count]) => {
    const [item = "", condition = ""] = key.split(" ");
    return { item, condition, label: `${articleLabel(item, lang)}: ${reasonText({ code: condition, cite: item }, lang)}`, count };
  });
  return { period, byDay, byItem, totalFen: total.totalFen, missingFacts, nearMisses, faqGaps: faqGaps([...activity.values()].flatMap((a) => a.faqGaps)) };
}

/** The most frequent first; ties in a stable order (by key). */
function top(counts: Record<string, number>): [string, number][] {
  return Object.entries(counts)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, TOP);
}

/** The same question on several days counts once, with the days' counts added. */
function faqGaps(gaps: FaqGap[]): FaqGap[] {
  const merged = new Map<string, FaqGap>();
  for (const gap of gaps) {
    const key = `${gap.outcome}\u0000${gap.question}`;
    const known = merged.get(key);
    if (known) known.count += gap.count;
    else merged.set(key, { ...gap });
  }
  return [...merged.values()].sort((a, b) => b.count - a.count || a.question.localeCompare(b.question)).slice(0, TOP);
}
