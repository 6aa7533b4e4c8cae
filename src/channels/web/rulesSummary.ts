import type { CompiledRules } from "../../rules/loadRules.js";
import type { Parameter } from "../../rules/schema.js";

/**
 * GET /api/v1/rules: the rules version, validity, each support item with its conditions and
 * documents, and every parameter with the words of the clause it quotes, as rules/ holds them
 * (amounts in yuan).
 */
export function rulesSummary(rules: CompiledRules) {
  const { policy } = rules;
  return {
    version: rules.rulesVersion,
    title: policy.title,
    validity: { validFrom: policy.validity.validFrom, validUntil: policy.validity.validUntil },
    eligibleSectors: policy.targets.eligibleSectors,
    items: rules.items.map(({ text, article }) => ({
      id: text.id,
      article: article.article,
      clause: text.clause,
      title: text.title,
      clauseText: text.clauseText,
      conditions: text.conditions,
      documents: text.documents,
    })),
    parameters: rules.articles.flatMap((article) =>
      Object.entries(article.parameters).map(([name, parameter]: [string, Parameter]) => ({ article: article.article, name, ...parameter })),
    ),
    interpretations: rules.articles.flatMap((article) => article.interpretations.map((interpretation) => ({ article: article.article, ...interpretation }))),
    disclaimer: policy.disclaimer.text,
  };
}
