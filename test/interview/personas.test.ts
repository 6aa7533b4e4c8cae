import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import type { Screening } from "../../src/engine/screening.js";
import { buildScreening, parseKey } from "../../src/interview/buildScreening.js";
import { answerVariants, fingerprint } from "../../src/interview/canChange.js";
import type { InterviewState } from "../../src/interview/state.js";
import { NOTHING_TO_CLAIM } from "../support/nothingToClaim.js";
import { consistent } from "../support/personaAnswers.js";
import { completeScreening, partialOfComplete } from "../support/screeningArbitrary.js";
import { currentOptions } from "../../src/interview/interview.js";
import { AS_OF, ctx, interview, outcomeOf } from "./conversation.js";

const base = NOTHING_TO_CLAIM;
const persona = (patch: Screening): Screening => ({ ...base, ...patch });

const PERSONAS: [string, Screening][] = [
  ["a fast-growing enterprise (Article 4)", persona({ growth: { fastGrowth: true, receivedBefore: false } })],
  ["an enterprise with a new generative AI filing (Article 5)", persona({ filings: { generativeAi: true, deepSynthesis: true, blockchainInfo: false, goodOutcomes: true, receivedThisYear: 300000 } })],
  ["an SME buying model and computing services (Article 6)", persona({ applicant: { ...base.applicant, sme: true }, vouchers: { modelServices: 2000000, computingServices: 500000, significantResults: true, modelReceivedThisYear: 100000, computingReceivedThisYear: 0 } })],
  ["an enterprise that led standards (Article 7)", persona({ standards: { international: 1, national: 2, local: 0, receivedThisYear: 0 } })],
  ["a consortium recognised as a Beijing industrial innovation center (Article 8(1))", persona({ applicant: { ...base.applicant, kind: "innovation_consortium" }, recognitions: [{ level: "beijing_industrial_innovation_center" }] })],
  ["an enterprise promoted to an MIIT key laboratory (Article 8(2))", persona({ recognitions: [{ level: "miit_key_laboratory", promotedFrom: "beijing_enterprise_technology_center" }] })],
  ["an ITAI benchmark leader with hardware in its contract (Article 9)", persona({ itai: { benchmarkFirstSolution: true, contractAmount: 8000000, hardwareAmount: 2000000, receivedBefore: 0 } })],
  ["a Create for the Future awardee (Article 10(1))", persona({ futureIndustries: { createForTheFuture: true, createForTheFutureReceived: false, innovationBase: null } })],
  ["a district innovation base in its second year (Article 10(2))", persona({ futureIndustries: { createForTheFuture: false, innovationBase: { level: "district", yearsSupported: 1, amountReceived: 1000000 } } })],
  ["an institution building two infrastructure projects (Article 11)", persona({ applicant: { ...base.applicant, kind: "industrial_service_institution" }, infrastructure: [{ eligibleInvestment: 50000000, yearsSupported: 0, amountReceived: 0 }, { eligibleInvestment: 150000000, yearsSupported: 2, amountReceived: 12000000 }] })],
  ["an enterprise with five scenario projects (Article 12)", persona({ scenarios: { projects: 5, receivedThisYear: 500000 } })],
  ["a public service platform with outstanding outcomes (Article 13)", persona({ platform: { publicServicePlatform: true, outstandingOutcomes: true, receivedBefore: false } })],
  ["a social organisation that ran an industry conference (Article 14)", persona({ applicant: { ...base.applicant, kind: "social_organization" }, events: { expenses: 900000, significantResults: true, receivedThisYear: 0 } })],
  ["an applicant outside Tongzhou", persona({ applicant: { ...base.applicant, inJurisdiction: false } })],
  ["an applicant who does not know most facts", { asOf: "2026-03-01", applicant: { inJurisdiction: true, sectors: ["ai"], kind: "enterprise" } }],
];

/** What an answer can change, over every item (see `fingerprint`). */
const boundsOf = (screening: Screening): string => fingerprint(ctx.rules, screening, evaluate(screening, ctx.rules, screening.asOf ?? AS_OF));

/** Fails when every answer to the current question leads to the same result (the name, a detail, aside). */
function expectQuestionMatters(state: InterviewState): void {
  const key = state.current!;
  if (parseKey(ctx.bank, key)!.question.detail) return;
  const outcomes = new Set(
    answerVariants(parseKey(ctx.bank, key)!.question, currentOptions(ctx, state).map((o) => o.value)).map((value) => boundsOf(buildScreening(ctx.bank, [...state.log, { key, value }], state.asOf))),
  );
  expect(outcomes.size, `question ${key} cannot change the result`).toBeGreaterThan(1);
}

describe("scripted interviews", () => {
  it.each(PERSONAS)("%s reaches the engine's result for the same facts", (_, p) => {
    const { final, direct, state } = interview(p, expectQuestionMatters);
    expect(state.done).toBe(true);
    expect(outcomeOf(final)).toEqual(outcomeOf(direct));
  });

  it("asks nothing beyond the opening gate of an applicant outside Tongzhou", () => {
    const { asked } = interview(PERSONAS[13]![1]);
    expect(asked).toEqual(["jurisdiction"]);
  });

  it("after \"don't know\" to the generative-AI filing, asks the deep-synthesis and blockchain filings, which decide what is certain", () => {
    const p = persona({ filings: { deepSynthesis: true, blockchainInfo: true, goodOutcomes: true, receivedThisYear: 700000 } });
    const { asked, final, direct } = interview(p);
    expect(asked).toContain("generativeAi");
    expect(asked.slice(asked.indexOf("generativeAi") + 1)).toEqual(expect.arrayContaining(["deepSynthesis", "blockchainInfo"]));
    expect(outcomeOf(final)).toEqual(outcomeOf(direct));
    // 700,000 of the 1,000,000 annual cap is used; the two known filings fill the rest.
    expect(final.items.find((item) => item.id === "5")).toMatchObject({ status: "eligible", maxSupportFen: 300_000_00 });
  });

  it("asks each kind of standard of an applicant that does not know whether it is in Tongzhou: together they decide Article 7's potential", () => {
    const p = persona({ applicant: { sectors: ["ai"], kind: "enterprise" }, standards: { international: 1, national: 0, local: 0, receivedThisYear: 100000 } });
    const { asked, final, direct } = interview(p);
    expect(asked[0]).toBe("jurisdiction");
    expect(asked).toEqual(expect.arrayContaining(["standardsInternational", "standardsNational", "standardsLocal"]));
    expect(outcomeOf(final)).toEqual(outcomeOf(direct));
    // One international standard (500,000), not the 900,000 the annual cap leaves.
    expect(final.items.find((item) => item.id === "7")).toMatchObject({ status: "needs_info", potentialMaxSupportFen: 500_000_00 });
  });

  it("asks each kind of standard of an applicant that does not know its kind: together they decide Article 7's potential", () => {
    // Any one count left unknown could still fill the annual cap, and an unknown kind leaves nothing certain.
    const p: Screening = { asOf: "2028-04-29", applicant: { inJurisdiction: true, sectors: ["future_information"], sme: false }, standards: { international: 1, national: 0, local: 2, receivedThisYear: 0.01 } };
    const { asked, final, direct } = interview(p, expectQuestionMatters);
    expect(asked).toEqual(expect.arrayContaining(["kind", "standardsInternational", "standardsNational", "standardsLocal"]));
    expect(outcomeOf(final)).toEqual(outcomeOf(direct));
    // One international and two local standards (500,000 + 2 × 200,000), not the 999,999.99 the annual cap leaves.
    expect(final.items.find((item) => item.id === "7")).toMatchObject({ status: "needs_info", potentialMaxSupportFen: 900_000_00 });
  });

  it("never asks about vouchers once the applicant is not an SME", () => {
    const p = persona({ vouchers: { modelServices: 100000, computingServices: 0, significantResults: true } });
    const { asked } = interview(p);
    expect(asked).toContain("sme");
    expect(asked.slice(asked.indexOf("sme") + 1).filter((key) => /model|computing|vouchers/.test(key))).toEqual([]);
  });

  it("any applicant, whatever it knows, reaches the engine's result and is asked only questions that matter", () => {
    const distinctRecognitions = completeScreening.filter((s) => new Set((s.recognitions ?? []).map((r) => r.level)).size === (s.recognitions ?? []).length);
    fc.assert(
      fc.property(distinctRecognitions, (generated) => {
        const { final, direct } = interview(consistent(generated, ctx.rules), expectQuestionMatters);
        expect(outcomeOf(final)).toEqual(outcomeOf(direct));
      }),
      { numRuns: 60 },
    );
  });

  it("an applicant who answers \"don't know\" to some questions reaches the engine's result for what it knew", () => {
    const partial = partialOfComplete
      .map(({ partial }) => partial)
      .filter((s) => new Set((s.recognitions ?? []).map((r) => r.level)).size === (s.recognitions ?? []).length);
    fc.assert(
      fc.property(partial, (generated) => {
        const { final, direct } = interview(consistent(generated, ctx.rules), expectQuestionMatters);
        expect(outcomeOf(final)).toEqual(outcomeOf(direct));
      }),
      { numRuns: 300 },
    );
  });
});
