import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadArticles } from "../../src/faq/articles.js";
import { loadFaqBank, unknownCitations } from "../../src/faq/faqBank.js";
import { loadFaqSources } from "../../src/faq/faqIndex.js";
import { fillParamReferences } from "../../src/faq/faqFigures.js";
import { formatYuan } from "../../src/i18n/formatMoney.js";
import { articlesFileSchema } from "../../src/rules/articlesFile.js";
import { articlesOn } from "../../src/rules/datedParameters.js";
import { loadRules } from "../../src/rules/loadRules.js";
import { readRulesFile } from "../../src/rules/readRulesFile.js";
import { loadLexicon } from "../../src/faq/lexicon.js";
import { RulesFileError } from "../../src/rules/readRulesFile.js";
import { rulesFileErrorOf } from "../support/rulesFileError.js";

const ARTICLES = Array.from({ length: 19 }, (_, i) => String(i + 1));
const articles = loadArticles();
const rules = loadRules();
/** The FAQ as readers get it: its figures filled from the rules in force on the Rules' first day. */
const bank = loadFaqSources(undefined, rules.policy.validity.validFrom).faq;
const textOf = new Map(articles.articles.map((a) => [a.article, a.officialTextEn]));
const HAN = /\p{Script=Han}/u;

describe("rules/articles.json", () => {
  it("has Articles 1 to 19, each once, in order, in the right chapters", () => {
    expect(articles.articles.map((a) => a.article)).toEqual(ARTICLES);
    const chapters = articles.articles.map((a) => a.chapter).join(" ");
    expect(chapters).toBe("I I I II II II II III III III IV IV IV IV V V V VI VI");
  });

  it("marks the English titles of Articles 15 to 19, which the text does not give, as descriptive", () => {
    expect(articles.articles.filter((a) => !a.titleEnOfficial).map((a) => a.article)).toEqual(["15", "16", "17", "18", "19"]);
    expect(articles.articles.find((a) => a.article === "6")?.titleEn).toBe("Supporting Enterprises in Enhancing Intelligence");
  });

  it("says where the English text comes from and that the Chinese is an unofficial translation", () => {
    expect(articles.translationNote).toContain("www.bjtzh.gov.cn");
    expect(articles.translationNote).toContain("2025-04-30");
    expect(articles.translationNote).toMatch(/unofficial translation/);
  });

  it.each([
    ["1", "Enterprises, innovation consortia, social organizations, and industrial service institutions engaged in research and development, production, and services in areas such as artificial intelligence, cybersecurity, information technology application innovation, data elements, advanced computing, blockchain, metaverse, and other next-generation information technologies and future information sectors, are eligible for support. Adjustments may be made dynamically based on the actual industrial development needs within the jurisdiction."],
    ["6", "The annual subsidy limit for each enterprise is RMB 300,000 for model vouchers and RMB 500,000 for computing vouchers."],
    ["8", "one-time support of up to RMB 1 million and RMB 500,000, respectively, shall be provided\nWhere a promotion to a higher-level recognition occurs, only the difference between the levels will be subsidized."],
    ["9", "For leading enterprises awarded for city-level benchmark demonstration first solutions, support of up to 10% of the contract amount for the ITAI products and services (excluding hardware) shall be provided, with a maximum support of RMB 1 million per enterprise."],
    ["11", "Support will be granted annually based on performance evaluation, for no more than three consecutive years, with cumulative support capped at RMB 20 million per project."],
    ["16", "support shall be provided in accordance with the principle of \"selecting the best without duplication.\""],
    ["19", "These Rules shall come into force as of the date of issuance and remain valid for three years."],
  ])("quotes Article %s of the published English text verbatim", (article, sentence) => {
    expect(textOf.get(article)).toContain(sentence);
  });

  it("gives every Article a Chinese title and summary written in Chinese", () => {
    for (const a of articles.articles) {
      expect(a.titleZh, a.article).toMatch(HAN);
      expect(a.summaryZh, a.article).toMatch(HAN);
    }
  });
});

describe("rules/faq.json", () => {
  it("has at least 60 entries", () => {
    expect(bank.entries.length).toBeGreaterThanOrEqual(60);
  });

  it("cites only Articles that exist, and every Article 1 to 19 is cited by some entry", () => {
    expect(unknownCitations(bank, new Set(ARTICLES))).toEqual([]);
    expect(new Set(bank.entries.flatMap((e) => e.articles))).toEqual(new Set(ARTICLES));
  });

  it("has both languages in every entry", () => {
    for (const e of bank.entries) {
      expect(e.questionZh, e.id).toMatch(HAN);
      expect(e.answerZh, e.id).toMatch(HAN);
      expect(e.questionEn, e.id).toMatch(/[a-z]{3}/i);
      expect(e.answerEn, e.id).toMatch(/[a-z]{3}/i);
    }
  });

  it("states only “up to” amounts that the cited Articles' official text states", () => {
    for (const e of bank.entries) {
      const stated = new Set(e.articles.flatMap((a) => amountsIn(textOf.get(a)!)));
      const claimed = [
        ...[...e.answerEn.matchAll(/up to RMB ([\d,]+(?: million)?)/g)].map((m) => yuan(m[1]!)),
        ...[...e.answerZh.matchAll(/最高(\d+)万元/g)].map((m) => Number(m[1]) * 10_000),
      ];
      for (const amount of claimed) expect(stated, `${e.id} claims ${amount}`).toContain(amount);
    }
  });

  it("gives the spec's reading of the vouchers and of the validity period", () => {
    const answer = (id: string) => bank.entries.find((e) => e.id === id)!;
    const caps = rules.byId.get("6")!.params;
    const yuan = (fen: unknown) => formatYuan(fen as number, "en");
    expect(answer("vouchers-caps").answerEn).toContain(`${yuan(caps.modelAnnualCap)} a year in model vouchers and up to ${yuan(caps.computingAnnualCap)} a year in computing vouchers`);
    expect(answer("vouchers-sme").answerEn).toContain("SMEs) only");
    expect(answer("validity").answerEn).toContain("2025-04-30 to 2028-04-29");
  });
});

function amountsIn(text: string): number[] {
  return [...text.matchAll(/RMB ([\d,]+(?: million)?)/g)].map((m) => yuan(m[1]!));
}

function yuan(written: string): number {
  const million = written.endsWith(" million");
  const n = Number(written.replace(" million", "").replace(/,/g, ""));
  return million ? n * 1_000_000 : n;
}

describe("malformed data files", () => {
  const dir = mkdtempSync(join(tmpdir(), "faq-data-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function write(name: string, data: unknown): string {
    const path = join(dir, name);
    writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data));
    return path;
  }


  it("names an unknown key and a duplicated Article", () => {
    const broken = structuredClone(articles) as unknown as { articles: Record<string, unknown>[] };
    broken.articles[0]!.amounts = ["RMB 200,000"];
    broken.articles[1]!.article = "1";
    const error = rulesFileErrorOf(() => readRulesFile(write("articles-dup.json", broken), articlesFileSchema));
    expect(error.message).toContain("articles[0].amounts: unknown key");
    expect(error.message).toContain("articles[1].article: Article 1 is listed twice");
  });

  it("fills a figure reference with the parameter's value in each language", () => {
    const raw = loadFaqBank();
    const filled = fillParamReferences(raw, articlesOn(rules.articles, rules.policy.validity.validFrom));
    const i = raw.entries.findIndex((e) => e.id === "vouchers-caps");
    expect(raw.entries[i]!.answerEn).toContain("{{param:6.modelAnnualCap}}");
    expect(filled.entries[i]!.answerEn).toContain(formatYuan(rules.byId.get("6")!.params.modelAnnualCap as number, "en"));
    expect(filled.entries[i]!.answerZh).toContain(formatYuan(rules.byId.get("6")!.params.modelAnnualCap as number, "zh"));
  });

  it("names a reference to no parameter, a table without a key and a maximum written as a figure", () => {
    const raw = structuredClone(loadFaqBank());
    raw.entries[0]!.answerEn = "Up to {{param:6.modelCap}}; {{param:5.filingAmounts}}.";
    raw.entries[1]!.answerZh = "每家企业最高12.5万元。";
    raw.entries[2]!.answerEn = "Each enterprise gets up to RMB 123,456.";
    const error = rulesFileErrorOf(() => fillParamReferences(raw, articlesOn(rules.articles, rules.policy.validity.validFrom)));
    expect(error.file).toBe("rules/faq.json");
    expect(error.message).toContain("entries[0].answerEn: {{param:6.modelCap}}: no parameter 6.modelCap in rules/items");
    expect(error.message).toContain("entries[0].answerEn: {{param:5.filingAmounts}}: 5.filingAmounts is a table: name one of its keys (generativeAi, deepSynthesis, blockchainInfo)");
    expect(error.message).toContain("entries[1].answerZh: “最高1” states a figure of the rules");
    expect(error.message).toContain("entries[2].answerEn: “up to RMB 1” states a figure of the rules");
  });

  it("names the path of an FAQ entry with an empty Chinese answer or no citation", () => {
    const broken = structuredClone(bank);
    broken.entries[2]!.answerZh = " ";
    broken.entries[5]!.articles = [];
    const error = rulesFileErrorOf(() => loadFaqBank(write("faq.json", broken)));
    expect(error.message).toContain("entries[2].answerZh: must not be empty");
    expect(error.message).toContain("entries[5].articles: an entry must cite at least one Article");
  });

  it("names a file that is not JSON", () => {
    const path = write("not-json.json", "{ entries: [");
    const error = rulesFileErrorOf(() => loadFaqBank(path));
    expect(error.message).toContain(path);
    expect(error.issues[0]?.path).toBe("(file)");
  });

  it("names the path of a synonym group with a single term", () => {
    const { synonyms } = loadLexicon();
    const path = write("synonyms.json", { ...synonyms, groups: [...synonyms.groups, ["alone"]] });
    const error = rulesFileErrorOf(() => loadLexicon(path));
    expect(error.message).toContain(`groups[${synonyms.groups.length}]: a synonym group needs at least two terms`);
  });

  it("names project files by their path from the project root", () => {
    expect(() => loadFaqBank()).not.toThrow();
    const error = new RulesFileError("rules/faq.json", [{ path: "entries[0].id", message: "x" }]);
    expect(error.message).toBe("rules/faq.json is not a valid rules file:\n  entries[0].id: x");
  });
});
