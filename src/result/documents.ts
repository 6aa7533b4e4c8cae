import type { ItemOutcome } from "../engine/outcome.js";
import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../engine/compiledRules.js";

export interface DocumentsToPrepare {
  /** Documents every listed item asks for, said once (when two or more items are listed). */
  common: string[];
  /** Per item (Article 11 once, not per project), the documents of its own. */
  byItem: { id: string; documents: string[] }[];
}

/**
 * The typical documents (rules/items/*.json) of every eligible or undecided item, so that an
 * applicant can start gathering them; indicative only, the annual guideline's list prevails.
 */
export function documentsToPrepare(items: readonly ItemOutcome[], rules: CompiledRules, lang: Lang): DocumentsToPrepare {
  const listed = items.filter((item) => item.status !== "not_eligible");
  const once = listed.filter((item, i) => listed.findIndex((other) => other.id === item.id) === i);
  const lists = once.map((item) => ({ item, documents: rules.byId.get(item.id)!.text.documents[lang] }));
  const common = lists.length < 2 ? [] : lists[0]!.documents.filter((doc) => lists.every(({ documents }) => documents.includes(doc)));
  return {
    common,
    byItem: lists.map(({ item, documents }) => ({ id: item.id, documents: documents.filter((doc) => !common.includes(doc)) })),
  };
}

/** The documents as sentences: those every item asks for, then each item's own under its Article (a list's titles are above). */
export function documentEntries(items: readonly ItemOutcome[], rules: CompiledRules, lang: Lang): string[] {
  const { common, byItem } = documentsToPrepare(items, rules, lang);
  const join = (documents: string[]) => documents.join(lang === "en" ? "; " : "；");
  const entries = common.length > 0 ? [t(lang, "result.documentsCommon", { documents: join(common) })] : [];
  for (const { id, documents } of byItem) if (documents.length > 0) entries.push(t(lang, "result.documentsItem", { item: articleLabel(id, lang), documents: join(documents) }));
  return entries;
}
