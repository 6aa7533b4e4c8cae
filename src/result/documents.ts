import type { ItemOutcome } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";
import type { CompiledRules } from "../rules/loadRules.js";
import { itemHeading } from "./summaryText.js";

export interface DocumentsToPrepare {
  /** Documents every listed item asks for, said once (when two or more items are listed). */
  common: string[];
  /** Per item (Article 11 once, not per project), the documents of its own. */
  byItem: { id: string; heading: string; documents: string[] }[];
}

/**
 * The typical documents (rules/items/*.json) of every eligible or undecided item, so that an
 * applicant can start gathering them; indicative only, the annual guideline's list prevails.
 */
export function documentsToPrepare(items: readonly ItemOutcome[], rules: CompiledRules, lang: Lang): DocumentsToPrepare {
  const listed = items.filter((item) => item.status !== "not_eligible");
  const once = listed.filter((item, i) => listed.findIndex((other) => other.id === item.id) === i);
  const lists = once.map((item) => ({ item, documents: rules.byId.get(item.id)?.text.documents[lang] ?? [] }));
  const common = lists.length < 2 ? [] : lists[0]!.documents.filter((doc) => lists.every(({ documents }) => documents.includes(doc)));
  return {
    common,
    byItem: lists.map(({ item, documents }) => ({
      id: item.id,
      heading: itemHeading({ ...item, project: null }, rules, lang),
      documents: documents.filter((doc) => !common.includes(doc)),
    })),
  };
}
