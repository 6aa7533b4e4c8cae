import type { Article, ArticlesFile } from "./articles.js";
import { buildBm25Index, type Bm25Field, type Bm25Index } from "./bm25.js";
import { FAQ_CONFIG } from "./config.js";
import { loadFaqBank, unknownCitations, type FaqBank, type FaqEntry } from "./faqBank.js";
import { loadLexicon, type Lexicon } from "./lexicon.js";
import { fillParamReferences } from "./faqFigures.js";
import { createConceptFinder, createQueryBuilder, type Clause } from "./query.js";
import { buildSupportItems, loadAmountsFile, type AmountsFile, type SupportItem } from "./supportItems.js";
import { splitSentences, type QuoteSentence } from "./quote.js";
import { RulesFileError } from "../rules/readRulesFile.js";
import { DEFAULT_RULES_DIR, loadRules } from "../rules/loadRules.js";
import { articlesOn, type ArticleRulesOn } from "../rules/datedParameters.js";
import { articleTextsOn } from "../rules/articleTexts.js";
import { todayInBeijing } from "../clock.js";
import { join } from "node:path";
import { createTokenizer, type Tokenizer } from "./tokenize.js";
import { createTypoFixer } from "./typos.js";
import { datedFiguresOn, type DatedFigures } from "./datedFigures.js";
import { createOutOfScopeTest, loadOutOfScope, type OutOfScopeFile } from "./outOfScope.js";
import { rulesOn, type CompiledRules } from "../engine/compiledRules.js";

/** A searchable document: an FAQ entry (both languages) or an Article (official text and summaries). */
export type FaqDocument =
  | { kind: "faq"; entry: FaqEntry; articles: readonly string[] }
  | { kind: "article"; article: Article; articles: readonly string[] };

export interface FaqIndex {
  articles: ReadonlyMap<string, Article>;
  faq: ReadonlyMap<string, FaqEntry>;
  /** Each Article's official text in sentences, to quote from. */
  sentences: ReadonlyMap<string, readonly QuoteSentence[]>;
  documents: readonly FaqDocument[];
  bm25: Bm25Index;
  /** The support items of Articles 4 to 14, by Article: their maxima and documents. */
  supportItems: ReadonlyMap<string, readonly SupportItem[]>;
  tokenizer: Tokenizer;
  buildQuery(question: string): Clause[];
  /** The synonym groups a text names (indexes into rules/faq-synonyms.json), for subject checks. */
  concepts(text: string): Set<number>;
  noDuplicationArticle: string;
  /** Per Article, the annual guideline values in force on the index's day and the figures that are not. */
  datedFigures: ReadonlyMap<string, DatedFigures>;
  /** The uncovered district service a (normalized) question asks about, or null. */
  outOfScopeTopic(normalizedQuestion: string): string | null;
}

export interface FaqSources {
  articles: ArticlesFile;
  faq: FaqBank;
  lexicon: Lexicon;
  /** The item files with the parameter values in force on the day the FAQ is for. */
  items: readonly ArticleRulesOn[];
  amounts: AmountsFile;
  outOfScope: OutOfScopeFile;
  /** The Article on combining support for one project ("selecting the best without duplication"). */
  noDuplicationArticle: string;
  /** What annual guidelines change on the day the FAQ is for. */
  datedFigures: ReadonlyMap<string, DatedFigures>;
}

/**
 * The FAQ's files in a rules folder, its figures filled from the item files with the values in
 * force on `today`: the Articles' texts come from the rules loader (or the rules of that folder
 * already loaded), so the FAQ quotes what the engine computes with.
 */
export function loadFaqSources(dir = DEFAULT_RULES_DIR, today = todayInBeijing(), rules: CompiledRules = loadRules(dir)): FaqSources {
  const items = articlesOn(rules.articles, today);
  return {
    articles: articleTextsOn(rules.articleTexts, items),
    faq: fillParamReferences(loadFaqBank(join(dir, "faq.json")), items),
    lexicon: loadLexicon(join(dir, "faq-synonyms.json"), join(dir, "faq-stopwords.json")),
    items,
    amounts: loadAmountsFile(join(dir, "faq-amounts.json")),
    outOfScope: loadOutOfScope(join(dir, "faq-out-of-scope.json")),
    noDuplicationArticle: rules.policy.noDuplication.article,
    datedFigures: datedFiguresOn(rules.articles, today),
  };
}

export function buildFaqIndex(sources: FaqSources): FaqIndex {
  const articles = new Map(sources.articles.articles.map((article) => [article.article, article]));
  const unknown = unknownCitations(sources.faq, new Set(articles.keys()));
  if (unknown.length > 0) throw new RulesFileError("rules/faq.json", unknown);
  const tokenizer = createTokenizer(sources.lexicon);
  const documents: FaqDocument[] = [
    ...sources.faq.entries.map((entry): FaqDocument => ({ kind: "faq", entry, articles: entry.articles })),
    ...sources.articles.articles.map((article): FaqDocument => ({ kind: "article", article, articles: [article.article] })),
  ];
  const bm25 = buildBm25Index(
    documents.map((doc) => documentFields(doc, tokenizer)),
    FAQ_CONFIG.bm25,
  );
  const sentences = new Map(
    [...articles].map(([id, article]) => [id, splitSentences(article.officialTextEn).map((text) => ({ text, terms: new Set(tokenizer.tokenize(text)) }))]),
  );
  const faq = new Map(sources.faq.entries.map((entry) => [entry.id, entry]));
  const supportItems = buildSupportItems(sources.items, sources.amounts);
  return { articles, faq, sentences, documents, bm25, supportItems,
    tokenizer,
    buildQuery: withTypoFixes(sources, tokenizer, bm25, createQueryBuilder(sources.lexicon, tokenizer, bm25)),
    concepts: createConceptFinder(sources.lexicon, tokenizer),
    outOfScopeTopic: createOutOfScopeTest(sources.outOfScope),
    noDuplicationArticle: sources.noDuplicationArticle,
    datedFigures: sources.datedFigures,
  };
}

/** The query builder after a typo in a key term is fixed. */
function withTypoFixes(sources: FaqSources, tokenizer: Tokenizer, bm25: Bm25Index, build: (question: string) => Clause[]): (question: string) => Clause[] {
  const keywords = sources.faq.entries.flatMap((entry) => entry.keywords ?? []);
  const texts = [...sources.faq.entries.flatMap((e) => [e.questionEn, e.answerEn]), ...sources.articles.articles.flatMap((a) => [a.titleEn, a.summaryEn, a.officialTextEn])];
  const words = new Set(texts.flatMap((text) => tokenizer.normalize(text).match(/[a-z]+/g) ?? []));
  const fix = createTypoFixer(sources.lexicon, keywords, words, tokenizer, (term) => bm25.postings(term).length > 0);
  return (question) => build(fix(question));
}

function documentFields(doc: FaqDocument, tokenizer: Tokenizer): Bm25Field[] {
  const w = FAQ_CONFIG.fieldWeights;
  const field = (texts: readonly string[], weight: number): Bm25Field => ({ terms: texts.flatMap((t) => tokenizer.tokenize(t)), weight });
  if (doc.kind === "faq") {
    const { entry } = doc;
    return [
      field([entry.questionEn, entry.questionZh], w.question),
      field(entry.keywords ?? [], w.keywords),
      field([entry.answerEn, entry.answerZh], w.answer),
    ];
  }
  const { article } = doc;
  return [
    field([article.titleEn, article.titleZh], w.title),
    field([article.summaryEn, article.summaryZh], w.summary),
    field([article.officialTextEn], w.officialText),
  ];
}

let cached: { from: string; index: FaqIndex } | undefined;

/**
 * The index over the project's own rules/ files, built on first use and reused until a dated
 * value of the rules changes (a long-running server then states the new figures).
 */
export function getFaqIndex(today = todayInBeijing()): FaqIndex {
  const from = rulesOn(rulesForCache(), today).from;
  if (cached?.from !== from) cached = { from, index: buildFaqIndex(loadFaqSources(DEFAULT_RULES_DIR, today, rulesForCache())) };
  return cached.index;
}

let rules: CompiledRules | undefined;
function rulesForCache(): CompiledRules {
  rules ??= loadRules();
  return rules;
}
