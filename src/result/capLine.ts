import type { CapUse } from "../engine/outcome.js";
import type { MessageKey } from "../i18n/catalog/index.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";

/** Whether a cap is worth a line: it lowered the amount, or support was already received under it. */
export const capShown = (cap: CapUse): boolean => cap.afterFen < cap.beforeFen || cap.usedFen > 0;

/** What every sentence about a cap says: its name, what was already received under it, and whether it lowered the amount. */
export function capWords(cap: CapUse, lang: Lang): { name: string; used: string; limited: boolean } {
  return {
    name: t(lang, `screen.cap.${cap.name}` as MessageKey),
    used: cap.usedFen > 0 ? t(lang, "screen.used", { usedFen: cap.usedFen }) : "",
    limited: cap.afterFen < cap.beforeFen,
  };
}

/**
 * A cap's line, the same on the result screen, the web card and the report: one that lowered
 * the amount limited it; one that did not, with support already received under it, is what the
 * item was counted against. Either way, with the room it leaves.
 */
export function capLine(cap: CapUse, lang: Lang): string {
  const { name, used, limited } = capWords(cap, lang);
  return t(lang, limited ? "screen.limitedBy" : "screen.countedAgainst", { cap: name, limitFen: cap.limitFen, used, roomFen: cap.roomAfterFen });
}
