import type { Draft } from "./draft.js";
import type { ProjectRef } from "./outcome.js";
import type { Facts } from "./facts.js";
import type { ParamSpec, ParamValues } from "./params.js";
import type { ItemId, Screening } from "./screening.js";

/** Article 11 is evaluated once per project; every other item once. */
export interface Instance {
  project?: ProjectRef;
}

export interface ItemContext<S extends ParamSpec> {
  s: Screening;
  facts: Facts;
  p: ParamValues<S>;
  d: Draft;
  instance: Instance;
}

/**
 * The logic of one support item. Amounts, rates, caps and years come from its rules file
 * (`params` declares which); `run` records failed conditions on the draft and returns the
 * maximum in fen, which counts only when no condition failed.
 */
export interface ItemRule<S extends ParamSpec = ParamSpec> {
  id: ItemId;
  params: S;
  /** Keys that a moneyTable parameter must have. */
  tableKeys?: { [N in keyof S]?: readonly string[] };
  instances?(s: Screening): Instance[];
  run(ctx: ItemContext<S>): number;
}

export function defineItem<S extends ParamSpec>(rule: ItemRule<S>): ItemRule<S> {
  return rule;
}
