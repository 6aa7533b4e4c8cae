import type { CapUse } from "../engine/outcome.js";
import type { MessageKey } from "../i18n/catalog/index.js";
import type { Lang } from "../i18n/lang.js";
import { t } from "../i18n/translate.js";

/** Whether a cap is worth a line: it lowered the amount, or support was already received under it. */
export const capShown = (cap: CapUse): boolean => cap.afterFen < cap.beforeFen || cap.usedFen > 0;

/**
 * A cap's line, the same on the result screen, the web card and the report: one that lowered
 * the amount limited it; one that did not, with support already received under it, is what the
 * item was counted against. Either way, with the room it leaves.
 */
export function capLine(cap: CapUse, lang: Lang): string {
  const name = t(lang, `screen.cap.${cap.name}` as MessageKey);
  const used = cap.usedFen > 0 ? t(lang, "screen.used", { usedFen: cap.usedFen }) : "";
  return t(lang, cap.afterFen < cap.beforeFen ? "screen.limitedBy" : "screen.countedAgainst", { cap: name, limitFen: cap.limitFen, used, roomFen: cap.roomAfterFen });
}
