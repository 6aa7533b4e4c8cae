import type { ItemOutcome, ProjectRef, SumPart } from "../engine/outcome.js";
import type { MessageKey } from "../i18n/catalog/index.js";
import { formatYuan } from "../i18n/formatMoney.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";
import { calculationsOf, type Calculation } from "./calculation.js";

const key = (k: string) => k as MessageKey;
const label = (code: string, lang: Lang) => t(lang, key(`label.${code}`));

/** One calculation line in the reader's language: `2 × RMB 500,000 per scenario project = RMB 1,000,000`. */
export function renderCalculation(c: Calculation, lang: Lang): string {
  switch (c.kind) {
    case "fixed":
      return t(lang, "calc.fixed", { fen: formatYuan(c.fen, lang) });
    case "rate":
      return t(lang, "calc.rate", { percent: c.percent, baseFen: c.baseFen, of: rateBase(c.of, c.project, lang), valueFen: c.valueFen });
    case "rateLess":
      return t(lang, "calc.rateLess", { percent: c.percent, contractFen: c.contractFen, hardwareFen: c.hardwareFen, baseFen: c.baseFen, valueFen: c.valueFen });
    case "units":
      return t(lang, "calc.units", { count: c.count, eachFen: c.eachFen, unit: t(lang, key(`calc.unit.${c.unit}`)), totalFen: c.totalFen });
    case "filing":
      return t(lang, "calc.named", { name: t(lang, key(`calc.filing.${c.filing}`)), fen: formatYuan(c.fen, lang) });
    case "recognition":
      return t(lang, "calc.named", { name: label(c.level, lang), fen: formatYuan(c.fen, lang) });
    case "promotion":
      return t(lang, c.levelFen > c.fromFen ? "calc.promotion" : "calc.promotionNone", {
        level: label(c.level, lang), levelFen: c.levelFen, from: label(c.from, lang), fromFen: c.fromFen, fen: formatYuan(c.fen, lang),
      });
    case "sum": {
      const parts = c.parts.map(({ part, fen }) => t(lang, "calc.sumPart", { name: partName(part, lang), fen: formatYuan(fen, lang) }));
      return t(lang, "calc.sum", { parts: parts.join(" + "), totalFen: c.totalFen });
    }
    case "cap": {
      const room = Math.max(0, c.limitFen - c.usedFen);
      const used = c.usedFen > 0 ? t(lang, c.capKind === "annual" ? "calc.usedThisYear" : "calc.used", { usedFen: c.usedFen }) : "";
      return t(lang, c.beforeFen > room ? "calc.capped" : "calc.within", { beforeFen: c.beforeFen, cap: capOf(c.cap, c.limitFen, lang), used, afterFen: c.afterFen });
    }
    case "cumulative":
      return t(lang, c.beforeFen > c.limitFen ? "calc.cumulativeCapped" : "calc.cumulativeWithin", {
        beforeFen: c.beforeFen, cap: capOf(c.cap, c.limitFen, lang), receivedFen: c.receivedFen, afterFen: c.afterFen,
      });
    case "baseCap": {
      const less = c.receivedFen > 0 ? t(lang, "calc.less", { receivedFen: c.receivedFen }) : "";
      return t(lang, "calc.baseCap", { level: label(c.baseLevel, lang), limitFen: c.limitFen, less, afterFen: c.afterFen });
    }
    case "notCounted":
      return t(lang, "calc.notCounted", { countedFen: 0 });
    case "recounted":
      return t(lang, "calc.recounted", { maxFen: c.maxFen, countedFen: c.countedFen });
  }
}

/** The calculation of an eligible item, one line each, indented under it by `indent` (and the recount further). */
export function calculationLines(item: ItemOutcome, lang: Lang, indent = ""): string[] {
  return calculationsOf(item).map(({ calculation, depth }) => `${indent}${depth === 1 ? "  " : ""}${renderCalculation(calculation, lang)}`);
}

function rateBase(of: Extract<Calculation, { kind: "rate" }>["of"], project: ProjectRef | undefined, lang: Lang): string {
  const words = t(lang, key(`calc.of.${of}`));
  if (!project) return words;
  return project.name ? t(lang, "calc.ofProjectNamed", { of: words, index: project.index, name: project.name }) : t(lang, "calc.ofProject", { of: words, index: project.index });
}

function capOf(name: string, limitFen: number, lang: Lang): string {
  return t(lang, key(`calc.capOf.${name}`), { limitFen });
}

/** A part of a sum by its name in the policy ("model vouchers", "MIIT key laboratory"). */
export function partName(part: SumPart, lang: Lang): string {
  switch (part.kind) {
    case "filing":
      return t(lang, key(`calc.filing.${part.filing}`));
    case "voucher":
      return t(lang, key(`calc.voucher.${part.voucher}`));
    case "units":
      return t(lang, key(`calc.units.${part.unit}`));
    case "recognition":
      return label(part.level, lang);
  }
}
