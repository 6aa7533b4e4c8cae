import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/i18n/lang.js";
import { checkExplanation } from "../../src/llm/checkExplanation.js";
import { buildExplainData } from "../../src/llm/explainData.js";
import { faithfulExplanation, TAMPERS } from "../support/mockLlm.js";
import { evaluationOf, example, partial, rules, screeningOf } from "./fixtures.js";

const data = (lang: Lang, fixture = example) => buildExplainData(fixture.evaluation, rules, lang, fixture.describe);
const faithful = (lang: Lang, fixture = example) => faithfulExplanation(data(lang, fixture).view, lang);
const codes = (reply: string, lang: Lang, fixture = example) => {
  const checked = checkExplanation(reply, data(lang, fixture), lang);
  return checked.ok ? [] : checked.problems.map((problem) => problem.code);
};
const tamper = (kind: string, lang: Lang) => TAMPERS[kind]!(faithful(lang), data(lang).view)!;

describe("checking an explanation", () => {
  it.each(["en", "zh"] as const)("accepts a faithful reply (%s)", (lang) => {
    expect(codes(faithful(lang), lang)).toEqual([]);
    expect(codes(faithful(lang, partial), lang, partial)).toEqual([]);
  });

  it.each([
    ["240000", "arabic", "zh", "240000"],
    ["24万", "wan", "zh", "24万"],
    ["二十四万", "chinese", "zh", "二十四万"],
    ["贰拾肆万", "formal", "zh", "贰拾肆万"],
    ["百分之三十", "percentWords", "zh", "百分之三十"],
    ["30%", "percentSign", "en", "30%"],
  ] as const)("rejects a figure written as %s", (_name, kind, lang, numeral) => {
    const checked = checkExplanation(tamper(kind, lang), data(lang), lang);
    expect(checked).toEqual({ ok: false, problems: [{ code: "numeral", numeral }] });
  });

  it("rejects an Article written out, in either language", () => {
    expect(codes(tamper("articleNumber", "en"), "en")).toEqual(["numeral"]);
    expect(codes(`${faithful("zh")}\n详见第十五条。`, "zh")).toEqual(["numeral"]);
  });

  it("rejects a placeholder for an Article the result does not involve", () => {
    expect(checkExplanation(tamper("articleNotInResult", "en"), data("en"), "en")).toEqual({ ok: false, problems: [{ code: "article_not_in_result", article: "18" }] });
  });

  it("rejects an amount placeholder for an item that is not eligible", () => {
    expect(codes(tamper("amountOfIneligible", "en"), "en")).toContain("amount_of_item_not_eligible");
  });

  it("rejects a sentence that says an item qualifies when it does not, in either language", () => {
    expect(codes(tamper("claimsEligible", "en"), "en")).toEqual(["claims_eligible"]);
    expect(codes(`${faithful("zh")}\n您也符合{{item:8.1}}的条件。`, "zh")).toEqual(["claims_eligible"]);
    expect(codes(`${faithful("en")}\nUnder {{article:10.1}} you qualify too.`, "en")).toEqual(["claims_eligible"]);
  });

  it("lets a sentence deny or condition an item that is not eligible", () => {
    expect(codes(`${faithful("en")}\nYou are not eligible for {{item:8.1}}.`, "en")).toEqual([]);
    expect(codes(`${faithful("zh")}\n您不符合{{item:8.1}}的条件。`, "zh")).toEqual([]);
    expect(codes(`${faithful("en")}\nYou would qualify for {{item:8.1}} if you obtained a new recognition.`, "en")).toEqual([]);
  });

  it("rejects a reply that leaves out an eligible item, naming it", () => {
    expect(checkExplanation(tamper("omitsItem", "zh"), data("zh"), "zh")).toEqual({ ok: false, problems: [{ code: "omits_eligible_item", item: "4" }] });
  });

  it("rejects unknown and broken placeholders", () => {
    expect(codes(tamper("unknownPlaceholder", "en"), "en")).toEqual(["unknown_placeholder"]);
    expect(codes(`${faithful("en")} {{total}`, "en")).toEqual(["malformed_placeholder"]);
    expect(codes(`${faithful("en")} {{amount:6`, "en")).toEqual(["malformed_placeholder", "numeral"]);
  });

  it("tolerates spaces inside the braces", () => {
    const checked = checkExplanation(faithful("en").replace("{{total}}", "{{ total }}"), data("en"), "en");
    expect(checked.ok && checked.text).toContain("RMB 16,240,000");
  });

  it("rejects an empty reply, one in the other language, and one too long for a message", () => {
    expect(codes("  ", "en")).toEqual(["empty"]);
    expect(codes(faithful("zh"), "en")).toContain("wrong_language");
    expect(codes(`${faithful("en")}\n${"All amounts are maxima. ".repeat(200)}`, "en")).toEqual(["too_long"]);
  });

  it("tells apart the projects of Article 11, and accepts a sentence naming the Article when one project qualifies", () => {
    const two = evaluationOf(
      screeningOf({
        version: 1,
        applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"], sme: true },
        infrastructure: [
          { name: "Hall A", kind: "computing_power_dispatch_center", eligibleInvestment: 50000000, yearsSupported: 0, amountReceived: 0 },
          { name: "Hall B", kind: "computing_power_dispatch_center", eligibleInvestment: 0, yearsSupported: 0, amountReceived: 0 },
        ],
      }),
    );
    const view = data("en", two).view;
    const keys = view.items.filter((item) => item.key.startsWith("11")).map((item) => `${item.key} ${item.status}`);
    expect(keys).toEqual(["11#1 eligible", "11#2 not_eligible"]);
    expect(codes(`${faithful("en", two)}\nYou qualify under {{article:11}}.`, "en", two)).toEqual([]);
    expect(codes(`${faithful("en", two)}\nYou qualify for {{item:11#2}}.`, "en", two)).toEqual(["claims_eligible"]);
  });
});
