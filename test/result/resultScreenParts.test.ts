import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/engine/evaluate.js";
import { parseScreening } from "../../src/engine/screening.js";
import { toResultFile } from "../../src/result/resultFile.js";
import { resultScreen } from "../../src/result/resultScreen.js";
import { summaryText } from "../../src/result/summaryText.js";
import { loadRules } from "../../src/rules/loadRules.js";

/** The parts of the chat's result screen and of the plain-text summary, rendered in process. */
const rules = loadRules();
const describeFact = (path: string) => `<${path}>`;
function evaluation(input: unknown) {
  const parsed = parseScreening(input);
  if (!parsed.ok) throw new Error("invalid test screening");
  return evaluate(parsed.value, rules, "2026-03-01");
}
const lines = (text: string) => text.split("\n");
// Rendered inside each test, so that a mutation run sees each test render it.
const screenOf = (input: unknown, lang: "en" | "zh" = "en") => resultScreen(evaluation(input), rules, lang, describeFact);

/**
 * A company that is not an SME: Articles 4, 12 and 14 apply (14 with 100,000 received this
 * year), Article 6 is a near miss, Article 9 fails, and eight items wait for facts.
 */
const mixed = {
  applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"], sme: false },
  growth: { fastGrowth: true, receivedBefore: false },
  events: { expenses: 400_000, significantResults: true, receivedThisYear: 100_000 },
  vouchers: { modelServices: 500_000, computingServices: 0, significantResults: true },
  scenarios: { projects: 1 },
  platform: { publicServicePlatform: true },
  itai: { benchmarkFirstSolution: false },
};

describe("result screen", () => {

  it("opens with what applies and what the undecided items could still add", () => {
    const text = screenOf(mixed);
    expect(lines(text).slice(0, 2)).toEqual([
      "You may qualify under 3 item(s) for up to RMB 900,000 in total.",
      "8 item(s) still depend on facts you have not given: they could add up to RMB 34,000,000.",
    ]);
  });

  it("lists the items that apply, then the undecided ones with the questions that decide them", () => {
    const text = screenOf(mixed);
    const items = lines(text).filter((line) => /^(✅|❓|✖)/.test(line));
    expect(items.slice(0, 4)).toEqual([
      "✅ Article 4 Support for fast-growing enterprises: up to RMB 200,000",
      "✅ Article 12 High-quality application scenario projects: up to RMB 500,000",
      "✅ Article 14 Industrial events: up to RMB 200,000",
      "❓ Article 5 New CAC filings (generative AI, deep synthesis, blockchain): could reach up to RMB 1,000,000",
    ]);
    expect(text).toContain("❓ Article 13 Public service platforms: could reach up to RMB 500,000\n   To decide it: <platform.outstandingOutcomes>");
    expect(text).toContain("   To decide it: <filings.generativeAi> / <filings.deepSynthesis> / <filings.blockchainInfo> / <filings.goodOutcomes>");
    expect(items.filter((line) => line.startsWith("❓"))).toHaveLength(8);
  });

  it("shows a cap something was received under as counted against, not as limiting, and leaves out a cap that did nothing", () => {
    const text = screenOf(mixed);
    expect(text).toContain("✅ Article 14 Industrial events: up to RMB 200,000\n   Counted against the annual cap: RMB 1,000,000 (RMB 100,000 already received); room left after this: RMB 700,000.");
    expect(text).toContain("✅ Article 12 High-quality application scenario projects: up to RMB 500,000\n✅ Article 14");
    expect(text.match(/Counted against/g)).toHaveLength(1);
    expect(text).not.toContain("Limited by");
    expect(screenOf(mixed, "zh")).toContain("   计入年度上限：100万元（已获10万元）；本项之后剩余额度：70万元。");
  });

  it("gives a near miss once, under the near misses, and lists every other item that does not apply with its reason", () => {
    const text = screenOf(mixed);
    expect(text).toContain("Near misses:\n• Article 6: model and computing vouchers are for small and medium-sized enterprises only: if it were met, this item could pay up to RMB 150,000.");
    expect(lines(text).filter((line) => line.startsWith("✖"))).toEqual([
      "✖ Article 9 ITAI (xinchuang) benchmark first solutions — requires an award for a city-level benchmark demonstration first solution",
    ]);
  });

  it("says nothing applies yet, and gives neither near misses nor an undecided line, when nothing does", () => {
    const none = screenOf({ applicant: { kind: "social_organization", inJurisdiction: true, sectors: ["ai"] }, growth: { fastGrowth: true }, events: { expenses: 0, significantResults: true }, scenarios: { projects: 0 }, platform: { publicServicePlatform: false }, itai: { benchmarkFirstSolution: false }, futureIndustries: { createForTheFuture: false, innovationBase: null }, infrastructure: [], recognitions: [], standards: { international: 0, national: 0, local: 0 }, filings: { generativeAi: false, deepSynthesis: false, blockchainInfo: false }, vouchers: { modelServices: 0, computingServices: 0 } });
    expect(lines(none)[0]).toBe("On these answers no item applies yet.");
    expect(none).not.toContain("still depend on facts");
    expect(none).not.toContain("Near misses:");
    expect(lines(none).filter((line) => line.startsWith("✖")).length).toBeGreaterThan(5);
  });

  it("an item Article 16 leaves out entirely says in favour of which member, and that it is not counted", () => {
    // A tie at 200,000: the member written first, Article 4, is kept.
    const left = screenOf({ ...mixed, overlaps: [["4", "14"]] });
    expect(left).toContain(
      [
        "✅ Article 14 Industrial events: up to RMB 200,000",
        "   Article 16: claimed for the same project as Article 4 (overlap group 1): selecting the best without duplication counts Article 4, and not this item",
        "   Counted against the annual cap: RMB 1,000,000 (RMB 100,000 already received); room left after this: RMB 700,000.",
        "   Not counted in the total (Article 16, selecting the best without duplication).",
      ].join("\n"),
    );
    expect(left.match(/Not counted in the total/g)).toHaveLength(1);
    expect(left).toContain("Total after Article 16 (selecting the best without duplication): up to RMB 700,000");
  });
});

describe("result screen, in Chinese and when every item fails for one reason", () => {
  it("separates the questions that decide an open item with the Chinese semicolon", () => {
    expect(screenOf(mixed, "zh")).toContain("<filings.generativeAi>；<filings.deepSynthesis>；<filings.blockchainInfo>；<filings.goodOutcomes>");
  });

  it("gives the one general reason every item fails for, even when items fail for other reasons as well", () => {
    const outside = screenOf({ applicant: { kind: "social_organization", inJurisdiction: false, sectors: ["ai"] }, growth: { fastGrowth: false } }, "en");
    expect(lines(outside).filter((line) => line.startsWith("Article 1"))).toEqual(["Article 1: the applicant is not registered and operating in Tongzhou District"]);
    expect(outside).not.toContain("✖");
    expect(outside).not.toContain("Near misses:");
  });

  it("lists the items that do not apply when they fail for different reasons", () => {
    const text = screenOf({ applicant: { kind: "social_organization", inJurisdiction: true, sectors: ["ai"] }, scenarios: { projects: 0 }, events: { expenses: 0, significantResults: true }, infrastructure: [], recognitions: [] });
    expect(lines(text).filter((line) => line.startsWith("✖ Article 4 "))).toEqual(["✖ Article 4 Support for fast-growing enterprises — only enterprises can receive this support (the applicant is: social organisation)"]);
  });

  it("shows no cap line for a cap that limited nothing with nothing received, and no received part when nothing was", () => {
    const text = screenOf({ applicant: { kind: "enterprise", inJurisdiction: true, sectors: ["ai"] }, scenarios: { projects: 5 }, events: { expenses: 400_000, significantResults: true } });
    expect(text).toContain("✅ Article 12 High-quality application scenario projects: up to RMB 2,000,000\n   Limited by the annual cap: RMB 2,000,000; room left after this: RMB 0.\n");
    expect(text).toContain("✅ Article 14 Industrial events: up to RMB 200,000\n❓");
    expect(text).not.toContain("Article 12: limited by");
  });
});

describe("result file", () => {
  it("is in English unless a language is given", () => {
    const result = evaluation(mixed);
    expect(toResultFile(result)).toEqual(toResultFile(result, "en"));
    expect(toResultFile(result).notes[0]).toMatch(/^This is a pre-screening/);
  });
});

describe("plain-text summary", () => {
  it("gives each item its status, amount, reasons and calculation, then the total and what is still open", () => {
    const text = summaryText(evaluation(mixed), rules, "en");
    expect(lines(text).slice(0, 2)).toEqual(["Pre-screening result", `Screening date: 2026-03-01 · rules version ${rules.rulesVersion}`]);
    expect(text).toContain(
      [
        "Article 14 Industrial events: eligible · Up to RMB 200,000",
        "  - Article 14: all conditions are met",
        "    50% × RMB 400,000 event expenses = RMB 200,000",
        "    RMB 200,000, within the cap of RMB 1,000,000 a year, RMB 100,000 already received this year → RMB 200,000",
      ].join("\n"),
    );
    expect(text).toContain("Article 6 Model and computing vouchers for SMEs: not eligible\n  - Article 6: model and computing vouchers are for small and medium-sized enterprises only\n\n");
    expect(text).toContain("Total after Article 16: up to RMB 900,000\nStill open: up to RMB 34,000,000 more if the unknown facts turn out favourably");
  });

  it("counts the answers an undecided item needs, or names their questions when it can", () => {
    const counted = summaryText(evaluation(mixed), rules, "en");
    expect(counted).toContain("Article 5 New CAC filings (generative AI, deep synthesis, blockchain): needs information · could reach up to RMB 1,000,000\n  - Article 5: cannot be decided yet: some facts are unknown\n  - To decide it: 4 more answer(s) are needed (the interview asks them)");
    const named = summaryText(evaluation(mixed), rules, "en", describeFact);
    expect(named).toContain("  - To decide it, answer: <filings.generativeAi> / <filings.deepSynthesis> / <filings.blockchainInfo> / <filings.goodOutcomes>");
  });

  it("names the question of the fact a missing detail belongs to, and never a path no question fills", () => {
    const base = evaluation({ ...mixed, futureIndustries: { innovationBase: { yearsSupported: 0, amountReceived: 0 } } });
    const describeBaseOnly = (path: string) => (path === "futureIndustries.innovationBase" ? "Is it an innovation base?" : path);
    const text = summaryText(base, rules, "en", describeBaseOnly);
    expect(text).toContain("To decide it, answer: Is it an innovation base?");
    expect(text).not.toContain("futureIndustries.innovationBase.level");
    expect(text).toContain("a fact the interview asks about");
  });

  it("leaves out the open line when nothing is open", () => {
    const settled = summaryText(evaluation({ applicant: { kind: "enterprise", inJurisdiction: false } }), rules, "en");
    expect(settled).not.toContain("Still open");
    expect(settled).toContain("Total after Article 16: up to RMB 0");
  });
});
