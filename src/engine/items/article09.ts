import { defineItem } from "../item.js";
import { amount, flag, received, requireEnterprise } from "./read.js";

/** Article 9: a share of the ITAI contract, hardware excluded, within a cap per enterprise. */
export const article9 = defineItem({
  id: "9",
  params: { rate: "rate", enterpriseCap: "money" },
  run({ s, facts, p, d }) {
    requireEnterprise(s, facts, d);
    d.require(flag(facts, "itai.benchmarkFirstSolution", s.itai?.benchmarkFirstSolution), "no_benchmark_first_solution");
    const contract = amount(facts, "itai.contractAmount", s.itai?.contractAmount);
    if (d.failed) return 0;
    const hardware = received(s.itai?.hardwareAmount);
    const base = Math.max(0, contract - hardware);
    if (hardware > 0) d.note("hardware_excluded");
    return d.cap("per_enterprise", "cumulative", d.rate(p.rate, base, "itai_contract", hardware > 0 ? { contractFen: contract, hardwareFen: hardware } : undefined), p.enterpriseCap, received(s.itai?.receivedBefore));
  },
});
