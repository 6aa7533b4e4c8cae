import type { ResultKey } from "./result.en.js";

export const resultZh: Record<ResultKey, string> = {
  "status.eligible": "符合",
  "status.not_eligible": "不符合",
  "status.needs_info": "待补充信息",
  "result.title": "预筛查结果",
  "result.asOf": "筛查日期：{asOf} · 规则版本 {rulesVersion}",
  "result.column.item": "条款",
  "result.column.status": "结论",
  "result.column.max": "最高",
  "result.total": "按第十六条择优不重复后合计：最高{totalFen}",
  "result.openPotential": "尚待确认：若未知信息均有利，最多还可增加{openFen}",
  "result.notCounted": "（不计入合计）",
  "result.countedPart": "（计入合计：{countedFen}）",
  "result.missing": "需补充：{paths}",
  "result.potential": "最高可能达到{potentialFen}",
  "result.project": "项目{index}",
  "result.notInForce": "筛查日期不在细则有效期内。",
};
