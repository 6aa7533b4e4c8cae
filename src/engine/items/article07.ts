import { defineItem } from "../item.js";
import { count, received, requireEnterprise } from "./read.js";

const LEVELS = ["international", "national", "local"] as const;

/** Article 7: standards whose formulation the enterprise led, within an annual cap. */
export const article7 = defineItem({
  id: "7",
  params: { standardAmounts: "moneyTable", annualCap: "money" },
  tableKeys: { standardAmounts: LEVELS },
  run({ s, facts, p, d }) {
    requireEnterprise(s, facts, d);
    const counts = LEVELS.map((level) => ({ level, n: count(facts, `standards.${level}`, s.standards?.[level], "standards") }));
    d.require(counts.some(({ n }) => n > 0), "no_standard");
    if (d.failed) return 0;
    const total = d.sum(
      counts.filter(({ n }) => n > 0).map(({ level, n }) => {
        const each = p.standardAmounts[level] ?? 0;
        return { label: `${n} × ${level}`, fen: n * each, part: { kind: "units", unit: `standard_${level}`, count: n, eachFen: each } as const };
      }),
    );
    return d.cap("annual", "annual", total, p.annualCap, received(s.standards?.receivedThisYear));
  },
});
