import type { Screening } from "../../src/engine/screening.js";

/**
 * An enterprise in Tongzhou, in AI, not an SME, with nothing to claim under any Article:
 * persona tests add to it the one fact each case is about.
 */
export const NOTHING_TO_CLAIM: Screening = {
  asOf: "2026-03-01",
  applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"], sme: false },
  growth: { fastGrowth: false },
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
