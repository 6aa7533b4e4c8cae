import { describe, expect, it } from "vitest";
import type { Screening } from "../../src/engine/screening.js";
import { currentOptions, currentResult } from "../../src/interview/interview.js";
import { renderMessage } from "../../src/interview/render.js";
import type { InterviewState } from "../../src/interview/state.js";
import { NOTHING_TO_CLAIM } from "../support/nothingToClaim.js";
import { ctx, interview, outcomeOf, play, noticesOf } from "./conversation.js";

/** Two scenario projects (1,000,000) and an event whose expenses give 600,000: Article 16 can change the total. */
const SCENARIO_AND_EVENT: Screening = {
  ...NOTHING_TO_CLAIM,
  scenarios: { projects: 2, receivedThisYear: 0 },
  events: { expenses: 1200000, significantResults: true, receivedThisYear: 0 },
};

/** Plays the persona's interview up to the Article 16 question and returns the state there. */
function atOverlap(persona: Screening): InterviewState {
  let found: InterviewState | null = null;
  interview(persona, (state) => {
    if (state.current === "overlap#0" && !found) found = state;
  });
  expect(found, "the Article 16 question was not asked").not.toBeNull();
  return found!;
}

describe("the Article 16 question", () => {
  it("is asked once two items that could be one project are eligible, last, naming them in plain words", () => {
    const { asked } = interview(SCENARIO_AND_EVENT);
    expect(asked.at(-1)).toBe("overlap#0");
    const state = atOverlap(SCENARIO_AND_EVENT);
    const shown = play([{ type: "start" }], state).out.at(-1)!;
    expect(shown).toMatchObject({ type: "question", key: "overlap#0", options: ["none", "scenario", "event"] });
    const rendered = renderMessage(shown, { ...ctx, lang: "en", screening: currentResult(ctx, state).screening });
    expect(rendered.text).toContain("Is any of these one and the same project as another: One of your application scenario projects (Article 12); The industry events you organised or funded (Article 14)?");
    expect(rendered.options.map((o) => o.label)).toEqual(["No, all different", "One of your application scenario projects (Article 12)", "The industry events you organised or funded (Article 14)"]);
    expect(renderMessage(shown, { ...ctx, lang: "zh", screening: currentResult(ctx, state).screening }).options[0]!.label).toBe("没有，各不相同");
  });

  it("a scenario project that is also the event becomes one group of format 1.1, and the total counts the better part once", () => {
    const persona = { ...SCENARIO_AND_EVENT, overlaps: [[{ item: "12" as const, units: 1 }, "14"]] };
    const { asked, state, final, direct } = interview(persona);
    expect(asked.slice(-2)).toEqual(["overlap#0", "overlap#1"]);
    expect(currentResult(ctx, state).screening.overlaps).toEqual([[{ item: "12", units: 1 }, "14"]]);
    expect(outcomeOf(final)).toEqual(outcomeOf(direct));
    // One scenario project (500,000) is left out in favour of the event (600,000): 500,000 + 600,000.
    expect(final.totalMaxSupportFen).toBe(1_100_000_00);
  });

  it("\"no, all different\" is the first answer: typed 1, the total is unchanged and nothing more is asked", () => {
    const state = atOverlap(SCENARIO_AND_EVENT);
    const { state: after } = play([{ type: "text", text: "1" }], state);
    expect(after.log.at(-1)).toEqual({ key: "overlap#0", value: [] });
    expect(after.done).toBe(true);
    expect(currentResult(ctx, after).screening.overlaps).toBeUndefined();
    expect(currentResult(ctx, after).evaluation.totalMaxSupportFen).toBe(1_600_000_00);
  });

  it("typed numbers group the members; one member alone, or \"no\" with a member, is asked again", () => {
    const state = atOverlap(SCENARIO_AND_EVENT);
    expect(play([{ type: "text", text: "2,3" }], state).state.log.at(-1)).toEqual({ key: "overlap#0", value: ["scenario", "event"] });
    for (const text of ["2", "1,3"]) {
      const { state: after, out } = play([{ type: "text", text }], state);
      expect(noticesOf(out), text).toEqual(["interview.invalid.overlap"]);
      expect(after.log).toEqual(state.log);
    }
  });

  it("by buttons: Done with one tick is refused with the reason, with two it records the group", () => {
    const state = atOverlap(SCENARIO_AND_EVENT);
    const at = { key: "overlap#0", turn: state.turn };
    const one = play([{ type: "toggle", ...at, option: "event" }, { type: "done", ...at }], state);
    expect(noticesOf(one.out)).toEqual(["interview.invalid.overlap"]);
    expect(one.state.ticked).toEqual(["event"]);
    const two = play([{ type: "toggle", ...at, option: "scenario" }, { type: "done", ...at }], one.state);
    expect(two.state.log.at(-1)).toEqual({ key: "overlap#0", value: ["event", "scenario"] });
    expect(two.state.current).toBe("overlap#1");
  });

  it("names each infrastructure project and each recognition on its own", () => {
    const persona: Screening = {
      ...NOTHING_TO_CLAIM,
      applicant: { ...NOTHING_TO_CLAIM.applicant, kind: "industrial_service_institution" },
      infrastructure: [{ eligibleInvestment: 10000000, yearsSupported: 0 }, { eligibleInvestment: 20000000, yearsSupported: 0 }],
      recognitions: [{ level: "beijing_industrial_innovation_center" }],
      overlaps: [[{ item: "11", project: 1 }, { item: "8.1", recognition: 0 }]],
    };
    const state = atOverlap(persona);
    expect(currentOptions(ctx, state).map((o) => o.value)).toEqual(["none", "project:0", "project:1", "recognition:0"]);
    const shown = play([{ type: "start" }], state).out.at(-1)!;
    const labels = renderMessage(shown, { ...ctx, lang: "en", screening: currentResult(ctx, state).screening }).options.map((o) => o.label);
    expect(labels).toEqual(["No, all different", "Infrastructure project 1 (Article 11)", "Infrastructure project 2 (Article 11)", "The recognition “Beijing industrial innovation center” (Article 8)"]);
    const { final, direct, state: end } = interview(persona);
    expect(currentResult(ctx, end).screening.overlaps).toEqual([[{ item: "11", project: 1 }, { item: "8.1", recognition: 0 }]]);
    expect(outcomeOf(final)).toEqual(outcomeOf(direct));
  });

  it("is not asked when only one such item is eligible", () => {
    const { asked } = interview({ ...NOTHING_TO_CLAIM, events: { expenses: 1200000, significantResults: true } });
    expect(asked.some((key) => key.startsWith("overlap"))).toBe(false);
  });

  it("is not asked when no grouping can change the total (five scenario projects at the annual cap and an event)", () => {
    const persona = { ...NOTHING_TO_CLAIM, scenarios: { projects: 5, receivedThisYear: 0 }, events: { expenses: 2000000, significantResults: true, receivedThisYear: 0 } };
    const { asked } = interview(persona);
    expect(asked.some((key) => key.startsWith("overlap"))).toBe(false);
  });

  it("is not asked of an enterprise with a fast-growth award and an event: Article 4 is not a project", () => {
    const { asked } = interview({ ...NOTHING_TO_CLAIM, growth: { fastGrowth: true, receivedBefore: false }, events: { expenses: 1200000, significantResults: true, receivedThisYear: 0 } });
    expect(asked.some((key) => key.startsWith("overlap"))).toBe(false);
  });
});
