import { ITEM_IDS } from "../engine/screening.js";
import type { ItemStatus } from "../engine/outcome.js";
import type { Lang } from "../i18n/lang.js";
import type { ResultFile, ResultItem } from "../result/resultFile.js";

/**
 * The amount of an item counted toward totalMaxSupport. Results from Article 16 version 1.1 say
 * it (`countedSupport`); before that, an item counts whole or not at all.
 */
export function countedAmount(item: ResultItem & { countedSupport?: number | null }): number {
  if (typeof item.countedSupport === "number") return item.countedSupport;
  return item.counted ? (item.maxSupport ?? 0) : 0;
}

/** Sheet 1 of the results: one cell per column, amounts as numbers of yuan. */
export type ResultCell = string | number;

export const RESULT_PATHS: readonly string[] = [
  "row",
  "applicant.name",
  "totalMaxSupport",
  "potentialAdditional",
  ...ITEM_IDS.flatMap((id) => [`${id}.status`, `${id}.counted`]),
  "missing",
];

/** Which columns hold amounts in yuan (shown with two decimals). */
export const AMOUNT_COLUMNS: ReadonlySet<string> = new Set(["totalMaxSupport", "potentialAdditional", ...ITEM_IDS.map((id) => `${id}.counted`)]);

export function resultLabels(lang: Lang): string[] {
  const zh = lang === "zh";
  return [
    zh ? "上传表格行号" : "Row in the upload",
    zh ? "单位名称" : "Applicant name",
    zh ? "可支持金额合计（元，第十六条择优后）" : "Total maximum support (RMB, after Article 16)",
    zh ? "补充信息后最多可增加（元）" : "Could add at most, once the missing facts are known (RMB)",
    ...ITEM_IDS.flatMap((id) => (zh ? [`${id} 状态`, `${id} 计入金额（元）`] : [`${id} status`, `${id} counted amount (RMB)`])),
    zh ? "仍缺少的信息" : "Facts still missing",
  ];
}

const toFen = (yuan: number) => Math.round(yuan * 100);

/** Article 11 has one result item per project: the sheet shows the best status and the sum. */
function itemCells(items: readonly ResultItem[]): [ItemStatus | "", number] {
  const status: ItemStatus | "" = items.some((i) => i.status === "eligible")
    ? "eligible"
    : items.some((i) => i.status === "needs_info")
      ? "needs_info"
      : items.length > 0
        ? "not_eligible"
        : "";
  return [status, items.reduce((fen, item) => fen + toFen(countedAmount(item)), 0) / 100];
}

export function resultRow(row: number, name: string | undefined, result: ResultFile): ResultCell[] {
  const potentialFen = result.items.filter((i) => i.status === "needs_info").reduce((fen, i) => fen + toFen(i.potentialMaxSupport ?? 0), 0);
  const missing = [...new Set(result.items.flatMap((i) => i.missing))];
  return [
    row,
    name ?? "",
    result.totalMaxSupport,
    potentialFen / 100,
    ...ITEM_IDS.flatMap((id) => itemCells(result.items.filter((item) => item.id === id))),
    missing.join(", "),
  ];
}
