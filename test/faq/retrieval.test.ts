import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/faq/answer.js";
import { LABELLED, LABELLED_AFTER_TUNING, LABELLED_BLIND, LABELLED_OUT_OF_SCOPE, type LabelledQuestion } from "./labelled.js";

const ARTICLES = Array.from({ length: 19 }, (_, i) => String(i + 1));

/** The Article the bot cites first, or null when it refuses to answer. */
function firstCited(question: string, lang: "zh" | "en"): string | null {
  const answer = answerQuestion(question, lang);
  return answer.kind === "out_of_scope" || answer.kind === "too_long" ? null : (answer.articles[0] ?? null);
}

/** Top-1 accuracy over a set (a refusal is right for an out-of-scope question), printed with the failures. */
function measure(name: string, set: readonly LabelledQuestion[]): { accuracy: number; failures: string[] } {
  const failures: string[] = [];
  for (const { q, lang, article } of set) {
    const got = firstCited(q, lang);
    if (got !== article) failures.push(`  [${lang}] ${q} → expected ${article ?? "refusal"}, got ${got ?? "refusal"}`);
  }
  const accuracy = 1 - failures.length / set.length;
  console.log(`FAQ top-1 Article accuracy, ${name}: ${(accuracy * 100).toFixed(1)}% (${set.length - failures.length}/${set.length})`);
  return { accuracy, failures };
}

describe("retrieval over the labelled questions", () => {
  it("has at least 80 tuning questions, half of them in Chinese, covering every Article and some out-of-scope ones", () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(80);
    expect(LABELLED.filter((q) => q.lang === "zh").length * 2).toBeGreaterThanOrEqual(LABELLED.length);
    expect(new Set(LABELLED.map((q) => q.article))).toEqual(new Set([...ARTICLES, null]));
  });

  it("has at least 100 questions written without the FAQ bank, half in Chinese, some out of scope", () => {
    expect(LABELLED_BLIND.length).toBeGreaterThanOrEqual(100);
    expect(LABELLED_BLIND.filter((q) => q.lang === "zh").length * 2).toBeGreaterThanOrEqual(LABELLED_BLIND.length);
    expect(LABELLED_BLIND.filter((q) => q.article === null).length).toBeGreaterThanOrEqual(10);
  });

  it.each([
    { name: "the tuning set", set: LABELLED },
    { name: "the set written without the FAQ bank", set: LABELLED_BLIND },
  ])("cites the labelled Article first (or refuses an out-of-scope question) for at least 95% of $name", ({ name, set }) => {
    const { accuracy, failures } = measure(name, set);
    expect(accuracy, `top-1 accuracy ${(accuracy * 100).toFixed(1)}%; failures:\n${failures.join("\n")}`).toBeGreaterThanOrEqual(0.95);
  });

  it("cites the labelled Article first for at least 90% of the 40 questions written after the tuning (never tuned on)", () => {
    expect(LABELLED_AFTER_TUNING.length).toBeGreaterThanOrEqual(40);
    const { accuracy, failures } = measure("the set written after the tuning", LABELLED_AFTER_TUNING);
    expect(accuracy, `top-1 accuracy ${(accuracy * 100).toFixed(1)}%; failures:\n${failures.join("\n")}`).toBeGreaterThanOrEqual(0.9);
  });

  it("refuses every question about a district service or matter the Rules do not cover", () => {
    expect(LABELLED_OUT_OF_SCOPE.every((q) => q.article === null)).toBe(true);
    expect(LABELLED_OUT_OF_SCOPE.length).toBeGreaterThanOrEqual(30);
    const { failures } = measure("out-of-scope set", LABELLED_OUT_OF_SCOPE);
    expect(failures).toEqual([]);
  });
});
