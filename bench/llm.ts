import { evaluate } from "../src/engine/evaluate.js";
import { answerQuestion } from "../src/faq/answer.js";
import { getFaqIndex } from "../src/faq/faqIndex.js";
import type { Lang } from "../src/i18n/lang.js";
import { loadQuestionBank } from "../src/rules/loadQuestions.js";
import { describeFact } from "../src/interview/render.js";
import { openAiClient } from "../src/llm/client.js";
import { explainWithLlm, type ExplainDeps } from "../src/llm/explain.js";
import { buildExplainData } from "../src/llm/explainData.js";
import { createLogger } from "../src/log.js";
import { loadRules } from "../src/rules/loadRules.js";
import { LABELLED } from "../test/faq/labelled.js";
import { faithfulExplanation, startMockLlm, TAMPERS, type MockLlm } from "../test/support/mockLlm.js";
import { seeded } from "./random.js";
import { randomScreening } from "./screenings.js";
import { elapsedMs, percentile, round } from "./timing.js";

const RESULTS = 200;

/**
 * FAQ retrieval over the labelled questions, and the explanation checks against a local mock
 * model: faithful replies accepted, tampered ones rejected, and prompt size. Tokens are the
 * mock's estimate (characters / 4), not a provider's tokenizer.
 */
export async function benchLlm(): Promise<Record<string, number>> {
  const mock = await startMockLlm();
  try {
    return { ...benchRetrieval(), ...(await benchExplanations(mock)) };
  } finally {
    await mock.close();
  }
}

/** Passes over the labelled questions after the first, once the process has compiled the FAQ's code. */
const WARM_PASSES = 3;

/**
 * Each labelled question answered and timed: a first pass from a fresh process, where the first
 * few questions also pay for compiling the FAQ's code, then WARM_PASSES more, as a server that
 * has been answering for a while would.
 */
function benchRetrieval(): Record<string, number> {
  getFaqIndex();
  /** The time of each answer, and how many cite the labelled Article first. */
  const timePass = () => {
    let correct = 0;
    const times = LABELLED.map(({ q, lang, article }) => {
      const start = process.hrtime.bigint();
      const answer = answerQuestion(q, lang);
      const ms = elapsedMs(start);
      const cited = answer.kind === "answer" || answer.kind === "how_much" ? (answer.articles[0] ?? null) : null;
      if (cited === article) correct += 1;
      return ms;
    });
    return { times, correct };
  };
  const first = timePass();
  const warm = Array.from({ length: WARM_PASSES }, () => timePass().times).flat();
  const mean = (times: number[]) => round(times.reduce((a, b) => a + b, 0) / times.length, 3);
  return {
    "FAQ questions (labelled)": LABELLED.length,
    "FAQ top-1 Article accuracy (%)": round((100 * first.correct) / LABELLED.length),
    "FAQ retrieval, first pass: mean (ms/question)": mean(first.times),
    "FAQ retrieval, first pass: p99 (ms/question)": round(percentile(first.times, 99), 3),
    [`FAQ retrieval, ${WARM_PASSES} passes after: mean (ms/question)`]: mean(warm),
    [`FAQ retrieval, ${WARM_PASSES} passes after: p99 (ms/question)`]: round(percentile(warm, 99), 3),
  };
}

async function benchExplanations(mock: MockLlm): Promise<Record<string, number>> {
  const rules = loadRules();
  const bank = loadQuestionBank();
  const rng = seeded(2025);
  const deps: Omit<ExplainDeps, "describe"> = { client: openAiClient({ apiKey: "bench", baseURL: mock.url, model: "mock", timeoutMs: 10_000 }), rules, logger: createLogger("silent") };
  const cases = Array.from({ length: RESULTS }, (_, i) => {
    const screening = randomScreening(rng);
    const lang: Lang = i % 2 === 0 ? "en" : "zh";
    const describe = describeFact({ bank, rules, screening });
    const evaluation = evaluate(screening, rules, "2026-03-01");
    const view = buildExplainData(evaluation, rules, lang, describe).view;
    return { evaluation, lang, describe, view, faithful: faithfulExplanation(view, lang) };
  });

  let accepted = 0;
  for (const c of cases) {
    mock.script({ content: c.faithful });
    if ((await explainWithLlm(c.evaluation, c.lang, { ...deps, describe: c.describe })).outcome === "accepted") accepted += 1;
  }
  const usages = mock.requests.map((request) => request.usage!);

  const perKind: number[] = [];
  let tried = 0;
  let rejected = 0;
  for (const [kind, tamper] of Object.entries(TAMPERS)) {
    let kindTried = 0;
    let kindRejected = 0;
    for (const c of cases) {
      const reply = tamper(c.faithful, c.view);
      if (reply === null) continue;
      mock.script({ content: reply }, { content: reply });
      kindTried += 1;
      if ((await explainWithLlm(c.evaluation, c.lang, { ...deps, describe: c.describe })).outcome === "rejected") kindRejected += 1;
    }
    if (kindTried === 0) throw new Error(`tamper ${kind} applied to no generated result`);
    tried += kindTried;
    rejected += kindRejected;
    perKind.push((100 * kindRejected) / kindTried);
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    "explanations: generated results": RESULTS,
    "faithful replies accepted (%)": round((100 * accepted) / RESULTS),
    "tampered replies tried": tried,
    "tampered replies rejected (%)": round((100 * rejected) / tried),
    "tampered replies rejected, worst kind (%)": round(Math.min(...perKind)),
    "prompt tokens per explanation (mean, est.)": Math.round(mean(usages.map((u) => u.prompt_tokens))),
    "completion tokens per explanation (mean, est.)": Math.round(mean(usages.map((u) => u.completion_tokens))),
  };
}
