import { z } from "zod";
import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import { parseAmount } from "../interview/parseAmount.js";
import { findNumerals } from "./numerals.js";
import { fillPlaceholders, scanPlaceholders, stripPlaceholders } from "./placeholders.js";

/** The reply the FAQ prompt asks for: an answer, and the Articles' words it rests on. */
const replySchema = z.object({
  answer: z.string(),
  citations: z.array(
    z.object({
      article: z.union([z.string(), z.number()]).transform((article) => String(article).trim()),
      quote: z.string(),
    }),
  ),
});

export interface Citation {
  article: string;
  quote: string;
}

export type FaqProblem =
  | { code: "not_json" }
  | { code: "bad_shape"; issue: string }
  | { code: "no_answer" }
  | { code: "too_long"; chars: number }
  | { code: "no_citation" }
  | { code: "article_not_retrieved"; article: string }
  | { code: "quote_not_verbatim"; article: string }
  | { code: "unknown_placeholder"; placeholder: string }
  | { code: "malformed_placeholder" }
  | { code: "numeral_not_quoted"; numeral: string }
  | { code: "wrong_language" };

export type CheckedFaqReply = { ok: true; answer: string; citations: Citation[] } | { ok: false; problems: FaqProblem[] };

export const MAX_FAQ_ANSWER_CHARS = 1500;
const HAN = /\p{Script=Han}/u;

/**
 * Accepts a reply only if it quotes before it speaks: each quote is verbatim in the official text
 * of a retrieved Article it cites, Articles are named only as {{article:N}} placeholders of
 * retrieved Articles, and every number in the answer is one of the quotes' numbers (the same
 * characters or the same value: 12万 for 120,000). `officialTexts` maps the retrieved Articles.
 */
export function checkFaqReply(text: string, officialTexts: ReadonlyMap<string, string>, lang: Lang): CheckedFaqReply {
  const data = parseJson(text);
  if (data === undefined) return { ok: false, problems: [{ code: "not_json" }] };
  const parsed = replySchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: [{ code: "bad_shape", issue: parsed.error.issues[0]?.message ?? "unexpected shape" }] };
  const answer = parsed.data.answer.trim();
  const citations = parsed.data.citations.map((c) => ({ article: c.article, quote: trimQuote(c.quote) }));
  if (answer === "") return { ok: false, problems: [{ code: "no_answer" }] };
  const rest = stripPlaceholders(answer);
  const quotedNumerals = citations.flatMap((c) => findNumerals(c.quote));
  const problems: FaqProblem[] = [
    ...(answer.length > MAX_FAQ_ANSWER_CHARS ? [{ code: "too_long", chars: answer.length } as const] : []),
    ...(citations.length === 0 ? [{ code: "no_citation" } as const] : []),
    ...citations.flatMap((c): FaqProblem[] => {
      const official = officialTexts.get(c.article);
      if (official === undefined) return [{ code: "article_not_retrieved", article: c.article }];
      return c.quote !== "" && normalise(official).includes(c.quote) ? [] : [{ code: "quote_not_verbatim", article: c.article }];
    }),
    ...scanPlaceholders(answer)
      .filter((use) => !(use.kind === "article" && use.args.length === 1 && officialTexts.has(use.args[0]!)))
      .map((use) => ({ code: "unknown_placeholder", placeholder: use.token }) as const),
    ...(/\{\{|\}\}/.test(rest) ? [{ code: "malformed_placeholder" } as const] : []),
    ...findNumerals(rest)
      .filter((numeral) => !isQuoted(numeral, quotedNumerals))
      .map((numeral) => ({ code: "numeral_not_quoted", numeral }) as const),
    ...(HAN.test(rest) !== (lang === "zh") ? [{ code: "wrong_language" } as const] : []),
  ];
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, answer: fillPlaceholders(answer, (use) => articleLabel(use.args[0]!, lang)), citations };
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

function isQuoted(numeral: string, quoted: readonly string[]): boolean {
  const lower = numeral.toLowerCase();
  if (quoted.some((q) => q.toLowerCase() === lower)) return true;
  if (lower === "percent") return quoted.some((q) => /[%％]$|^百分之|^percent$/i.test(q));
  const value = numeralValue(numeral);
  return value !== null && quoted.some((q) => numeralValue(q) === value);
}

/** The number a numeral stands for (in fen, as parseAmount reads it), a percent read as its number. */
function numeralValue(numeral: string): number | null {
  const parsed = parseAmount(numeral.replace(/^百分之/, "").replace(/[%％]$/, ""));
  return parsed.ok ? parsed.fen : null;
}
