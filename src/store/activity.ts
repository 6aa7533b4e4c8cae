import { z } from "zod";

/**
 * What happens in conversations that the screenings themselves do not show, counted per Beijing
 * day with nobody's identity: screenings begun (per channel), and FAQ questions that were refused
 * or only weakly matched (what to add to the FAQ).
 */
export type FaqGapOutcome = "refused" | "weak";

export type ActivityEvent =
  | { kind: "started"; channel: string; at: Date }
  | { kind: "faq_gap"; question: string; outcome: FaqGapOutcome; at: Date };

export interface FaqGap {
  question: string;
  outcome: FaqGapOutcome;
  count: number;
}

export interface DayActivity {
  started: Record<string, number>;
  faqGaps: FaqGap[];
}

/** Distinct questions kept per day: a flood of junk cannot grow a day's file without bound. */
export const FAQ_GAPS_PER_DAY = 500;
/** A question is kept to this many characters, its spaces collapsed. */
export const FAQ_GAP_CHARS = 200;

const count = z.number().int().min(0);
export const dayActivitySchema = z.strictObject({
  started: z.record(z.string().max(20), count),
  faqGaps: z.array(z.strictObject({ question: z.string().max(FAQ_GAP_CHARS), outcome: z.enum(["refused", "weak"]), count })).max(FAQ_GAPS_PER_DAY),
}) satisfies z.ZodType<DayActivity>;

export const emptyActivity = (): DayActivity => ({ started: {}, faqGaps: [] });

/** The question as it is counted: spaces collapsed, cut to FAQ_GAP_CHARS. */
export function gapQuestion(question: string): string {
  return [...question.replace(/\s+/g, " ").trim()].slice(0, FAQ_GAP_CHARS).join("");
}

/** Counts one event into a day (in place). */
export function addActivity(day: DayActivity, event: ActivityEvent): void {
  if (event.kind === "started") {
    day.started[event.channel] = (day.started[event.channel] ?? 0) + 1;
    return;
  }
  const question = gapQuestion(event.question);
  if (question === "") return;
  const known = day.faqGaps.find((gap) => gap.question === question && gap.outcome === event.outcome);
  if (known) known.count += 1;
  else if (day.faqGaps.length < FAQ_GAPS_PER_DAY) day.faqGaps.push({ question, outcome: event.outcome, count: 1 });
}
