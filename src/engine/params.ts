import { percentToBasisPoints, yuanToFen } from "./money.js";
import type { ParameterValue } from "../rules/schema.js";

/** The kinds of parameter an item's rule reads from its rules file, resolved for exact arithmetic. */
export type ParamKind = "money" | "rate" | "years" | "moneyTable";
export interface Rate {
  percent: number;
  basisPoints: number;
}
export type ParamValue<K extends ParamKind> = K extends "money"
  ? number
  : K extends "rate"
    ? Rate
    : K extends "years"
      ? number
      : Readonly<Record<string, number>>;
export type ParamSpec = Readonly<Record<string, ParamKind>>;
export type ParamValues<S extends ParamSpec> = { readonly [N in keyof S]: ParamValue<S[N]> };

export type ResolveResult = { ok: true; value: ParamValues<ParamSpec> } | { ok: false; issues: { path: string; message: string }[] };

const KIND_OF = (parameter: ParameterValue): ParamKind =>
  "yuan" in parameter ? "money" : "percent" in parameter ? "rate" : "years" in parameter ? "years" : "moneyTable";

const EXAMPLE: Record<ParamKind, string> = {
  money: '{ "yuan": 12345, "text": "…" }',
  rate: '{ "percent": 30, "text": "…" }',
  years: '{ "years": 3, "text": "…" }',
  moneyTable: '{ "yuanByKey": { "…": 12345 }, "text": "…" }',
};

/** Checks that a rules file gives the parameters an item's rule reads, of the right kinds, and resolves them. */
export function resolveParams(spec: ParamSpec, given: Record<string, ParameterValue>, requiredKeys: Record<string, readonly string[]> = {}): ResolveResult {
  const issues: { path: string; message: string }[] = [];
  const value: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(spec)) {
    const parameter = given[name];
    if (!parameter) {
      issues.push({ path: `parameters.${name}`, message: `missing: this rule needs a ${kind} parameter, e.g. ${EXAMPLE[kind]}` });
      continue;
    }
    if (KIND_OF(parameter) !== kind) {
      issues.push({ path: `parameters.${name}`, message: `must be a ${kind} parameter, e.g. ${EXAMPLE[kind]}` });
      continue;
    }
    if ("yuan" in parameter) value[name] = yuanToFen(parameter.yuan);
    else if ("percent" in parameter) value[name] = { percent: parameter.percent, basisPoints: percentToBasisPoints(parameter.percent) };
    else if ("years" in parameter) value[name] = parameter.years;
    else {
      for (const key of requiredKeys[name] ?? []) {
        if (!(key in parameter.yuanByKey)) issues.push({ path: `parameters.${name}.yuanByKey.${key}`, message: "missing" });
      }
      value[name] = Object.fromEntries(Object.entries(parameter.yuanByKey).map(([k, y]) => [k, yuanToFen(y)]));
    }
  }
  // Each entry was checked against its declared kind above.
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: value as ParamValues<ParamSpec> };
}
