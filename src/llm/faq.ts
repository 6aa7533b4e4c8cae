import { articleLabel } from "../i18n/articleLabel.js";
import type { Lang } from "../i18n/lang.js";
import type { Logger } from "../log.js";
import { answerQuestion, type FaqAnswer } from "../faq/answer.js";
import { getFaqIndex, type FaqIndex } from "../faq/faqIndex.js";
import { articleReference, FAQ_MESSAGES } from "../faq/messages.js";
import { isMeaningful, searchFaq } from "../faq/search.js";
import { offlineReply, type FaqReply } from "../faq/faqReply.js";
import { checkFaqReply, type Citation, type FaqCheckContext } from "./checkFaqReply.js";
import type { LlmClient } from "./client.js";
import { fenceToken } from "./fence.js";
import { ALWAYS, type AcquireSlot } from "./limits.js";
import { fillSlots, loadPrompt } from "./prompts.js";

export interface FaqDeps {
  client: LlmClient;
  logger: Logger;
  index?: FaqIndex;
  stream?: boolean;
  promptsDir?: string;
}

/** "offline": answered without the model (a refusal, a how-much question); the others as for explanations. */
export type FaqOutcome = "offline" | "accepted" | "rejected" | "failed" | "limited";

export interface FaqResult {
  reply: FaqReply;
  outcome: FaqOutcome;
}

/** How much the model reads: the best FAQ entries and the official text of the Articles they cite. */
const MAX_FAQ_PASSAGES = 3;
const MAX_ARTICLE_PASSAGES = 3;

/**
 * Retrieves offline, then lets the model answer from the retrieved passages only, in claims that
 * each quote the official text they rest on (checkFaqReply). Refusals, how-much and documents
 * questions never reach the model (their answers are rules data); any failure gives the offline
 * answer. The question is fenced as data in the prompt, and a number it talks the model into
 * saying is caught because no quote holds it.
 */
export async function answerWithLlm(question: string, lang: Lang, deps: FaqDeps, acquire: AcquireSlot = ALWAYS): Promise<FaqResult> {
  const index = deps.index ?? getFaqIndex();
  const offline = answerQuestion(question, lang, index);
  if (offline.kind !== "answer") return { reply: offlineReply(offline), outcome: "offline" };
  const release = acquire();
  if (!release) return { reply: offlineReply(offline), outcome: "limited" };
  try {
    const passages = retrieve(question, lang, offline, index);
    const prompt = loadPrompt("faq", lang, deps.promptsDir);
    const token = fenceToken(question);
    const request = fillSlots(prompt.request, { PASSAGES: JSON.stringify(passages.forModel), ARTICLES: [...passages.officialTexts.keys()].join(", "), TOKEN: token, QUESTION: question.trim() });
    const log = { promptVersion: prompt.version, model: deps.client.model, lang };
    const reply = await deps.client.complete({ messages: [{ role: "system", content: prompt.system }, { role: "user", content: request }], stream: deps.stream });
    if (!reply.ok) {
      deps.logger.warn("llm answer failed", { ...log, failure: reply.failure.kind, status: reply.failure.status, attempts: reply.failure.attempts });
      return { reply: offlineReply(offline), outcome: "failed" };
    }
    const checked = checkFaqReply(reply.text, checkContext(passages.officialTexts, index), lang);
    if (!checked.ok) {
      deps.logger.warn("llm answer rejected", { ...log, problems: checked.problems.map((problem) => problem.code) });
      return { reply: offlineReply(offline), outcome: "rejected" };
    }
    return { reply: composeReply(checked.answer, checked.citations, lang, index), outcome: "accepted" };
  } finally {
    release();
  }
}

interface Passages {
  forModel: Record<string, unknown>[];
  /** Official English text of each retrieved Article: the only text a quote may come from. */
  officialTexts: Map<string, string>;
}

function retrieve(question: string, lang: Lang, offline: Extract<FaqAnswer, { kind: "answer" }>, index: FaqIndex): Passages {
  const hits = searchFaq(question, lang, { index }).filter(isMeaningful);
  const faqIds = unique([...(offline.faqId ? [offline.faqId] : []), ...hits.filter((hit) => hit.source === "faq").map((hit) => hit.id)]).slice(0, MAX_FAQ_PASSAGES);
  const articleIds = unique([...offline.articles, ...hits.flatMap((hit) => hit.articles)]).slice(0, MAX_ARTICLE_PASSAGES);
  const faq = faqIds.map((id) => {
    const entry = index.faq.get(id)!;
    return { source: "faq", question: lang === "en" ? entry.questionEn : entry.questionZh, answer: lang === "en" ? entry.answerEn : entry.answerZh, articles: entry.articles };
  });
  const articles = articleIds.map((id) => {
    const article = index.articles.get(id)!;
    const guideline = (index.datedFigures.get(id)?.inForce ?? []).map((value) => ({ from: value.from, source: value.source[lang], text: value.text }));
    return { source: "article", article: id, title: lang === "en" ? article.titleEn : article.titleZh, officialText: article.officialTextEn, ...(guideline.length > 0 ? { guideline } : {}) };
  });
  return { forModel: [...faq, ...articles], officialTexts: new Map(articles.map((a) => [a.article, a.officialText])) };
}

/**
 * The retrieved Articles, and from the rules data in force on the index's day which subject each
 * of their amounts belongs to, the words of the annual guideline values in force (quotable) and
 * the figures not in force (not to be stated).
 */
export function checkContext(officialTexts: ReadonlyMap<string, string>, index: FaqIndex): FaqCheckContext {
  const articles = [...officialTexts.keys()];
  const amounts = new Map(articles.map((article) => [article, (index.supportItems.get(article) ?? []).flatMap((item) => item.amounts)]));
  const dated = (article: string) => index.datedFigures.get(article);
  const guidelineTexts = new Map(articles.map((article) => [article, (dated(article)?.inForce ?? []).map((value) => value.text)]));
  const notInForce = new Map(articles.map((article) => [article, dated(article)?.notInForce ?? []]));
  return { officialTexts, amounts, concepts: index.concepts, guidelineTexts, notInForce };
}

/** The model's answer, then the cited Articles and their quoted official words, as the offline answer lays them out. */
function composeReply(answer: string, citations: Citation[], lang: Lang, index: FaqIndex): FaqReply {
  const messages = FAQ_MESSAGES[lang];
  const articles = unique(citations.map((c) => c.article));
  const references = articles.map((id) => {
    const article = index.articles.get(id)!;
    return articleReference(id, lang === "en" ? article.titleEn : article.titleZh, lang);
  });
  const quotes = unique(citations.map((c) => messages.officialText(articleLabel(c.clause === null ? c.article : `${c.article}.${c.clause}`, lang), c.quote)));
  const parts = [answer, messages.cited(references), ...quotes, messages.translationNote];
  return { text: parts.filter((part) => part !== null).join("\n\n"), articles, source: "llm" };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
