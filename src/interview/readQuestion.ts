import { parseAmount, parseCount } from "./parseAmount.js";
import { normalise, parseYesNo } from "./parseReply.js";

/** Words that ask what the current question means or how to answer it. */
const HELP = new Set([
  "help", "help me", "what does this mean", "what do you mean", "i don't understand", "explain this question",
  "帮助", "求助", "提示", "什么意思", "啥意思", "这是什么意思", "是什么意思", "怎么填", "怎么回答", "怎么答", "不懂", "看不懂", "不明白",
]);

/** Chinese question words and particles; a real answer never needs them. */
const ASKS_ZH = /吗|呢|怎么|怎样|如何|什么|啥|哪些|哪个|哪里|为什么|为何|是否|能否|可否|能不能|可不可以|是不是|有没有|多少/u;
const ASKS_EN = /^(?:what|what's|whats|how|why|who|whom|whose|when|where|which|is|are|am|can|could|does|do|did|should|would|will|may|must|shall)\b/;
const NUMBERS_ONLY = /^[\d\s,，、;；]+$/;

export type TypedQuestion = { kind: "help" } | { kind: "faq"; question: string };

/** A hesitant answer ("3?", "是？", "30万?") is still an answer, never a question. */
function readsAsAnswer(bare: string): boolean {
  return NUMBERS_ONLY.test(bare) || parseYesNo(bare) !== null || parseAmount(bare).ok || parseCount(bare).ok;
}

/**
 * A question typed in the middle of the interview, read only once the text failed to be an
 * answer: a request for help with the current question, or a question for the FAQ ("中小企业
 * 怎么认定？", "what does SME mean?"). `strict` (a question whose answer is free text, such
 * as a name) takes only help words and text ending with a question mark.
 */
export function readQuestion(text: string, strict = false): TypedQuestion | null {
  const t = normalise(text);
  const bare = t.replace(/\?+$/u, "").trim();
  if (HELP.has(bare)) return { kind: "help" };
  if (bare === "" || readsAsAnswer(bare)) return null;
  const asks = t.endsWith("?") || (!strict && (ASKS_ZH.test(bare) || ASKS_EN.test(bare)));
  return asks ? { kind: "faq", question: text.trim() } : null;
}
