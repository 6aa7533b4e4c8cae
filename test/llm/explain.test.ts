import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import type { Lang } from "../../src/i18n/lang.js";
import { LruCache } from "../../src/lruCache.js";
import { explainWithLlm, type ExplainDeps } from "../../src/llm/explain.js";
import { memoryLogger } from "../../src/log.js";
import { explainResult } from "../../src/result/explainResult.js";
import { explainView, faithfulExplanation, faithfulResponder, startMockLlm, TAMPERS, type MockLlm, type Responder } from "../support/mockLlm.js";
import { example, mockClient, partial, rules } from "./fixtures.js";

let mock: MockLlm;
beforeAll(async () => {
  mock = await startMockLlm();
});
afterAll(() => mock.close());
beforeEach(() => mock.reset());

function deps(overrides: Partial<ExplainDeps> = {}) {
  const logger = memoryLogger();
  return { logger, deps: { client: mockClient(mock.url), rules, describe: example.describe, logger, ...overrides } };
}

const templateOf = (lang: Lang, fixture = example) => explainResult(fixture.evaluation, rules, lang, fixture.describe);

/** A reply made from the faithful one by a tamper function. */
const tampered =
  (kind: string, lang: Lang): Responder =>
  (request) => ({ content: TAMPERS[kind]!(faithfulExplanation(explainView(request), lang), explainView(request)) ?? "untampered" });

const rejectedFor = (lines: Record<string, unknown>[]) => lines.filter((line) => line.msg === "llm explanation rejected").map((line) => line.problems);

describe("LLM explanations", () => {
  it.each(["en", "zh"] as const)("accepts a faithful reply and fills its placeholders with the engine's figures (%s)", async (lang) => {
    mock.script(faithfulResponder(lang));
    const { deps: d } = deps();
    const result = await explainWithLlm(example.evaluation, lang, d);
    expect(result.outcome).toBe("accepted");
    expect(result.explanation.source).toBe("llm");
    const six = example.evaluation.items.find((item) => item.id === "6")!;
    expect(result.explanation.text).toContain(formatYuan(six.maxSupportFen!, lang));
    expect(result.explanation.text).toContain(formatYuan(example.evaluation.totalMaxSupportFen, lang));
    expect(result.explanation.text).toContain(lang === "en" ? "Article 6 " : "第六条 ");
    expect(result.explanation.text).not.toMatch(/\{\{|\}\}/);
  });

  it("sends the static instructions first and the result, without any figure, after them", async () => {
    mock.script(faithfulResponder("en"), faithfulResponder("en"));
    await explainWithLlm(example.evaluation, "en", deps().deps);
    await explainWithLlm(partial.evaluation, "en", { ...deps().deps, describe: partial.describe });
    const [first, second] = mock.requests;
    expect(first!.messages[0]).toEqual(second!.messages[0]);
    expect(first!.messages[0]!.role).toBe("system");
    const data = first!.messages[1]!.content;
    expect(data).toContain('"maxSupport":"{{amount:6}}"');
    expect(data).not.toContain("240,000");
    expect(data).not.toMatch(/Article \d/);
  });

  it("explains undecided items with what would decide them", async () => {
    mock.script(faithfulResponder("zh"));
    const result = await explainWithLlm(partial.evaluation, "zh", { ...deps().deps, describe: partial.describe });
    expect(result.outcome).toBe("accepted");
    expect(result.explanation.text).toContain("尚未确定");
  });

  describe.each([
    ["an Arabic number", "arabic", "zh"],
    ["an Arabic number (English)", "arabic", "en"],
    ["万 with digits", "wan", "zh"],
    ["Chinese numerals", "chinese", "zh"],
    ["formal numerals", "formal", "zh"],
    ["百分之 in words", "percentWords", "zh"],
    ["a percent sign", "percentSign", "zh"],
    ["a percent sign (English)", "percentSign", "en"],
    ["an Article written as a number", "articleNumber", "en"],
    ["an Article the result does not involve", "articleNotInResult", "en"],
    ["an amount for an item that is not eligible", "amountOfIneligible", "en"],
    ["a sentence saying an item that is not eligible qualifies", "claimsEligible", "en"],
    ["an eligible item left out", "omitsItem", "zh"],
    ["a placeholder the data does not have", "unknownPlaceholder", "en"],
    ["empty content", "empty", "en"],
  ] as const)("a reply with %s", (_name, kind, lang) => {
    it("is rejected twice, and the user gets the template explanation", async () => {
      mock.script(tampered(kind, lang), tampered(kind, lang));
      const { deps: d, logger } = deps();
      const result = await explainWithLlm(example.evaluation, lang, d);
      expect(result).toEqual({ explanation: { text: templateOf(lang), source: "template" }, outcome: "rejected" });
      expect(mock.requests).toHaveLength(2);
      expect(rejectedFor(logger.lines)).toHaveLength(2);
    });

    it("is followed by one retry that names the problem, whose faithful reply is accepted", async () => {
      mock.script(tampered(kind, lang), faithfulResponder(lang));
      const result = await explainWithLlm(example.evaluation, lang, deps().deps);
      expect(result.outcome).toBe("accepted_on_retry");
      expect(result.explanation.source).toBe("llm");
      const retry = mock.requests[1]!.messages;
      expect(retry.at(-1)!.content).toMatch(lang === "en" ? /rejected/ : /未被采用/);
    });
  });

  it.each([
    ["a 429 with a long retry-after", [{ status: 429, headers: { "retry-after": "60" } }]],
    ["a 500 and its retry", [{ status: 500 }, { status: 500 }]],
    ["a malformed body and its retry", [{ malformed: true }, { malformed: true }]],
  ] as const)("falls back to the template on %s", async (_name, replies) => {
    mock.script(...replies);
    const { deps: d, logger } = deps();
    const result = await explainWithLlm(example.evaluation, "en", d);
    expect(result).toEqual({ explanation: { text: templateOf("en"), source: "template" }, outcome: "failed" });
    expect(logger.lines.map((line) => line.msg)).toContain("llm explanation failed");
  });

  it("falls back to the template when the reply does not come before the timeout", async () => {
    mock.script({ hang: true });
    const result = await explainWithLlm(example.evaluation, "en", deps({ client: mockClient(mock.url, 150) }).deps);
    expect(result).toEqual({ explanation: { text: templateOf("en"), source: "template" }, outcome: "failed" });
  });

  it("accepts a streamed faithful reply", async () => {
    mock.script(faithfulResponder("en"));
    const result = await explainWithLlm(example.evaluation, "en", deps({ stream: true }).deps);
    expect(result.outcome).toBe("accepted");
    expect(mock.requests[0]!.stream).toBe(true);
  });

  it("answers a second identical request from the cache, without asking the model", async () => {
    const cache = new LruCache<string, string>(10);
    mock.script(faithfulResponder("en"));
    const first = await explainWithLlm(example.evaluation, "en", deps({ cache }).deps);
    const second = await explainWithLlm(structuredClone(example.evaluation), "en", deps({ cache }).deps);
    expect(second).toEqual({ explanation: first.explanation, outcome: "cached" });
    expect(mock.requests).toHaveLength(1);
  });

  it("caches neither rejected replies nor another language's explanation", async () => {
    const cache = new LruCache<string, string>(10);
    mock.script(tampered("arabic", "en"), tampered("arabic", "en"), faithfulResponder("en"), faithfulResponder("zh"));
    expect((await explainWithLlm(example.evaluation, "en", deps({ cache }).deps)).outcome).toBe("rejected");
    expect((await explainWithLlm(example.evaluation, "en", deps({ cache }).deps)).outcome).toBe("accepted");
    expect((await explainWithLlm(example.evaluation, "zh", deps({ cache }).deps)).outcome).toBe("accepted");
    expect(mock.requests).toHaveLength(4);
  });

  it("asks for no slot on a cache hit, and gives the template at once when no slot is free", async () => {
    const cache = new LruCache<string, string>(10);
    mock.script(faithfulResponder("en"));
    const none = () => null;
    expect((await explainWithLlm(example.evaluation, "en", deps({ cache }).deps, none)).outcome).toBe("limited");
    expect(mock.requests).toHaveLength(0);
    await explainWithLlm(example.evaluation, "en", deps({ cache }).deps);
    expect((await explainWithLlm(example.evaluation, "en", deps({ cache }).deps, none)).outcome).toBe("cached");
  });
});
