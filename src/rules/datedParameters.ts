import type { ArticleRules, GuidelineName, Parameter, ParameterValue } from "./schema.js";

/** An Article's rules as in force on one date: every parameter in the single-value form. */
export type ArticleRulesOn = Omit<ArticleRules, "parameters"> & { parameters: Record<string, ParameterValue> };

/** One value of a parameter and when it is in force; `from` is null for a single-value parameter. */
export interface ValueFrom {
  from: string | null;
  value: ParameterValue;
  /** The annual guideline that set it; absent for a value of the Rules themselves. */
  source?: GuidelineName;
  /** Where it is written: `text` or `values[1].text`, for errors. */
  path: string;
}

/** A parameter's values, oldest first (the loader checks the order). */
export function valuesOf(parameter: Parameter): ValueFrom[] {
  if (!("values" in parameter)) return [{ from: null, value: parameter, path: "" }];
  return parameter.values.map(({ from, source, ...value }, i) => ({ from, value: value as ParameterValue, ...(source ? { source } : {}), path: `values[${i}].` }));
}

/** The value in force on a date: the latest that starts on or before it, or the first one before any starts. */
export function valueOn(parameter: Parameter, date: string): ValueFrom {
  const values = valuesOf(parameter);
  let chosen = values[0]!;
  for (const value of values) if (value.from !== null && value.from <= date) chosen = value;
  return chosen;
}

/** Every date after `start` on which some parameter takes a new value, in order. */
export function changeDates(articles: readonly ArticleRules[], start: string): string[] {
  const dates = new Set<string>();
  for (const article of articles) {
    for (const parameter of Object.values(article.parameters)) {
      for (const { from } of valuesOf(parameter)) if (from !== null && from > start) dates.add(from);
    }
  }
  return [...dates].sort();
}

/** The Articles' rules with each parameter reduced to its value on a date, in the single-value form. */
export function articlesOn(articles: readonly ArticleRules[], date: string): ArticleRulesOn[] {
  return articles.map((article) => ({
    ...article,
    parameters: Object.fromEntries(Object.entries(article.parameters).map(([name, parameter]) => [name, valueOn(parameter, date).value])),
  }));
}
