import type { Lang } from "../i18n/lang.js";
import { valueOn, valuesOf } from "../rules/datedParameters.js";
import type { ArticleRules, ParameterValue } from "../rules/schema.js";
import { yuanToFen } from "../engine/money.js";
import type { StatedValue } from "./supportItems.js";

/** A value an annual guideline set that is in force on the FAQ's day, with its own words to quote. */
export interface GuidelineQuote {
  from: string;
  source: Record<Lang, string>;
  /** The guideline's words, as written (they are not in the Rules' official text). */
  text: string;
}

/** What annual guidelines change about an Article's figures on one day. */
export interface DatedFigures {
  /** The guideline values in force: a reply may quote their words for their figures. */
  inForce: readonly GuidelineQuote[];
  /**
   * Figures of the Article's parameters that are not in force that day (superseded, or not yet in
   * force) and that no parameter of the Article has in force: a reply must not state them.
   */
  notInForce: readonly StatedValue[];
}

/** Per Article with a dated parameter, its guideline values in force on `date` and the figures that are not. */
export function datedFiguresOn(articles: readonly ArticleRules[], date: string): Map<string, DatedFigures> {
  const byArticle = new Map<string, DatedFigures>();
  for (const article of articles) {
    const inForce: GuidelineQuote[] = [];
    const current: StatedValue[] = [];
    const other: StatedValue[] = [];
    for (const parameter of Object.values(article.parameters)) {
      const chosen = valueOn(parameter, date);
      current.push(...figuresOf(chosen.value));
      if (chosen.source && chosen.from) inForce.push({ from: chosen.from, source: chosen.source, text: chosen.value.text });
      for (const value of valuesOf(parameter)) if (value.from !== chosen.from) other.push(...figuresOf(value.value));
    }
    const notInForce = other.filter((figure) => !current.some((now) => sameFigure(now, figure)));
    if (inForce.length > 0 || notInForce.length > 0) byArticle.set(article.article, { inForce, notInForce });
  }
  return byArticle;
}

function figuresOf(value: ParameterValue): StatedValue[] {
  if ("yuan" in value) return [{ kind: "money", fen: yuanToFen(value.yuan) }];
  if ("yuanByKey" in value) return Object.values(value.yuanByKey).map((yuan) => ({ kind: "money", fen: yuanToFen(yuan) }));
  if ("percent" in value) return [{ kind: "percent", percent: value.percent }];
  return [{ kind: "years", years: value.years }];
}

function sameFigure(a: StatedValue, b: StatedValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
