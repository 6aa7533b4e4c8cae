import type { ArticleRulesOn } from "../rules/datedParameters.js";
import { fillReferences } from "../rules/paramReferences.js";
import { RulesFileError } from "../rules/readRulesFile.js";
import type { InputIssue } from "../validation/issues.js";
import type { FaqBank } from "./faqBank.js";

/**
 * The FAQ with the figures of its answers filled from the rules in force (`{{param:…}}`, see
 * src/rules/paramReferences.ts); a bad reference or a figure written out is refused with its path.
 */
export function fillParamReferences(bank: FaqBank, articles: readonly ArticleRulesOn[], label = "rules/faq.json"): FaqBank {
  const issues: InputIssue[] = [];
  const entries = bank.entries.map((entry, i) => ({
    ...entry,
    answerEn: fillReferences(entry.answerEn, articles, "en", `entries[${i}].answerEn`, issues),
    answerZh: fillReferences(entry.answerZh, articles, "zh", `entries[${i}].answerZh`, issues),
  }));
  if (issues.length > 0) throw new RulesFileError(label, issues);
  return { ...bank, entries };
}
