import {
  APPLICANT_KINDS, BASE_LEVELS, INFRASTRUCTURE_KINDS, RECOGNITION_LEVELS, SECTORS, type Screening,
} from "../src/engine/screening.js";
import { chance, intBelow, pickOne, type Rng } from "./random.js";

/** An amount in yuan with whole fen, spread over the ranges the policy's caps care about. */
const amount = (rng: Rng) => pickOne(rng, [0, intBelow(rng, 1_000_000_00) / 100, intBelow(rng, 50_000_000) + 0.5, 1e8]);
const yesNo = (rng: Rng) => chance(rng, 0.5);
/** Leaves a fact out (unknown) now and then, as a half-finished interview would. */
const maybe = <T>(rng: Rng, value: T): T | undefined => (chance(rng, 0.2) ? undefined : value);

/** A varied applicant: some facts unknown, all kinds and sectors, amounts around and past the caps. */
export function randomScreening(rng: Rng): Screening {
  return {
    version: 1,
    asOf: pickOne(rng, ["2025-04-29", "2025-06-01", "2026-03-01", "2027-12-31", "2028-04-30"]),
    applicant: {
      name: `Applicant ${intBelow(rng, 1e6)}`,
      kind: maybe(rng, pickOne(rng, APPLICANT_KINDS)),
      inJurisdiction: maybe(rng, chance(rng, 0.9)),
      sectors: maybe(rng, [pickOne(rng, SECTORS)]),
      sme: maybe(rng, yesNo(rng)),
    },
    growth: { fastGrowth: maybe(rng, yesNo(rng)), receivedBefore: chance(rng, 0.2) },
    filings: { generativeAi: maybe(rng, yesNo(rng)), deepSynthesis: maybe(rng, yesNo(rng)), blockchainInfo: maybe(rng, yesNo(rng)), goodOutcomes: maybe(rng, yesNo(rng)) },
    vouchers: { modelServices: maybe(rng, amount(rng)), computingServices: maybe(rng, amount(rng)), significantResults: maybe(rng, yesNo(rng)), modelReceivedThisYear: Math.floor(amount(rng) * 10) / 100 },
    standards: { international: maybe(rng, intBelow(rng, 2)), national: maybe(rng, intBelow(rng, 3)), local: maybe(rng, intBelow(rng, 4)) },
    recognitions: maybe(rng, chance(rng, 0.7) ? [] : [{ level: pickOne(rng, RECOGNITION_LEVELS), promotedFrom: chance(rng, 0.3) ? pickOne(rng, RECOGNITION_LEVELS) : null }]),
    itai: { benchmarkFirstSolution: maybe(rng, chance(rng, 0.3)), contractAmount: maybe(rng, 5_000_000), hardwareAmount: 1_000_000 },
    futureIndustries: {
      createForTheFuture: maybe(rng, chance(rng, 0.2)),
      innovationBase: maybe(rng, chance(rng, 0.8) ? null : { level: pickOne(rng, BASE_LEVELS), yearsSupported: intBelow(rng, 4), amountReceived: Math.floor(amount(rng) * 10) / 100 }),
    },
    infrastructure: maybe(rng, chance(rng, 0.7) ? [] : [{ kind: pickOne(rng, INFRASTRUCTURE_KINDS), eligibleInvestment: Math.round(amount(rng) * 1000) / 100, yearsSupported: intBelow(rng, 4) }]),
    scenarios: { projects: maybe(rng, intBelow(rng, 6)) },
    platform: { publicServicePlatform: maybe(rng, chance(rng, 0.3)), outstandingOutcomes: maybe(rng, yesNo(rng)) },
    events: { expenses: maybe(rng, amount(rng)), significantResults: maybe(rng, yesNo(rng)) },
    overlaps: chance(rng, 0.2) ? [["12", "14"]] : undefined,
  };
}
