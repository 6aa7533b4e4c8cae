import type { Lang } from "../i18n/lang.js";
import type { ExplainData } from "./explainData.js";
import { findNumerals } from "./numerals.js";
import { scanPlaceholders, stripPlaceholders, type PlaceholderUse } from "./placeholders.js";

/** Why a reply was thrown away; each names what to fix, for the log and for the one retry. */
export type ExplanationProblem =
  | { code: "empty" }
  | { code: "too_long"; chars: number }
  | { code: "malformed_placeholder" }
  | { code: "unknown_placeholder"; placeholder: string }
  | { code: "article_not_in_result"; article: string }
  | { code: "amount_of_item_not_eligible"; item: string }
  | { code: "numeral"; numeral: string }
  | { code: "claims_eligible"; item: string }
  | { code: "omits_eligible_item"; item: string }
  | { code: "wrong_language" };

export type CheckedExplanation = { ok: true; text: string } | { ok: false; problems: ExplanationProblem[] };

/** A chat message holds 4096 characters; the explanation must fit in one. */
export const MAX_EXPLANATION_CHARS = 4000;

const HAN = /\p{Script=Han}/u;
// Saying that an item applies, and the words that turn such a sentence into a denial or a
// condition; both languages, since a reply in one may borrow a phrase from the other.
const CLAIM = /\b(?:eligible|qualif(?:y|ies|ied|ying)|entitled|approved|can (?:get|receive|claim|obtain)|will (?:get|receive|be paid)|you (?:get|receive))\b|符合|可以获得|可获|能获得|能拿到|可以申请|可申请|有资格|可享受|可以享受|可领取|获得支持/i;
const DENIAL = /\b(?:not|no|never|neither|nor|cannot|unless|if|once|until|without|could|would|might|whether)\b|n't|不|未|无|没|非|否|如果|如|若|假如|一旦|待|尚|需|取决|能否|是否/i;
const SENTENCE_END = /[.!?;。！？；\n]+/;
// Sentence ends inside a placeholder ({{amount:8.2}}) are hidden while splitting.
const MASK: Record<string, string> = { ".": "\uE000", "!": "\uE001", "?": "\uE002", ";": "\uE003" };
const UNMASK = Object.fromEntries(Object.entries(MASK).map(([plain, masked]) => [masked, plain]));

/**
 * Accepts a reply only if it cannot mislead: figures and Articles only through placeholders the
 * result has, amounts only for eligible items, every eligible item present with its amount, no
 * sentence that says an item qualifies when it does not, in the reader's language, and short
 * enough for one message. The accepted text has its placeholders filled.
 */
export function checkExplanation(reply: string, data: ExplainData, lang: Lang): CheckedExplanation {
  if (reply.trim() === "") return { ok: false, problems: [{ code: "empty" }] };
  const uses = scanPlaceholders(reply);
  const rest = stripPlaceholders(reply);
  const problems: ExplanationProblem[] = [
    ...uses.flatMap((use) => placeholderProblems(use, data)),
    ...(/\{\{|\}\}/.test(rest) ? [{ code: "malformed_placeholder" } as const] : []),
    ...findNumerals(rest).map((numeral) => ({ code: "numeral", numeral }) as const),
    ...eligibilityClaims(reply, data).map((item) => ({ code: "claims_eligible", item }) as const),
    ...omittedItems(uses, data).map((item) => ({ code: "omits_eligible_item", item }) as const),
    ...(HAN.test(rest) !== (lang === "zh") ? [{ code: "wrong_language" } as const] : []),
  ];
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };
  const text = data.table.fill(reply.trim());
  if (text.length > MAX_EXPLANATION_CHARS) return { ok: false, problems: [{ code: "too_long", chars: text.length }] };
  return { ok: true, text };
}

function placeholderProblems(use: PlaceholderUse, data: ExplainData): ExplanationProblem[] {
  const item = use.args[0] ?? "";
  if (use.kind === "amount" && data.statuses.has(item) && data.statuses.get(item) !== "eligible") return [{ code: "amount_of_item_not_eligible", item }];
  if (data.table.has(use.token)) return [];
  if (use.kind === "article") return [{ code: "article_not_in_result", article: item }];
  return [{ code: "unknown_placeholder", placeholder: use.token }];
}

/** Items not eligible that a sentence names while saying, without a denial or a condition, that something applies. */
function eligibilityClaims(reply: string, data: ExplainData): string[] {
  const claimed: string[] = [];
  for (const sentence of sentences(reply)) {
    const words = stripPlaceholders(sentence);
    if (!CLAIM.test(words) || DENIAL.test(words)) continue;
    for (const item of itemsNamed(sentence, data)) if (data.statuses.get(item) !== "eligible") claimed.push(item);
  }
  return claimed;
}

function sentences(text: string): string[] {
  const masked = text.replace(/\{\{[^{}]*\}\}/g, (token) => token.replace(/[.!?;]/g, (ch) => MASK[ch]!));
  return masked.split(SENTENCE_END).map((sentence) => sentence.replace(/[\uE000-\uE003]/g, (ch) => UNMASK[ch]!));
}

function itemsNamed(sentence: string, data: ExplainData): Set<string> {
  const items = new Set<string>();
  for (const use of scanPlaceholders(sentence)) {
    const first = use.args[0] ?? "";
    if (use.kind !== "article") {
      if (data.statuses.has(first)) items.add(first);
      continue;
    }
    // An Article with an eligible item (one project of several, one clause of two) is no claim about the others.
    const under = [...(data.articleItems.get(first) ?? [])];
    if (!under.some((item) => data.statuses.get(item) === "eligible")) for (const item of under) items.add(item);
  }
  return items;
}

function omittedItems(uses: PlaceholderUse[], data: ExplainData): string[] {
  const amounts = new Set(uses.filter((use) => use.kind === "amount").map((use) => use.args[0]));
  return [...data.statuses].filter(([item, status]) => status === "eligible" && !amounts.has(item)).map(([item]) => item);
}

function dedupe(problems: ExplanationProblem[]): ExplanationProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = JSON.stringify(problem);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The problem in a sentence for the model's second try. */
export function describeProblem(problem: ExplanationProblem): string {
  switch (problem.code) {
    case "empty":
      return "the reply was empty";
    case "too_long":
      return "the reply was too long for one chat message: be shorter";
    case "malformed_placeholder":
      return "a placeholder was broken: copy placeholders exactly, with both pairs of braces";
    case "unknown_placeholder":
      return `${problem.placeholder} is not in the data: use only the placeholders given`;
    case "article_not_in_result":
      return `the result does not involve Article placeholder ${problem.article}: cite only the Article placeholders given`;
    case "amount_of_item_not_eligible":
      return `item ${problem.item} is not eligible, so it has no amount: do not write an amount placeholder for it`;
    case "numeral":
      return `"${problem.numeral}" is a number written outside a placeholder: write figures and Articles only as placeholders`;
    case "claims_eligible":
      return `a sentence says item ${problem.item} applies, but its status is not "eligible"`;
    case "omits_eligible_item":
      return `eligible item ${problem.item} is missing: mention it with its {{amount:${problem.item}}} placeholder`;
    case "wrong_language":
      return "the reply was not in the required language";
  }
}
