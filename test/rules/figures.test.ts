import { describe, expect, it } from "vitest";
import type { InputIssue } from "../../src/validation/issues.js";
import { quoteIssues } from "../../src/rules/checkQuotes.js";
import type { ArticleRulesOn } from "../../src/rules/datedParameters.js";
import { moneyIn, percentsIn, statesYears } from "../../src/rules/figuresInText.js";
import { fillReferences } from "../../src/rules/paramReferences.js";
import type { ArticleRules, Parameter } from "../../src/rules/schema.js";

/** An Article with only what the checks read: its number, official text, parameters, clauses and interpretations. */
function article(parameters: Record<string, Parameter>, officialText = "", clauses: string[] = [], interpretations: string[] = []): ArticleRules {
  return {
    article: "6",
    title: { en: "Example", zh: "示例" },
    officialText,
    parameters,
    interpretations: interpretations.map((clause) => ({ clause, reading: "read so" })),
    items: clauses.map((clauseText) => ({ id: "6", clause: null, title: { en: "Example", zh: "示例" }, clauseText, conditions: { en: ["c"], zh: ["c"] }, documents: { en: ["d"], zh: ["d"] } })),
  };
}

const GUIDELINE = { en: "example guideline §3", zh: "示例申报指南第三条" };

describe("figures read from a quoted sentence", () => {
  it("reads amounts as the English text writes them, with or without a space, with thousands separators, decimals and millions", () => {
    expect(moneyIn("up to RMB 123,456 per year")).toEqual([12_345_600]);
    expect(moneyIn("RMB1,000 and RMB 1,234.56")).toEqual([100_000, 123_456]);
    expect(moneyIn("RMB 1.5 million, RMB 2million")).toEqual([150_000_000, 200_000_000]);
    expect(moneyIn("RMB 0.29")).toEqual([29]);
  });

  it("reads amounts in 万元 as a Chinese guideline writes them", () => {
    expect(moneyIn("最高支持12.5万元，另有3万元")).toEqual([12_500_000, 3_000_000]);
  });

  it("reads no amount where none is written as money", () => {
    expect(moneyIn("three consecutive years, 30%, RMB ten")).toEqual([]);
  });

  it("reads percentages with or without a space before the sign", () => {
    expect(percentsIn("50% of the fee, at most 12.5 % of it")).toEqual([50, 12.5]);
    expect(percentsIn("half of the fee")).toEqual([]);
  });

  it("finds a number of years in digits or in words, in one sentence", () => {
    expect(statesYears("for three consecutive years", 3)).toBe(true);
    expect(statesYears("Three Years at most", 3)).toBe(true);
    expect(statesYears("within 3 year", 3)).toBe(true);
    expect(statesYears("for 11 years", 11)).toBe(true);
    expect(statesYears("for 13 years", 3)).toBe(false);
    expect(statesYears("for thirty years", 3)).toBe(false);
    expect(statesYears("three months", 3)).toBe(false);
    expect(statesYears("up to three. Years later", 3)).toBe(false);
    expect(statesYears("for two years", 3)).toBe(false);
  });
});

describe("figures of the rules referred to in a text", () => {
  const articles: ArticleRulesOn[] = [
    {
      ...article({}),
      parameters: {
        cap: { yuan: 2_000_000, text: "t" },
        exactlyOneMillion: { yuan: 1_000_000, text: "t" },
        odd: { yuan: 1_500_000, text: "t" },
        small: { yuan: 500_000, text: "t" },
        rate: { percent: 30, text: "t" },
        years: { years: 3, text: "t" },
        table: { yuanByKey: { national: 500_000, local: 3_000_000 }, text: "t" },
      },
    },
  ];
  const fill = (text: string, lang: "en" | "zh" = "en") => {
    const issues: InputIssue[] = [];
    return { text: fillReferences(text, articles, lang, "answers[2].answerEn", issues), issues };
  };

  it("says whole millions in English as the official text does, and other amounts in full", () => {
    expect(fill("{{param:6.cap}}; {{param:6.exactlyOneMillion}}; {{param:6.odd}}; {{param:6.small}}")).toEqual({ text: "RMB 2 million; RMB 1 million; RMB 1,500,000; RMB 500,000", issues: [] });
  });

  it("says amounts in Chinese in 万元, rates with their sign and years as a number", () => {
    expect(fill("{{param:6.cap}}，{{param:6.rate}}，{{param:6.years}}年，{{param:6.table.local}}", "zh")).toEqual({ text: "200万元，30%，3年，300万元", issues: [] });
  });

  it("reads one key of a table", () => {
    expect(fill("{{param:6.table.national}}").text).toBe("RMB 500,000");
  });

  it("names, at the text's path, a reference to nothing and leaves it as written", () => {
    expect(fill("a {{param:6.nothing}} b {{param:9.cap}} c {{param:6.cap.a.b}}")).toEqual({
      text: "a {{param:6.nothing}} b {{param:9.cap}} c {{param:6.cap.a.b}}",
      issues: ["6.nothing", "9.cap", "6.cap.a.b"].map((reference) => ({
        path: "answers[2].answerEn",
        message: `{{param:${reference}}}: no parameter ${reference} in rules/items (write ARTICLE.NAME, or ARTICLE.NAME.KEY for a table)`,
      })),
    });
  });

  it("asks for a key of a table referred to without one, or with one it lacks", () => {
    const message = "6.table is a table: name one of its keys (national, local)";
    expect(fill("{{param:6.table}} {{param:6.table.regional}}").issues).toEqual([
      { path: "answers[2].answerEn", message: `{{param:6.table}}: ${message}` },
      { path: "answers[2].answerEn", message: `{{param:6.table.regional}}: ${message}` },
    ]);
  });

  it("refuses a key on a parameter that is not a table", () => {
    expect(fill("{{param:6.rate.national}}").issues).toEqual([{ path: "answers[2].answerEn", message: "{{param:6.rate.national}}: 6.rate is not a table: it has no key national" }]);
  });

  it("names a maximum written as a figure, in English or in Chinese, once per text", () => {
    const literal = (text: string) => fill(text).issues.map((issue) => issue.message);
    const says = (figure: string) => [`“${figure}” states a figure of the rules: write it as {{param:ARTICLE.NAME}}`];
    expect(literal("Support goes up to RMB 5 million, up to RMB 6 million.")).toEqual(says("up to RMB 5"));
    expect(literal("Up To RMB5")).toEqual(says("Up To RMB5"));
    expect(literal("at most 30% of the fee")).toEqual(says("at most 30%"));
    expect(literal("capped at 12.5% a year")).toEqual(says("capped at 12.5%"));
    expect(literal("a maximum support of RMB 1")).toEqual(says("maximum support of RMB 1"));
    expect(literal("a maximum of RMB 1")).toEqual(says("maximum of RMB 1"));
    expect(literal("最高50万元")).toEqual(says("最高5"));
    expect(literal("上限为 100万元")).toEqual(says("上限为 1"));
    expect(literal("上限100万元")).toEqual(says("上限1"));
    expect(literal("不超过3年")).toEqual(says("不超过3"));
  });

  it("accepts maxima written as references, and figures that are not maxima", () => {
    for (const text of ["up to {{param:6.cap}}", "最高{{param:6.cap}}", "up to three years", "at most 30 days", "pays RMB 100 per item", "backup to RMB 5"]) {
      expect(fill(text).issues, text).toEqual([]);
    }
  });
});

describe("quotes of the official text", () => {
  const TEXT = "Support of 50% of the fee, up to RMB 1 million per year, for three consecutive years.";

  it("accepts quotes that stand in the official text, a part at a time around an ellipsis", () => {
    const rules = article({ rate: { percent: 50, text: "50% of the fee" }, cap: { yuan: 1_000_000, text: "up to RMB 1 million" } }, TEXT, ["Support of 50% … for three consecutive years"], ["per year"]);
    expect(quoteIssues(rules, TEXT, "2025-04-30")).toEqual([]);
  });

  it("names each part of a quote that the official text does not contain, at its path", () => {
    const rules = article({}, TEXT, ["Support of 50% … for four years"], ["SMEs only"]);
    expect(quoteIssues(rules, TEXT, "2025-04-30")).toEqual([
      { path: "items[0].clauseText", message: "“for four years” is not in the official text of Article 6: quote it word for word" },
      { path: "interpretations[0].clause", message: "“SMEs only” is not in the official text of Article 6: quote it word for word" },
    ]);
  });

  it("names a value whose quote states another figure, of each kind", () => {
    const rules = article(
      {
        rate: { percent: 40, text: "50% of the fee" },
        years: { years: 2, text: "for three consecutive years" },
        cap: { yuan: 900_000, text: "up to RMB 1 million" },
        none: { yuan: 5, text: "Support" },
      },
      TEXT,
    );
    expect(quoteIssues(rules, TEXT, "2025-04-30")).toEqual([
      { path: "parameters.rate.text", message: "says 40% but the text quoted does not: change both together" },
      { path: "parameters.years.text", message: "says 2 years but the text quoted does not: change both together" },
      { path: "parameters.cap.text", message: "the amounts (900000) and the amounts the text quoted states (1000000) differ: change both together" },
      { path: "parameters.none.text", message: "the amounts (5) and the amounts the text quoted states (none) differ: change both together" },
    ]);
  });

  it("compares a table's amounts with its quote's as sets", () => {
    const text = "RMB 500,000 for a national standard and RMB 300,000 for a local one";
    const same = article({ table: { yuanByKey: { national: 500_000, local: 300_000, group: 300_000 }, text } }, text);
    expect(quoteIssues(same, text, "2025-04-30")).toEqual([]);
    const missing = article({ table: { yuanByKey: { national: 500_000 }, text } }, text);
    expect(quoteIssues(missing, text, "2025-04-30")).toEqual([
      { path: "parameters.table.text", message: "the amounts (500000) and the amounts the text quoted states (500000, 300000) differ: change both together" },
    ]);
    const other = article({ table: { yuanByKey: { national: 500_000, local: 200_000 }, text } }, text);
    expect(quoteIssues(other, text, "2025-04-30")).toHaveLength(1);
  });

  it("checks only the figures of a guideline's value, whose words are not in the Rules", () => {
    const dated: Parameter = {
      values: [
        { from: "2025-04-30", yuan: 1_000_000, text: "up to RMB 1 million" },
        { from: "2026-01-01", yuan: 1_250_000, text: "最高支持125万元", source: GUIDELINE },
        { from: "2027-01-01", yuan: 1_300_000, text: "最高支持125万元", source: GUIDELINE },
      ],
    };
    expect(quoteIssues(article({ cap: dated }, TEXT), TEXT, "2025-04-30")).toEqual([
      { path: "parameters.cap.values[2].text", message: "the amounts (1300000) and the amounts the text quoted states (1250000) differ: change both together" },
    ]);
  });

  it("wants dated values in order, of one kind, each later one with its guideline", () => {
    const dated: Parameter = {
      values: [
        { from: "2025-04-30", yuan: 1_000_000, text: "up to RMB 1 million" },
        { from: "2025-04-30", percent: 50, text: "50% of the fee", source: GUIDELINE },
        { from: "2025-01-01", percent: 50, text: "50% of the fee" },
      ],
    };
    expect(quoteIssues(article({ cap: dated }, TEXT), TEXT, "2025-04-30")).toEqual([
      { path: "parameters.cap.values[1].from", message: "must be later than the value before it (2025-04-30)" },
      { path: "parameters.cap.values[1]", message: "must be the same kind of value as the one before it (yuan)" },
      { path: "parameters.cap.values[2].from", message: "must be later than the value before it (2025-04-30)" },
      { path: "parameters.cap.values[2].source", message: `a later value needs the guideline that sets it, named in both languages: { "en": "2026 funding guideline §3", "zh": "2026年度申报指南第三条" }` },
    ]);
  });

  it("names each kind of value by its field when the kinds differ", () => {
    const later = (value: Record<string, unknown>) => ({ from: "2026-01-01", ...value, source: GUIDELINE });
    const kinds = (first: Record<string, unknown>, second: Record<string, unknown>) =>
      quoteIssues(article({ p: { values: [{ from: "2025-04-30", ...first }, later(second)] } as Parameter }, TEXT), TEXT, "2025-04-30")
        .filter((issue) => issue.path === "parameters.p.values[1]")
        .map((issue) => issue.message);
    const years = { years: 3, text: "for three consecutive years" };
    const rate = { percent: 50, text: "50% of the fee" };
    const table = { yuanByKey: { a: 1_000_000 }, text: "up to RMB 1 million" };
    expect(kinds(years, rate)).toEqual(["must be the same kind of value as the one before it (years)"]);
    expect(kinds(rate, years)).toEqual(["must be the same kind of value as the one before it (percent)"]);
    expect(kinds(table, rate)).toEqual(["must be the same kind of value as the one before it (yuanByKey)"]);
    expect(kinds(years, years)).toEqual([]);
  });

  it("wants the first value in force from the Rules' start, not later", () => {
    const from = (date: string) => quoteIssues(article({ cap: { values: [{ from: date, yuan: 1_000_000, text: "up to RMB 1 million" }] } }, TEXT), TEXT, "2025-04-30");
    expect(from("2025-04-30")).toEqual([]);
    expect(from("2025-04-29")).toEqual([]);
    expect(from("2025-05-01")).toEqual([{ path: "parameters.cap.values[0].from", message: "the first value must be in force from the Rules' start, 2025-04-30" }]);
  });
});
