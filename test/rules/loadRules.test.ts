import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { rulesOn } from "../../src/engine/compiledRules.js";
import { DEFAULT_RULES_DIR, loadRules, RulesFileError } from "../../src/rules/loadRules.js";
import { DEFAULT_QUESTIONS_FILE, loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { displayName } from "../../src/rules/readRulesFile.js";
import { rulesWithModelCapChanged } from "../support/storedScreenings.js";
import { rulesFileErrorOf } from "../support/rulesFileError.js";

let dir: string | undefined;
function copyRules(): string {
  const copy = mkdtempSync(join(tmpdir(), "rules-"));
  cpSync(DEFAULT_RULES_DIR, copy, { recursive: true });
  dir = copy;
  return copy;
}
function edit(file: string, change: (data: Record<string, unknown>) => void): void {
  const path = join(dir!, file);
  const data = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  change(data);
  writeFileSync(path, JSON.stringify(data));
}
const errorOf = (): RulesFileError => rulesFileErrorOf(() => loadRules(dir!));

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("rules data", () => {
  it("loads every item of Articles 4 to 14 with a version id", () => {
    const rules = loadRules();
    expect(rules.items.map((item) => item.rule.id)).toEqual(["4", "5", "6", "7", "8.1", "8.2", "9", "10.1", "10.2", "11", "12", "13", "14"]);
    expect(rules.rulesVersion).toMatch(/^tongzhou-de-2025\.1\+[0-9a-f]{8}$/);
  });

  it("gives every Article its official text from one source: the item file for Articles 4 to 14, rules/articles.json for the others", () => {
    const rules = loadRules();
    const texts = new Map(rules.articleTexts.articles.map((a) => [a.article, a.officialTextEn]));
    expect([...texts.keys()]).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    for (const article of rules.articles) expect(texts.get(article.article)).toBe(article.officialText);
    const entries = JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, "articles.json"), "utf8")) as { articles: { article: string; officialTextEn?: string }[] };
    expect(entries.articles.filter((a) => a.officialTextEn === undefined).map((a) => a.article)).toEqual(rules.articles.map((a) => a.article));
  });

  it("changes the version id when a parameter changes, as next year's guideline would", () => {
    copyRules();
    const cap = (loadRules().byId.get("6")!.params.modelAnnualCap as number) / 100;
    dir = rulesWithModelCapChanged(100_000);
    const changed = loadRules(dir);
    expect(changed.rulesVersion).not.toBe(loadRules().rulesVersion);
    expect(changed.byId.get("6")!.params.modelAnnualCap).toBe((cap + 100_000) * 100);
  });

  it("changes the version id when the policy file or the Articles' texts change, and only then", () => {
    copyRules();
    const shipped = loadRules().rulesVersion;
    expect(loadRules(dir!).rulesVersion).toBe(shipped);
    edit("articles.json", (data) => ((data.articles as { summaryEn: string }[])[0]!.summaryEn += " (revised)"));
    const revisedTexts = loadRules(dir!).rulesVersion;
    expect(revisedTexts).not.toBe(shipped);
    edit("policy.json", (data) => ((data.validity as { interpretation: string }).interpretation += " (revised)"));
    expect(loadRules(dir!).rulesVersion).not.toBe(revisedTexts);
  });

  it("names the file and the path of a wrongly typed parameter", () => {
    copyRules();
    edit("items/article-06.json", (data) => ((data.parameters as Record<string, unknown>).rate = { yuan: 30, text: "x" }));
    const error = errorOf();
    expect(error.file).toBe("rules/items/article-06.json");
    expect(error.message).toContain("parameters.rate: must be a rate parameter");
  });

  it("names a missing parameter and a misspelt one", () => {
    copyRules();
    edit("items/article-12.json", (data) => {
      const parameters = data.parameters as Record<string, unknown>;
      parameters.anualCap = parameters.annualCap;
      delete parameters.annualCap;
    });
    expect(errorOf().message).toContain("parameters.annualCap: missing");
  });

  it("names the path of a schema error inside a rules file", () => {
    copyRules();
    edit("policy.json", (data) => ((data.validity as Record<string, unknown>).validUntil = "2028-02-30"));
    const error = errorOf();
    expect(error.file).toBe("rules/policy.json");
    expect(error.message).toContain("validity.validUntil");
  });

  it("refuses a file that is not JSON", () => {
    copyRules();
    writeFileSync(join(dir!, "items", "article-09.json"), "{ not json");
    expect(errorOf().file).toBe("rules/items/article-09.json");
  });

  it("names a parameter whose value and quoted figure disagree", () => {
    copyRules();
    // The Rules' own words for the cap (the first value, when it has values by date), with another figure.
    edit("items/article-06.json", (data) => {
      const parameters = data.parameters as Record<string, { text: string } | { values: { text: string }[] }>;
      const cap = parameters.modelAnnualCap!;
      parameters.modelAnnualCap = { yuan: 123456, text: "text" in cap ? cap.text : cap.values[0]!.text } as never;
    });
    const error = errorOf();
    expect(error.file).toBe("rules/items/article-06.json");
    const rules = loadRules();
    const cap = (rulesOn(rules, rules.policy.validity.validFrom).byId.get("6")!.params.modelAnnualCap as number) / 100;
    expect(error.message).toContain(`parameters.modelAnnualCap.text: the amounts (123456) and the amounts the text quoted states (${cap}) differ`);
  });

  it("names a parameter text, a clause and an interpretation that the official text does not contain", () => {
    copyRules();
    edit("items/article-06.json", (data) => {
      (data.parameters as Record<string, { yuan: number; text: string }>).modelAnnualCap = { yuan: 123456, text: "RMB 123,456 for model vouchers" };
      (data.items as { clauseText: string }[])[0]!.clauseText = "all enterprises will be supported";
      (data.interpretations as { clause: string }[])[1]!.clause = "SMEs only";
    });
    const error = errorOf();
    expect(error.message).toContain("parameters.modelAnnualCap.text: “RMB 123,456 for model vouchers” is not in the official text of Article 6");
    expect(error.message).toContain("items[0].clauseText: “all enterprises will be supported” is not in the official text");
    expect(error.message).toContain("interpretations[1].clause");
  });

  it("names a rate and a number of years that their quotes do not state", () => {
    copyRules();
    edit("items/article-11.json", (data) => {
      const parameters = data.parameters as Record<string, { percent?: number; years?: number }>;
      parameters.rate!.percent = 12.5;
      parameters.maxYears!.years = 4;
    });
    const error = errorOf();
    expect(error.message).toContain("parameters.rate.text: says 12.5%");
    expect(error.message).toContain("parameters.maxYears.text: says 4 years");
  });

  it("refuses an official text kept in both rules/articles.json and an item file", () => {
    copyRules();
    edit("articles.json", (data) => ((data.articles as { officialTextEn?: string }[])[5]!.officialTextEn = "A second copy."));
    const error = errorOf();
    expect(error.file).toBe("rules/articles.json");
    expect(error.message).toContain("articles[5].officialTextEn: Article 6's official text lives in rules/items/article-06.json: remove it here");
  });

  it("refuses an Article without an item file whose official text is missing", () => {
    copyRules();
    edit("articles.json", (data) => delete (data.articles as { officialTextEn?: string }[])[15]!.officialTextEn);
    expect(errorOf().message).toContain("articles[15].officialTextEn: missing");
  });

  it("names an Article summary whose figure is written out or refers to no parameter", () => {
    copyRules();
    edit("articles.json", (data) => {
      const articles = data.articles as { summaryEn: string; summaryZh: string }[];
      articles[5]!.summaryEn = "Up to RMB 123,456 a year.";
      articles[6]!.summaryZh = "最高{{param:7.nationalAmount}}。";
    });
    const error = errorOf();
    expect(error.file).toBe("rules/articles.json");
    expect(error.message).toContain("articles[5].summaryEn: “Up to RMB 1” states a figure of the rules: write it as {{param:ARTICLE.NAME}}");
    expect(error.message).toContain("articles[6].summaryZh: {{param:7.nationalAmount}}: no parameter 7.nationalAmount in rules/items");
  });

  it("refuses an item defined twice, naming the file that defines it again", () => {
    copyRules();
    edit("items/article-13.json", (data) => (data.items as unknown[]).push((data.items as unknown[])[0]));
    const error = errorOf();
    expect(error.file).toBe("rules/items/article-13.json");
    expect(error.issues).toEqual([{ path: "items.13", message: "item defined twice" }]);
  });

  it("refuses a parameter no rule reads", () => {
    copyRules();
    edit("items/article-13.json", (data) => ((data.parameters as Record<string, unknown>).extra = { yuan: 1, text: "RMB 1" }));
    const error = errorOf();
    expect(error.file).toBe("rules/items/article-13.json");
    expect(error.issues).toEqual([{ path: "parameters.extra", message: "unknown parameter: no rule reads it (check its spelling)" }]);
  });

  it("reads only the .json files of rules/items", () => {
    copyRules();
    writeFileSync(join(dir!, "items", "notes.md"), "# not a rules file");
    expect(loadRules(dir!).rulesVersion).toBe(loadRules().rulesVersion);
  });

  it("refuses an Article with an item file but no entry in rules/articles.json", () => {
    copyRules();
    edit("articles.json", (data) => (data.articles = (data.articles as { article: string }[]).filter((entry) => entry.article !== "6")));
    const error = errorOf();
    expect(error.file).toBe("rules/articles.json");
    expect(error.issues).toEqual([{ path: "articles", message: "Article 6 (rules/items/article-06.json) has no entry" }]);
  });

  it("refuses an Article listed twice in rules/articles.json, at the second entry", () => {
    copyRules();
    edit("articles.json", (data) => {
      const articles = data.articles as { article: string }[];
      articles[18] = { ...articles[18]!, article: "2" };
    });
    const error = errorOf();
    expect(error.file).toBe("rules/articles.json");
    expect(error.issues).toEqual([{ path: "articles[18].article", message: "Article 2 is listed twice" }]);
  });

  it("refuses a guideline named in a language the results are not written in", () => {
    copyRules();
    edit("items/article-06.json", (data) => {
      const parameters = data.parameters as Record<string, { yuan: number; text: string }>;
      const cap = parameters.modelAnnualCap!;
      parameters.modelAnnualCap = { values: [{ from: "2025-04-30", ...cap }, { from: "2026-01-01", yuan: 125000, text: "最高支持12.5万元", source: { en: "g", zh: "指南", fr: "g" } }] } as never;
    });
    expect(errorOf().message).toContain(`parameters.modelAnnualCap.values[1].source: only "en" and "zh": fr is not a language of the results`);
  });

  it("names a broken question bank by its path: relative in the project, in full elsewhere", () => {
    copyRules();
    const copy = join(dir!, "questions.json");
    writeFileSync(copy, "[");
    const error = rulesFileErrorOf(() => loadQuestionBank(copy));
    expect(error.file).toBe(copy);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]!.path).toBe("(file)");
    expect(displayName(DEFAULT_QUESTIONS_FILE)).toBe("rules/questions.json");
  });

  it("refuses a rules folder that lacks an item", () => {
    copyRules();
    rmSync(join(dir!, "items", "article-13.json"));
    expect(errorOf().message).toContain("no file defines item 13");
  });
});
