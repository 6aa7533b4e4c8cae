import { describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/faq/answer.js";
import { LABELLED } from "./labelled.js";

const ARTICLES = Array.from({ length: 19 }, (_, i) => String(i + 1));

/** The Article the bot cites first, or null when it refuses to answer. */
function firstCited(question: string, lang: "zh" | "en"): string | null {
  const answer = answerQuestion(question, lang);
  return answer.kind === "out_of_scope" || answer.kind === "too_long" ? null : (answer.articles[0] ?? null);
}

describe("retrieval over the labelled questions", () => {
  it("has at least 80 questions, half of them in Chinese, covering every Article and some out-of-scope ones", () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(80);
    expect(LABELLED.filter((q) => q.lang === "zh").length * 2).toBeGreaterThanOrEqual(LABELLED.length);
    expect(new Set(LABELLED.map((q) => q.article))).toEqual(new Set([...ARTICLES, null]));
  });

  it("cites the labelled Article first (or refuses an out-of-scope question) for at least 95% of them", () => {
    const failures: string[] = [];
    for (const { q, lang, article } of LABELLED) {
      const got = firstCited(q, lang);
      if (got !== article) failures.push(`  [${lang}] ${q} → expected ${article ?? "refusal"}, got ${got ?? "refusal"}`);
    }
    const accuracy = 1 - failures.length / LABELLED.length;
    console.log(`FAQ top-1 Article accuracy: ${(accuracy * 100).toFixed(1)}% (${LABELLED.length - failures.length}/${LABELLED.length})`);
    expect(accuracy, `top-1 accuracy ${(accuracy * 100).toFixed(1)}%; failures:\n${failures.join("\n")}`).toBeGreaterThanOrEqual(0.95);
  });
});
