import { defineItem } from "../item.js";
import type { BaseLevel } from "../screening.js";
import { flag, received, requireEnterprise } from "./read.js";

/** Article 10(1): one-time support for an award under Beijing's "Create for the Future" Project. */
export const article10clause1 = defineItem({
  id: "10.1",
  params: { createForTheFutureAmount: "money" },
  run({ s, facts, p, d }) {
    const f = s.futureIndustries;
    requireEnterprise(s, facts, d);
    d.require(flag(facts, "futureIndustries.createForTheFuture", f?.createForTheFuture), "no_create_for_the_future");
    d.require(!(f?.createForTheFutureReceived ?? false), "one_time_already_received");
    return d.fixed(p.createForTheFutureAmount);
  },
});

/** Article 10(2): yearly rewards to an innovation base, for at most a few years, within a cumulative cap. */
export const article10clause2 = defineItem({
  id: "10.2",
  params: { baseCumulativeCaps: "moneyTable", maxYears: "years" },
  tableKeys: { baseCumulativeCaps: ["municipal", "district"] },
  run({ s, facts, p, d }) {
    const path = "futureIndustries.innovationBase";
    const favourable = { level: "municipal" as BaseLevel, yearsSupported: 0, amountReceived: 0 };
    const base = facts.pick(path, s.futureIndustries?.innovationBase, favourable, null);
    if (base === null) {
      d.require(false, "no_innovation_base");
      return 0;
    }
    const level = facts.pick(`${path}.level`, base.level, "municipal", "district");
    const years = facts.pick(`${path}.yearsSupported`, base.yearsSupported, 0, p.maxYears);
    d.require(years < p.maxYears, "years_exhausted", { maxYears: p.maxYears, years });
    if (d.failed) return 0;
    const cap = p.baseCumulativeCaps[level] ?? 0;
    return d.cumulative("cumulative", cap, cap, received(base.amountReceived), level);
  },
});
