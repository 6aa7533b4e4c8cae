import { defineItem } from "../item.js";
import type { Draft } from "../draft.js";
import type { Rate } from "../params.js";
import { amount, flag, received, requireEnterprise } from "./read.js";

/** Article 6: model and computing vouchers for SMEs, each part with its own annual cap. */
export const article6 = defineItem({
  id: "6",
  params: { rate: "rate", modelAnnualCap: "money", computingAnnualCap: "money" },
  run({ s, facts, p, d }) {
    const v = s.vouchers;
    requireEnterprise(s, facts, d);
    d.require(flag(facts, "applicant.sme", s.applicant?.sme), "not_sme");
    d.require(flag(facts, "vouchers.significantResults", v?.significantResults), "no_significant_results");
    const model = amount(facts, "vouchers.modelServices", v?.modelServices);
    const computing = amount(facts, "vouchers.computingServices", v?.computingServices);
    d.require(model > 0 || computing > 0, "no_contract_amount");
    if (d.failed) return 0;
    const modelPart = voucher(d, "model", p.rate, model, p.modelAnnualCap, received(v?.modelReceivedThisYear));
    const computingPart = voucher(d, "computing", p.rate, computing, p.computingAnnualCap, received(v?.computingReceivedThisYear));
    return d.sum([
      { label: "model vouchers", fen: modelPart, part: { kind: "voucher", voucher: "model" } },
      { label: "computing vouchers", fen: computingPart, part: { kind: "voucher", voucher: "computing" } },
    ]);
  },
});

function voucher(d: Draft, kind: "model" | "computing", rate: Rate, contractFen: number, capFen: number, receivedFen: number): number {
  if (contractFen === 0) return 0;
  return d.cap(`${kind}_vouchers`, "annual", d.rate(rate, contractFen, `${kind}_services`), capFen, receivedFen);
}
