import { defineItem, type Instance } from "../item.js";
import type { Screening } from "../screening.js";
import { MAX_YUAN } from "../money.js";
import { amount, received } from "./read.js";

/** Article 11: a share of each infrastructure project's eligible investment, yearly for a few years. */
export const article11 = defineItem({
  id: "11",
  params: { rate: "rate", projectCap: "money", maxYears: "years" },
  instances(s: Screening): Instance[] {
    const projects = s.infrastructure ?? [];
    if (projects.length === 0) return [{}];
    return projects.map((project, i) => ({ project: project.name ? { index: i + 1, name: project.name } : { index: i + 1 } }));
  },
  run({ s, facts, p, d, instance }) {
    const index = instance.project?.index;
    const favourable = [{ eligibleInvestment: MAX_YUAN, yearsSupported: 0, amountReceived: 0 }];
    const projects = index === undefined ? facts.pick("infrastructure", s.infrastructure, favourable, []) : (s.infrastructure ?? []);
    d.require(projects.length > 0, "no_infrastructure_project");
    const i = (index ?? 1) - 1;
    const project = projects[i] ?? {};
    const at = `infrastructure[${i}]`;
    if (s.infrastructure?.[i]?.kind === "other") d.note("infrastructure_other_kind");
    const years = facts.pick(`${at}.yearsSupported`, project.yearsSupported, 0, p.maxYears);
    d.require(years < p.maxYears, "years_exhausted", { maxYears: p.maxYears, years });
    const investment = amount(facts, `${at}.eligibleInvestment`, project.eligibleInvestment);
    if (d.failed) return 0;
    return d.cumulative("per_project", d.rate(p.rate, investment, "infrastructure_investment"), p.projectCap, received(project.amountReceived));
  },
});
