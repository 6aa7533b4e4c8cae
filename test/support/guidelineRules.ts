import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_RULES_DIR, loadRules } from "../../src/rules/loadRules.js";
import { valueOn, valuesOf } from "../../src/rules/datedParameters.js";
import type { ArticleRules } from "../../src/rules/schema.js";

/**
 * An annual guideline as a policy officer would ship it, in a copy of rules/: Article 6's
 * model-voucher cap raised by RMB 50,000 from 2026-01-01 (over the cap rules/ has on that day; any
 * later value is dropped), the guideline named in both languages and its own (Chinese) words
 * quoted. An example, not a real guideline.
 */
export const GUIDELINE_FROM = "2026-01-01";
export const GUIDELINE_SOURCE = { en: "2026 funding guideline §3", zh: "2026年度申报指南第三条" };
const RAISE_YUAN = 50_000;
const YUAN_PER_WAN = 10_000;

export interface GuidelineRules {
  dir: string;
  /** The cap in force before the guideline (the Rules' own, whatever rules/ holds) and from its date. */
  beforeYuan: number;
  fromYuan: number;
  /** The guideline's words, as its value quotes them. */
  text: string;
}

export function rulesWithGuidelineModelCap(from = GUIDELINE_FROM): GuidelineRules {
  const dir = mkdtempSync(join(tmpdir(), "rules-guideline-"));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const file = join(dir, "items", "article-06.json");
  const article = JSON.parse(readFileSync(file, "utf8")) as ArticleRules;
  const parameter = article.parameters.modelAnnualCap!;
  const before = valuesOf(parameter).filter((value) => value.from === null || value.from < from);
  const last = before.at(-1)!.value;
  const onTheDate = valueOn(parameter, from).value;
  if (!("yuan" in last) || !("yuan" in onTheDate)) throw new Error("Article 6's model-voucher cap is no longer an amount");
  // Raised from the cap in force on the date, so that the change is a change whatever rules/ ships.
  const fromYuan = onTheDate.yuan + RAISE_YUAN;
  const text = `模型券每家企业每年最高支持${fromYuan / YUAN_PER_WAN}万元`;
  const start = loadRules().policy.validity.validFrom;
  article.parameters.modelAnnualCap = {
    values: [
      ...before.map((value) => ({ from: value.from ?? start, ...value.value, ...(value.source ? { source: value.source } : {}) })),
      { from, yuan: fromYuan, text, source: GUIDELINE_SOURCE },
    ] as Extract<ArticleRules["parameters"][string], { values: unknown }>["values"],
  };
  writeFileSync(file, `${JSON.stringify(article, null, 2)}\n`);
  return { dir, beforeYuan: last.yuan, fromYuan, text };
}

/**
 * A copy of rules/ with every dated parameter reduced to its first value: the Rules' own figures,
 * without any annual guideline. For tests about the result's format, whose stored files a
 * guideline's new figures (and its note) would otherwise change.
 */
export function rulesWithoutGuidelines(): string {
  const dir = mkdtempSync(join(tmpdir(), "rules-alone-"));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  for (const name of readdirSync(join(dir, "items")).filter((file) => file.endsWith(".json"))) {
    const file = join(dir, "items", name);
    const article = JSON.parse(readFileSync(file, "utf8")) as ArticleRules;
    for (const [param, parameter] of Object.entries(article.parameters)) article.parameters[param] = valuesOf(parameter)[0]!.value;
    writeFileSync(file, `${JSON.stringify(article, null, 2)}\n`);
  }
  return dir;
}
