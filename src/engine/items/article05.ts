import { defineItem } from "../item.js";
import { flag, received, requireEnterprise } from "./read.js";

const FILINGS = ["generativeAi", "deepSynthesis", "blockchainInfo"] as const;

/** Article 5: new CAC filings, each with its own amount, within an annual cap per enterprise. */
export const article5 = defineItem({
  id: "5",
  params: { filingAmounts: "moneyTable", annualCap: "money" },
  tableKeys: { filingAmounts: FILINGS },
  run({ s, facts, p, d }) {
    requireEnterprise(s, facts, d);
    const filed = FILINGS.filter((name) => flag(facts, `filings.${name}`, s.filings?.[name], "filings"));
    d.require(filed.length > 0, "no_new_filing");
    d.require(flag(facts, "filings.goodOutcomes", s.filings?.goodOutcomes), "no_good_outcomes");
    if (d.failed) return 0;
    const total = d.sum(filed.map((filing) => ({ label: filing, fen: p.filingAmounts[filing] ?? 0, part: { kind: "filing", filing } })));
    return d.cap("annual", "annual", total, p.annualCap, received(s.filings?.receivedThisYear));
  },
});
