import { yuanToFen } from "../engine/money.js";
import type { InputIssue } from "../validation/issues.js";
import { valuesOf, type ValueFrom } from "./datedParameters.js";
import { moneyIn, percentsIn, statesYears } from "./figuresInText.js";
import { GUIDELINE_EXAMPLE, type ArticleRules, type ParameterValue } from "./schema.js";

/**
 * The load-time checks that keep an item file's copies true to their source: every quote of the
 * Rules (a clause, an interpretation's words, a parameter's `text`) stands in the Article's
 * official text, every value states the figure its quote states, and dated values are in order.
 * Values with a `source` quote an annual guideline, whose text is not in rules/: only their
 * figures are checked.
 */
export function quoteIssues(article: ArticleRules, officialText: string, validFrom: string): InputIssue[] {
  const issues: InputIssue[] = [];
  const notQuoted = (path: string, quote: string) => {
    for (const part of quote.split(" … ")) {
      if (!officialText.includes(part)) issues.push({ path, message: `“${part}” is not in the official text of Article ${article.article}: quote it word for word` });
    }
  };
  article.items.forEach((item, i) => notQuoted(`items[${i}].clauseText`, item.clauseText));
  article.interpretations.forEach((interpretation, i) => notQuoted(`interpretations[${i}].clause`, interpretation.clause));
  for (const [name, parameter] of Object.entries(article.parameters)) {
    const values = valuesOf(parameter);
    values.forEach((value, i) => {
      const at = `parameters.${name}.${value.path}`;
      if (!value.source) notQuoted(`${at}text`, value.value.text);
      const disagreement = figureDisagreement(value.value);
      if (disagreement) issues.push({ path: `${at}text`, message: disagreement });
      const previous = values[i - 1];
      if (previous) issues.push(...orderIssues(previous, value, at));
    });
    const first = values[0]!;
    if (first.from !== null && first.from > validFrom) {
      issues.push({ path: `parameters.${name}.values[0].from`, message: `the first value must be in force from the Rules' start, ${validFrom}` });
    }
  }
  return issues;
}

function orderIssues(previous: ValueFrom, value: ValueFrom, at: string): InputIssue[] {
  const issues: InputIssue[] = [];
  if (value.from! <= previous.from!) issues.push({ path: `${at}from`, message: `must be later than the value before it (${previous.from})` });
  if (kindOf(value.value) !== kindOf(previous.value)) issues.push({ path: at.slice(0, -1), message: `must be the same kind of value as the one before it (${kindOf(previous.value)})` });
  if (!value.source) issues.push({ path: `${at}source`, message: `a later value needs the guideline that sets it, named in both languages: ${GUIDELINE_EXAMPLE}` });
  return issues;
}

const kindOf = (value: ParameterValue) => ("yuan" in value ? "yuan" : "percent" in value ? "percent" : "years" in value ? "years" : "yuanByKey");

/** What is wrong when a value and the figure its quote states differ, or null. */
function figureDisagreement(value: ParameterValue): string | null {
  if ("percent" in value) {
    return percentsIn(value.text).includes(value.percent) ? null : `says ${value.percent}% but the text quoted does not: change both together`;
  }
  if ("years" in value) return statesYears(value.text, value.years) ? null : `says ${value.years} years but the text quoted does not: change both together`;
  const values = "yuan" in value ? [value.yuan] : Object.values(value.yuanByKey);
  const given = new Set(values.map(yuanToFen));
  const quoted = new Set(moneyIn(value.text));
  const same = given.size === quoted.size && [...given].every((fen) => quoted.has(fen));
  if (same) return null;
  return `the amounts (${values.join(", ")}) and the amounts the text quoted states (${[...quoted].map((fen) => fen / 100).join(", ") || "none"}) differ: change both together`;
}
