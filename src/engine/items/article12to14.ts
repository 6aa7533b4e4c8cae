import { defineItem } from "../item.js";
import { amount, count, flag, received, requireEnterprise } from "./read.js";

/** Article 12: an amount per qualifying application-scenario project, within an annual cap. */
export const article12 = defineItem({
  id: "12",
  params: { perProject: "money", annualCap: "money" },
  run({ s, facts, p, d }) {
    const projects = count(facts, "scenarios.projects", s.scenarios?.projects);
    d.require(projects >= 1, "no_scenario_project");
    if (d.failed) return 0;
    const part = { kind: "units", unit: "scenario_project", count: projects, eachFen: p.perProject } as const;
    const total = d.sum([{ label: `${projects} × per project`, fen: projects * p.perProject, part }]);
    return d.cap("annual", "annual", total, p.annualCap, received(s.scenarios?.receivedThisYear));
  },
});

/** Article 13: one-time support for a public service platform with outstanding outcomes. */
export const article13 = defineItem({
  id: "13",
  params: { amount: "money" },
  run({ s, facts, p, d }) {
    const platform = s.platform;
    requireEnterprise(s, facts, d);
    d.require(flag(facts, "platform.publicServicePlatform", platform?.publicServicePlatform), "no_public_service_platform");
    d.require(flag(facts, "platform.outstandingOutcomes", platform?.outstandingOutcomes), "no_outstanding_outcomes");
    d.require(!(platform?.receivedBefore ?? false), "one_time_already_received");
    return d.fixed(p.amount);
  },
});

/** Article 14: a share of the actual expenses of industrial events, within an annual cap. */
export const article14 = defineItem({
  id: "14",
  params: { rate: "rate", annualCap: "money" },
  run({ s, facts, p, d }) {
    const events = s.events;
    d.require(flag(facts, "events.significantResults", events?.significantResults), "no_significant_results");
    const expenses = amount(facts, "events.expenses", events?.expenses);
    d.require(expenses > 0, "no_event_expenses");
    if (d.failed) return 0;
    return d.cap("annual", "annual", d.rate(p.rate, expenses, "event_expenses"), p.annualCap, received(events?.receivedThisYear));
  },
});
