import { defineItem } from "../item.js";
import { flag, requireEnterprise } from "./read.js";

/** Article 4: one-time support for fast-growing enterprises. */
export const article4 = defineItem({
  id: "4",
  params: { amount: "money" },
  run({ s, facts, p, d }) {
    requireEnterprise(s, facts, d);
    d.require(flag(facts, "growth.fastGrowth", s.growth?.fastGrowth), "no_fast_growth");
    d.require(!(s.growth?.receivedBefore ?? false), "one_time_already_received");
    return d.fixed(p.amount);
  },
});
