import type { CapUse, Evaluation, ItemOutcome } from "../engine/outcome.js";
import type { MessageKey } from "../i18n/catalog/index.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import type { CompiledRules } from "../engine/compiledRules.js";
import { calculationsOf, type Calculation } from "./calculation.js";
import { capWords } from "./capLine.js";
import { partName } from "./renderCalculation.js";
import { reasonText } from "./renderReason.js";
import { itemHeading, questionsToSettle, type DescribeFact } from "./summaryText.js";

const ARTICLE16 = new Set(["not_counted_duplicate", "part_not_counted_units", "part_not_counted_recognition"]);
const key = (k: string) => k as MessageKey;
const label = (code: string, lang: Lang) => t(lang, key(`label.${code}`));

/**
 * The explanation without an LLM: a few plain sentences per item saying what its amount is made
 * of, which cap held it and how much of the cap is left, what Article 16 leaves out, what is still
 * open and what it could add, and near misses. Deterministic: the same result gives the same text.
 */
export function explainResult(evaluation: Evaluation, rules: CompiledRules, lang: Lang, describe: DescribeFact): string {
  const { items } = evaluation;
  const eligible = items.filter((item) => item.status === "eligible");
  const open = items.filter((item) => item.status === "needs_info");
  const nearMisses = items.filter((item) => item.ifConditionMetFen !== null);
  const intro = [eligible.length > 0 ? t(lang, "explain.intro", { eligible: eligible.length, totalFen: evaluation.totalMaxSupportFen }) : t(lang, "explain.introNone")];
  if (open.length > 0) intro.push(t(lang, "explain.introOpen", { open: open.length, openFen: evaluation.openPotentialFen }));
  const paragraphs = [intro];
  for (const item of eligible) paragraphs.push(eligibleSentences(item, rules, lang));
  for (const item of open) {
    const questions = questionsToSettle(item, lang, describe).join(lang === "en" ? " / " : "；");
    paragraphs.push([t(lang, "explain.open", { item: itemHeading(item, rules, lang), potentialFen: item.potentialMaxSupportFen ?? 0, questions })]);
  }
  for (const item of nearMisses) paragraphs.push([t(lang, "explain.nearMiss", { item: itemHeading(item, rules, lang), reason: reasonText(item.reasons[0]!, lang), ifMetFen: item.ifConditionMetFen! })]);
  const others = items.length - eligible.length - open.length - nearMisses.length;
  const closing = others > 0 ? [t(lang, "explain.others", { count: others })] : [];
  closing.push(t(lang, "explain.closing"));
  paragraphs.push(closing);
  return paragraphs.map((sentences) => sentences.join(lang === "en" ? " " : "")).join("\n\n");
}

function eligibleSentences(item: ItemOutcome, rules: CompiledRules, lang: Lang): string[] {
  const sentences = [t(lang, "explain.item", { item: itemHeading(item, rules, lang), amountFen: item.maxSupportFen ?? 0 })];
  const steps = calculationsOf(item).filter(({ depth }) => depth === 0).map(({ calculation }) => calculation);
  const summed = steps.some((c) => c.kind === "sum");
  for (const c of steps) {
    const sentence = madeOf(c, summed, lang);
    if (sentence) sentences.push(sentence);
  }
  for (const cap of item.caps) sentences.push(...capSentences(cap, lang));
  const why = item.reasons.filter((reason) => ARTICLE16.has(reason.code)).map((reason) => reasonText(reason, lang)).join(lang === "en" ? "; " : "；");
  if (item.countedSupportFen === 0) sentences.push(t(lang, "explain.notCounted", { reason: why }));
  else if (item.countedSupportFen < (item.maxSupportFen ?? 0)) sentences.push(t(lang, "explain.countedPart", { countedFen: item.countedSupportFen, reason: why }));
  return sentences;
}

/** What one calculation says about the amount's make-up; parts of a sum are said by the sum. */
function madeOf(c: Calculation, summed: boolean, lang: Lang): string | null {
  const money = (fen: number) => formatYuan(fen, lang);
  switch (c.kind) {
    case "fixed":
      return t(lang, "explain.fixed");
    case "rate":
      return t(lang, "explain.rate", { percent: c.percent, of: t(lang, key(`calc.of.${c.of}`)), baseFen: c.baseFen });
    case "rateLess":
      return t(lang, "explain.rateLess", { percent: c.percent, contractFen: c.contractFen, hardwareFen: c.hardwareFen, baseFen: c.baseFen });
    case "units":
      if (summed) return null;
      return t(lang, "explain.units", { count: c.count, unit: t(lang, key(`calc.${countedForm(c.count, lang)}.${c.unit}`)), eachFen: c.eachFen });
    case "filing":
      return summed ? null : t(lang, "explain.part", { name: t(lang, key(`calc.filing.${c.filing}`)), fen: money(c.fen) });
    case "recognition":
      return summed ? null : t(lang, "explain.part", { name: label(c.level, lang), fen: money(c.fen) });
    case "promotion":
      return t(lang, "explain.promotion", { level: label(c.level, lang), from: label(c.from, lang), fen: money(c.fen) });
    case "sum": {
      const parts = c.parts.map(({ part, fen }) => t(lang, "calc.sumPart", { name: partName(part, lang), fen: money(fen) }));
      return t(lang, "explain.parts", { parts: parts.join(lang === "en" ? " and " : "与") });
    }
    default:
      // Caps are said from the item's caps, with the room they leave; Article 16 from its reasons.
      return null;
  }
}

/** English says "1 national standard", "2 national standards"; Chinese counts with a measure word ("2项国家标准"), which the singular form carries. */
const countedForm = (count: number, lang: Lang) => (count === 1 || lang === "zh" ? "unit" : "units");

function capSentences(cap: CapUse, lang: Lang): string[] {
  const { name, used, limited } = capWords(cap, lang);
  const first = limited ? t(lang, "explain.capHeld", { afterFen: cap.afterFen, cap: name, limitFen: cap.limitFen, used }) : t(lang, "explain.capWithin", { cap: name, limitFen: cap.limitFen, used });
  return [first, cap.roomAfterFen > 0 ? t(lang, "explain.room", { roomFen: cap.roomAfterFen }) : t(lang, "explain.roomNone")];
}
