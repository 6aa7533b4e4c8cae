import { z } from "zod";
import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import { parseAmount } from "../interview/parseAmount.js";
import { splitSentences } from "../faq/quote.js";
import type { StatedValue } from "../faq/supportItems.js";
import { findNumerals } from "./numerals.js";
import { fillPlaceholders, scanPlaceholders, stripPlaceholders } from "./placeholders.js";

const articleNumber = z.union([z.string(), z.number()]).transform((value) => String(value).trim());

/** The reply the FAQ prompt asks for: claims, each citing the Article (and clause) whose words it quotes. */
const replySchema = z.object({
  claims: z.array(
    z.object({
      text: z.string(),
      cite: z.object({
        article: articleNumber,
        clause: z.union([z.string(), z.number(), z.null()]).optional().transform((value) => (value === null || value === undefined || String(value).trim() === "" ? null : String(value).trim())),
      }),
      quote: z.string(),
    }),
  ),
});

export interface Citation {
  article: string;
  /** The numbered clause quoted, or null for the Article as a whole. */
  clause: string | null;
  quote: string;
}

/** What the checks need besides the reply: the retrieved Articles and who each amount belongs to. */
export interface FaqCheckContext {
  /** The official English text of each retrieved Article: the only text a quote may come from. */
  officialTexts: ReadonlyMap<string, string>;
  /** Per Article, the maxima of its items with the words saying what each is for (rules/faq-amounts.json). */
  amounts: ReadonlyMap<string, readonly { value: StatedValue; text: Record<Lang, string> }[]>;
  /** The synonym groups a text names: the subjects a claim or a clause speaks of. */
  concepts(text: string): ReadonlySet<number>;
  /** Per Article, the words of the annual guideline values in force on the day: a quote may come from them too. */
  guidelineTexts: ReadonlyMap<string, readonly string[]>;
  /** Per Article, figures of its parameters not in force on the day (superseded, or not yet in force): no claim may state them. */
  notInForce: ReadonlyMap<string, readonly StatedValue[]>;
}

export type FaqProblem =
  | { code: "not_json" }
  | { code: "bad_shape"; issue: string }
  | { code: "no_claims" }
  | { code: "too_long"; chars: number }
  | { code: "empty_claim"; claim: number }
  | { code: "article_not_retrieved"; claim: number; article: string }
  | { code: "unknown_clause"; claim: number; article: string; clause: string }
  | { code: "quote_not_verbatim"; claim: number; article: string }
  | { code: "unknown_placeholder"; claim: number; placeholder: string }
  | { code: "malformed_placeholder"; claim: number }
  | { code: "numeral_not_quoted"; claim: number; numeral: string }
  | { code: "number_on_wrong_subject"; claim: number; numeral: string; subject: number }
  | { code: "figure_not_in_force"; claim: number; numeral: string }
  | { code: "wrong_language" };

export type CheckedFaqReply = { ok: true; answer: string; citations: Citation[] } | { ok: false; problems: FaqProblem[] };

type Claim = z.infer<typeof replySchema>["claims"][number];

export const MAX_FAQ_ANSWER_CHARS = 1500;
const HAN = /\p{Script=Han}/u;
const CLAUSE_LINE = /^(\d+)\.\s/;
const ENGLISH_SMALL_NUMBERS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * Accepts a reply only if every claim quotes before it speaks: its quote stands word for word in
 * the cited Article (and clause) of the official text, the Article is one that was retrieved,
 * every number of the claim is a number of its own quote (the same characters or value: 12万
 * for 120,000), and no number is put on a subject the Article gives another number to ("the
 * model voucher limit is RMB 500,000" when 500,000 is the computing vouchers'). Where an annual
 * guideline changed a figure, the guideline's words in force may be quoted for it, and a figure
 * not in force on the day (the Rules' own, superseded) may not be stated. Articles are named only
 * as {{article:N}} placeholders of retrieved Articles.
 */
export function checkFaqReply(text: string, context: FaqCheckContext, lang: Lang): CheckedFaqReply {
  const data = parseJson(text);
  if (data === undefined) return { ok: false, problems: [{ code: "not_json" }] };
  const parsed = replySchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: [{ code: "bad_shape", issue: parsed.error.issues[0]?.message ?? "unexpected shape" }] };
  const claims = parsed.data.claims.map((claim) => ({ ...claim, text: claim.text.trim(), quote: trimQuote(claim.quote) }));
  if (claims.length === 0) return { ok: false, problems: [{ code: "no_claims" }] };
  const answer = claims.map((claim) => claim.text).join(lang === "en" ? " " : "");
  const problems: FaqProblem[] = [
    ...(answer.length > MAX_FAQ_ANSWER_CHARS ? [{ code: "too_long", chars: answer.length } as const] : []),
    ...claims.flatMap((claim, i) => claimProblems(claim, i, context)),
    ...(HAN.test(stripPlaceholders(answer)) !== (lang === "zh") ? [{ code: "wrong_language" } as const] : []),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    answer: fillPlaceholders(answer, (use) => articleLabel(use.args[0]!, lang)),
    citations: claims.map((claim) => ({ article: claim.cite.article, clause: claim.cite.clause, quote: claim.quote })),
  };
}

function claimProblems(claim: Claim, i: number, context: FaqCheckContext): FaqProblem[] {
  if (claim.text === "") return [{ code: "empty_claim", claim: i }];
  const { article, clause } = claim.cite;
  const official = context.officialTexts.get(article);
  if (official === undefined) return [{ code: "article_not_retrieved", claim: i, article }];
  const cited = clause === null ? official : clauseText(official, clause);
  if (cited === null) return [{ code: "unknown_clause", claim: i, article, clause: clause! }];
  const rest = stripPlaceholders(claim.text);
  const quoted = claim.quote !== "" && [cited, ...(context.guidelineTexts.get(article) ?? [])].some((source) => normalise(source).includes(claim.quote));
  const problems: FaqProblem[] = [
    ...(quoted ? [] : [{ code: "quote_not_verbatim", claim: i, article } as const]),
    ...scanPlaceholders(claim.text)
      .filter((use) => !(use.kind === "article" && use.args.length === 1 && context.officialTexts.has(use.args[0]!)))
      .map((use) => ({ code: "unknown_placeholder", claim: i, placeholder: use.token }) as const),
    ...(/\{\{|\}\}/.test(rest) ? [{ code: "malformed_placeholder", claim: i } as const] : []),
  ];
  const quoteNumerals = findNumerals(joinMagnitudes(claim.quote));
  const unquoted = findNumerals(joinMagnitudes(rest)).filter((numeral) => !isQuoted(numeral, quoteNumerals));
  problems.push(...unquoted.map((numeral) => ({ code: "numeral_not_quoted", claim: i, numeral }) as const));
  problems.push(...notInForce(rest, article, context).map((numeral) => ({ code: "figure_not_in_force", claim: i, numeral }) as const));
  if (problems.length === 0) problems.push(...misplacedNumbers(rest, i, article, official, context));
  return problems;
}

/** The claim's numbers that are figures of the cited Article not in force on the day. */
function notInForce(text: string, article: string, context: FaqCheckContext): string[] {
  const figures = new Set((context.notInForce.get(article) ?? []).map(statedComparable));
  if (figures.size === 0) return [];
  return findNumerals(joinMagnitudes(text)).filter((numeral) => {
    const value = numeralValue(numeral);
    return value !== null && figures.has(value);
  });
}

/**
 * Numbers put on a subject that the Article ties to another number. Each number of the claim
 * speaks of the subjects in its own part of the claim and in the parts that hold no number
 * ("For model vouchers, the limit is RMB 300,000"); a subject is wrong for a value when the
 * Article names it beside some other value and never beside this one.
 */
function misplacedNumbers(text: string, claim: number, article: string, official: string, context: FaqCheckContext): FaqProblem[] {
  const bindings = numberBindings(article, official, context);
  const parts = claimParts(text).map((part) => ({ numerals: findNumerals(joinMagnitudes(part)), concepts: context.concepts(part) }));
  const shared = parts.filter((part) => part.numerals.length === 0).flatMap((part) => [...part.concepts]);
  const problems: FaqProblem[] = [];
  for (const part of parts) {
    const subjects = new Set([...part.concepts, ...shared]);
    for (const numeral of part.numerals) {
      const value = numeralValue(numeral);
      if (value === null) continue;
      const own = bindings.filter((binding) => binding.value === value);
      if (own.length === 0) continue;
      const ownConcepts = new Set(own.flatMap((binding) => [...binding.concepts]));
      const elsewhere = new Set(bindings.filter((binding) => binding.value !== value).flatMap((binding) => [...binding.concepts]));
      for (const subject of subjects) {
        if (elsewhere.has(subject) && !ownConcepts.has(subject)) problems.push({ code: "number_on_wrong_subject", claim, numeral, subject });
      }
    }
  }
  return problems;
}

interface Binding {
  value: number;
  concepts: ReadonlySet<number>;
}

/**
 * What each number of an Article is said of: for its items' maxima, the words of
 * rules/faq-amounts.json (which also untangle "RMB 500,000, RMB 300,000, and RMB 200,000
 * respectively"); for any other number, the part of the official sentence it stands in.
 */
function numberBindings(article: string, official: string, context: FaqCheckContext): Binding[] {
  const stated: Binding[] = (context.amounts.get(article) ?? []).map((line) => ({
    value: statedComparable(line.value),
    concepts: new Set([...context.concepts(line.text.en), ...context.concepts(line.text.zh)]),
  }));
  const known = new Set(stated.map((binding) => binding.value));
  const fragments = splitSentences(official.replace(/^\d+\.\s/gm, "")).flatMap((sentence) => sentence.split(/,\s+|;\s+|\s+(?:and|or)\s+/));
  const other = fragments.flatMap((fragment) =>
    findNumerals(joinMagnitudes(fragment))
      .map(numeralValue)
      .filter((value): value is number => value !== null && !known.has(value))
      .map((value) => ({ value, concepts: context.concepts(fragment) })),
  );
  return [...stated, ...other];
}

/** A claim in parts that each say one thing: split at punctuation and at "and", "while", "but". */
function claimParts(text: string): string[] {
  return text.split(/[，、；。！？]|[,;.!?](?=\s|$)|\s+(?:and|while|whereas|but)\s+|以及|而/u).filter((part) => part.trim() !== "");
}

/** The official text of a numbered clause ("2." starts clause 2), or null when the Article has no such clause. */
function clauseText(official: string, clause: string): string | null {
  return official.split("\n").find((line) => CLAUSE_LINE.exec(line)?.[1] === clause) ?? null;
}

/** The reply as JSON, also when a model wraps it in a code fence or a sentence. */
function parseJson(text: string): unknown {
  const body = text.trim().replace(/^```(?:json)?\s*([\s\S]*?)\s*```$/, "$1");
  for (const candidate of [body, body.slice(body.indexOf("{"), body.lastIndexOf("}") + 1)]) {
    try {
      return JSON.parse(candidate) as unknown;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/** Whitespace and typographic quotes do not count: line breaks separate clauses in the official text. */
function normalise(text: string): string {
  return text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, " ").trim();
}

function trimQuote(quote: string): string {
  return normalise(quote)
    .replace(/^["']+|["']+$/g, "")
    .replace(/^(?:…|\.\.\.)\s*|\s*(?:…|\.\.\.)$/g, "")
    .trim();
}

/** "RMB 2 million" as one number in digits, so that a 万 form of the same value can be matched to it. */
function joinMagnitudes(text: string): string {
  return text.replace(/(\d+(?:\.\d+)?)\s*(million|billion)\b/gi, (_whole, digits: string, unit: string) => {
    const [whole, fraction = ""] = digits.split(".");
    const zeros = (unit.toLowerCase() === "million" ? 6 : 9) - fraction.length;
    return zeros >= 0 ? `${whole}${fraction}${"0".repeat(zeros)}`.replace(/^0+(?=\d)/, "") : _whole;
  });
}

function isQuoted(numeral: string, quoted: readonly string[]): boolean {
  const lower = numeral.toLowerCase();
  if (quoted.some((q) => q.toLowerCase() === lower)) return true;
  if (lower === "percent") return quoted.some((q) => /[%％]$|^百分之|^percent$/i.test(q));
  const value = numeralValue(numeral);
  return value !== null && quoted.some((q) => numeralValue(q) === value);
}

/** The number a numeral stands for (in fen, as parseAmount reads it), a percent read as its number. */
function numeralValue(numeral: string): number | null {
  const word = ENGLISH_SMALL_NUMBERS[numeral.toLowerCase()];
  if (word !== undefined) return word * 100;
  const parsed = parseAmount(numeral.replace(/^百分之/, "").replace(/[%％]$/, ""));
  return parsed.ok ? parsed.fen : null;
}

/** A stated maximum on the scale numeralValue reads numbers on. */
function statedComparable(value: StatedValue): number {
  if (value.kind === "money") return value.fen;
  return (value.kind === "percent" ? value.percent : value.years) * 100;
}
