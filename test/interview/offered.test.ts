import { describe, expect, it } from "vitest";
import type { OutMessage } from "../../src/interview/messages.js";
import { renderMessage } from "../../src/interview/render.js";
import { initialState, type InterviewState } from "../../src/interview/state.js";
import { NOTHING_TO_CLAIM } from "../support/nothingToClaim.js";
import { AS_OF, ctx, interview, outcomeOf, play } from "./conversation.js";

type Question = Extract<OutMessage, { type: "question" }>;
const questionOf = (out: OutMessage[]) => out.filter((m): m is Question => m.type === "question").at(-1);

/** Jurisdiction yes, the given kind (option number), sector AI: at the topic picker. */
function atTopics(kind: string) {
  let state: InterviewState = initialState("en", AS_OF);
  const out: OutMessage[] = [];
  for (const text of [null, "yes", kind, "1"]) {
    const next = play([text === null ? { type: "start" } : { type: "text", text }], state);
    state = next.state;
    out.push(...next.out);
  }
  expect(state.current).toBe("topics");
  return { state, out };
}

describe("what the applicant's kind of organisation can never get is left out", () => {
  it("a social organisation is offered only the topics open to it", () => {
    const { out } = atTopics("3");
    expect(questionOf(out)!.options).toEqual(["recognitions", "innovationBase", "infrastructure", "scenarios", "events"]);
  });

  it("says once, right after the kind, which Articles are left out and why", () => {
    const { state, out } = atTopics("3");
    const excluded = out.filter((m) => m.type === "excluded");
    expect(excluded).toEqual([{ type: "excluded", items: ["4", "5", "6", "7", "8.2", "9", "10.1", "13"], reason: expect.objectContaining({ code: "not_enterprise" }) }]);
    const kindAnswered = out.findIndex((m) => m.type === "question" && m.key === "sectors");
    expect(out.indexOf(excluded[0]!)).toBe(kindAnswered - 1);
    const later = play([{ type: "text", text: "1" }, { type: "text", text: "1" }], state).out;
    expect(later.some((m) => m.type === "excluded")).toBe(false);
    const text = renderMessage(excluded[0]!, { ...ctx, lang: "en", screening: {} }).text;
    expect(text).toContain("Article 4");
    expect(text).toContain("only enterprises");
    expect(renderMessage(excluded[0]!, { ...ctx, lang: "zh", screening: {} }).text).toContain("第四条");
  });

  it("an enterprise is offered every topic and told nothing is left out", () => {
    const { out } = atTopics("1");
    expect(questionOf(out)!.options).toHaveLength(12);
    expect(out.some((m) => m.type === "excluded")).toBe(false);
  });

  it("numbers typed at the picker count the topics shown, not the hidden ones", () => {
    const { state } = atTopics("3");
    const { state: after } = play([{ type: "text", text: "1,5" }], state);
    expect(after.log.at(-1)).toEqual({ key: "topics", value: ["recognitions", "events"] });
  });

  it("a hidden topic cannot be ticked by a forged button", () => {
    const { state } = atTopics("3");
    const { state: after, out } = play([{ type: "toggle", key: "topics", turn: state.turn, option: "vouchers" }], state);
    expect(out).toEqual([{ type: "notice", key: "interview.stale" }]);
    expect(after.ticked).toEqual([]);
  });

  it("the renderer shows only the topics offered, as options and as buttons", () => {
    const { out } = atTopics("3");
    const rendered = renderMessage(questionOf(out)!, { ...ctx, lang: "en", screening: {} });
    expect(rendered.options).toHaveLength(5);
    expect(rendered.buttons.flat().filter((b) => b.event.type === "toggle")).toHaveLength(5);
  });

  it("a consortium is offered only the recognitions of Article 8(1)", () => {
    const { state } = atTopics("2");
    const { out } = play([{ type: "text", text: "1" }, { type: "text", text: "skip" }], state);
    expect(questionOf(out)).toMatchObject({ key: "recognitions", options: ["national_manufacturing_innovation_center", "beijing_industrial_innovation_center", "beijing_pilot_verification_platform"] });
  });
});

describe("promotions and settled per-project answers", () => {
  it("\"promoted from\" offers only lower-paid recognitions, and \"not a promotion\" first", () => {
    const persona = { ...NOTHING_TO_CLAIM, recognitions: [{ level: "miit_key_laboratory" as const, promotedFrom: "beijing_enterprise_technology_center" as const }] };
    const shown: string[][] = [];
    const { final, direct } = interview(persona, (state) => {
      if (state.current === "promotedFrom#0") shown.push(questionOf(play([{ type: "start" }], state).out)!.options);
    });
    expect(shown).toEqual([["none", "beijing_high_end_design_center", "beijing_enterprise_technology_center"]]);
    expect(outcomeOf(final)).toEqual(outcomeOf(direct));
  });

  it("a recognition nothing is paid less than is not asked about promotion", () => {
    const persona = { ...NOTHING_TO_CLAIM, recognitions: [{ level: "beijing_enterprise_technology_center" as const }] };
    const { asked } = interview(persona);
    expect(asked).toContain("recognitions");
    expect(asked).not.toContain("promotedFrom#0");
  });

  it("what a project supported for no year has received is not asked; for a project supported before, it is", () => {
    const persona = { ...NOTHING_TO_CLAIM, infrastructure: [{ eligibleInvestment: 50000000, yearsSupported: 1, amountReceived: 10000000 }, { eligibleInvestment: 80000000, yearsSupported: 0 }] };
    const { asked, final, direct } = interview(persona);
    expect(asked).toEqual(expect.arrayContaining(["projectYears#0", "projectYears#1", "projectReceived#0"]));
    expect(asked).not.toContain("projectReceived#1");
    expect(outcomeOf(final)).toEqual(outcomeOf(direct));
  });

  it("nor what an innovation base supported for no year has received", () => {
    const persona = { ...NOTHING_TO_CLAIM, futureIndustries: { createForTheFuture: false, innovationBase: { level: "district" as const, yearsSupported: 0 } } };
    const { asked, final, direct } = interview(persona);
    expect(asked).toContain("baseYears");
    expect(asked).not.toContain("baseReceived");
    expect(outcomeOf(final)).toEqual(outcomeOf(direct));
  });
});
