import type { Screening } from "../../src/engine/screening.js";
import type { Lang } from "../../src/i18n/lang.js";
import { currentResult } from "../../src/interview/interview.js";
import type { OutMessage } from "../../src/interview/messages.js";
import type { RenderContext } from "../../src/interview/render.js";
import type { InterviewState } from "../../src/interview/state.js";
import { NOTHING_TO_CLAIM } from "../support/nothingToClaim.js";
import { ctx, interview, play } from "./conversation.js";

/**
 * An AI and blockchain enterprise, named, with two infrastructure projects, two new
 * recognitions and two national standards; its second project and second recognition are one
 * project. Its interview asks every kind of question: yes/no, single and multiple choice, the
 * topic picker, a name, counts, amounts, per-project and per-recognition questions, Article 16.
 */
export const BUILDER: Screening = {
  ...NOTHING_TO_CLAIM,
  applicant: { ...NOTHING_TO_CLAIM.applicant, name: "Acme AI", sectors: ["ai", "blockchain"] },
  standards: { international: 0, national: 2, local: 0, receivedThisYear: 0 },
  infrastructure: [{ eligibleInvestment: 10_000_000, yearsSupported: 0 }, { eligibleInvestment: 20_000_000, yearsSupported: 1, amountReceived: 500_000 }],
  recognitions: [{ level: "beijing_high_end_design_center", promotedFrom: null }, { level: "beijing_industrial_innovation_center" }],
  overlaps: [[{ item: "11", project: 1 }, { item: "8.1", recognition: 1 }]],
};

/** The state of the persona's interview when `key` is first asked. */
export function stateAt(persona: Screening, key: string): InterviewState {
  let found: InterviewState | null = null;
  interview(persona, (state) => {
    if (state.current === key) found ??= state;
  });
  if (!found) throw new Error(`${key} was not asked`);
  return found;
}

/** The question on screen in `state`, as the interview shows it again. */
export function onScreen(state: InterviewState): OutMessage {
  return play([{ type: "start" }], state).out.at(-1)!;
}

/** What a front end renders with in `state`, in `lang`. */
export function renderContext(state: InterviewState, lang: Lang): RenderContext {
  return { ...ctx, lang, screening: currentResult(ctx, state).screening };
}
