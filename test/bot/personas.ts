import type { Screening } from "../../src/engine/screening.js";
import { AS_OF } from "./harness.js";

/** An applicant outside the district: the first answer settles the screening. */
export const OUTSIDE: Screening = { asOf: AS_OF, applicant: { inJurisdiction: false } };

/** A fast-growing enterprise with nothing else to claim: a short interview with one eligible item. */
export const FAST_GROWER: Screening = {
  asOf: AS_OF,
  applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"], sme: false },
  growth: { fastGrowth: true, receivedBefore: false },
  filings: { generativeAi: false, deepSynthesis: false, blockchainInfo: false },
  vouchers: { modelServices: 0, computingServices: 0 },
  standards: { international: 0, national: 0, local: 0 },
  recognitions: [],
  itai: { benchmarkFirstSolution: false },
  futureIndustries: { createForTheFuture: false, innovationBase: null },
  infrastructure: [],
  scenarios: { projects: 0 },
  platform: { publicServicePlatform: false },
  events: { expenses: 0 },
};
