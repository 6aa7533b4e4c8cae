import { ENUMS } from "./enumLabels.js";

/**
 * The spreadsheet form of a screening file (docs/screening-format.md, "Spreadsheet form"): one
 * column per field path, lists as numbered slots. Row 1 of a sheet holds these paths; rows 2
 * and 3 the labels.
 */
export type ColumnKind =
  | { type: "text" }
  | { type: "yesno" }
  | { type: "amount" }
  | { type: "count" }
  | { type: "date" }
  /** `none`: the cell may say 无 (none), which sets `path` to `value`: no promotion, no innovation base, an empty list. */
  | { type: "enum"; values: readonly string[]; none?: { path: string; value: null | readonly [] } }
  | { type: "sectors" }
  | { type: "overlaps" };

export interface Column {
  path: string;
  kind: ColumnKind;
  zh: string;
  en: string;
}

/** Slots per list: enough for nearly every applicant; the JSON screening file has no such limit. */
export const RECOGNITION_SLOTS = 3;
export const INFRASTRUCTURE_SLOTS = 3;

const text = { type: "text" } as const;
const yesno = { type: "yesno" } as const;
const amount = { type: "amount" } as const;
const count = { type: "count" } as const;

const col = (path: string, kind: ColumnKind, zh: string, en: string): Column => ({ path, kind, zh, en });

function recognitionColumns(): Column[] {
  return Array.from({ length: RECOGNITION_SLOTS }, (_, i) => [
    col(`recognitions.${i}.level`, { type: "enum", values: ENUMS.recognition, ...(i === 0 ? { none: { path: "recognitions", value: [] } } : {}) },
      `新获认定${i + 1}：级别${i === 0 ? "（没有新认定填“无”）" : ""}`, `New recognition ${i + 1}: level${i === 0 ? " (none: write none)" : ""}`),
    col(`recognitions.${i}.promotedFrom`, { type: "enum", values: ENUMS.recognition, none: { path: `recognitions.${i}.promotedFrom`, value: null } },
      `新获认定${i + 1}：由哪级晋级而来（不是晋级填“无”或留空）`, `New recognition ${i + 1}: promoted from (not a promotion: none or empty)`),
  ]).flat();
}

function infrastructureColumns(): Column[] {
  return Array.from({ length: INFRASTRUCTURE_SLOTS }, (_, i) => [
    col(`infrastructure.${i}.name`, text, `基础设施项目${i + 1}：名称`, `Infrastructure project ${i + 1}: name`),
    col(`infrastructure.${i}.kind`, { type: "enum", values: ENUMS.infrastructure, ...(i === 0 ? { none: { path: "infrastructure", value: [] } } : {}) },
      `基础设施项目${i + 1}：类型${i === 0 ? "（没有项目填“无”）" : ""}`, `Infrastructure project ${i + 1}: kind${i === 0 ? " (no projects: write none)" : ""}`),
    col(`infrastructure.${i}.eligibleInvestment`, amount, `基础设施项目${i + 1}：符合条件的投资额（元）`, `Infrastructure project ${i + 1}: eligible investment (RMB)`),
    col(`infrastructure.${i}.yearsSupported`, count, `基础设施项目${i + 1}：已获支持年数`, `Infrastructure project ${i + 1}: years already supported`),
    col(`infrastructure.${i}.amountReceived`, amount, `基础设施项目${i + 1}：已获支持金额（元）`, `Infrastructure project ${i + 1}: support already received (RMB)`),
  ]).flat();
}

export const COLUMNS: readonly Column[] = [
  col("applicant.name", text, "单位名称", "Applicant name"),
  col("asOf", { type: "date" }, "申报日期（YYYY-MM-DD，留空为今天）", "Screening date (YYYY-MM-DD; empty: today)"),
  col("applicant.kind", { type: "enum", values: ENUMS.kind }, "主体类型", "Kind of applicant"),
  col("applicant.inJurisdiction", yesno, "是否在通州区注册并实际经营（是/否）", "Registered and operating in Tongzhou (yes/no)"),
  col("applicant.sectors", { type: "sectors" }, "所属领域（可多个，用“、”或“,”分隔；都不是填“无”）", "Sectors (several: separate with , or 、; none: write none)"),
  col("applicant.sme", yesno, "是否中小企业（是/否）", "Small or medium-sized enterprise (yes/no)"),
  col("growth.fastGrowth", yesno, "第四条：引领性强、成长快（是/否）", "Art. 4: strong leadership and fast growth (yes/no)"),
  col("growth.receivedBefore", yesno, "第四条：已获过一次性支持（是/否）", "Art. 4: one-time support already received (yes/no)"),
  col("filings.generativeAi", yesno, "第五条：新获生成式人工智能备案（是/否）", "Art. 5: new generative AI filing (yes/no)"),
  col("filings.deepSynthesis", yesno, "第五条：新获深度合成备案（是/否）", "Art. 5: new deep synthesis filing (yes/no)"),
  col("filings.blockchainInfo", yesno, "第五条：新获区块链信息服务备案（是/否）", "Art. 5: new blockchain information service filing (yes/no)"),
  col("filings.goodOutcomes", yesno, "第五条：应用成效良好（是/否）", "Art. 5: good application outcomes (yes/no)"),
  col("filings.receivedThisYear", amount, "第五条：本年度已获支持（元）", "Art. 5: support received this year (RMB)"),
  col("vouchers.modelServices", amount, "第六条：购买模型服务合同金额（元）", "Art. 6: model services contract amount (RMB)"),
  col("vouchers.computingServices", amount, "第六条：购买算力服务合同金额（元）", "Art. 6: computing services contract amount (RMB)"),
  col("vouchers.significantResults", yesno, "第六条：应用成效显著（是/否）", "Art. 6: significant application results (yes/no)"),
  col("vouchers.modelReceivedThisYear", amount, "第六条：本年度已获模型券（元）", "Art. 6: model vouchers received this year (RMB)"),
  col("vouchers.computingReceivedThisYear", amount, "第六条：本年度已获算力券（元）", "Art. 6: computing vouchers received this year (RMB)"),
  col("standards.international", count, "第七条：主导制定国际标准（项）", "Art. 7: international standards led (number)"),
  col("standards.national", count, "第七条：主导制定国家标准（项）", "Art. 7: national standards led (number)"),
  col("standards.local", count, "第七条：主导制定地方或行业标准（项）", "Art. 7: local or industry standards led (number)"),
  col("standards.receivedThisYear", amount, "第七条：本年度已获支持（元）", "Art. 7: support received this year (RMB)"),
  ...recognitionColumns(),
  col("itai.benchmarkFirstSolution", yesno, "第九条：获评市级信创标杆示范首解决方案（是/否）", "Art. 9: city benchmark first solution awarded (yes/no)"),
  col("itai.contractAmount", amount, "第九条：信创产品和服务合同金额（元）", "Art. 9: ITAI contract amount (RMB)"),
  col("itai.hardwareAmount", amount, "第九条：其中硬件金额（元）", "Art. 9: of which hardware (RMB)"),
  col("itai.receivedBefore", amount, "第九条：已获支持（元）", "Art. 9: support already received (RMB)"),
  col("futureIndustries.createForTheFuture", yesno, "第十条：获“创造未来”项目支持（是/否）", "Art. 10: awarded under Create for the Future (yes/no)"),
  col("futureIndustries.createForTheFutureReceived", yesno, "第十条：已获过该项支持（是/否）", "Art. 10: this support already received (yes/no)"),
  col("futureIndustries.innovationBase.level", { type: "enum", values: ENUMS.baseLevel, none: { path: "futureIndustries.innovationBase", value: null } }, "第十条：未来产业创新基地级别（没有填“无”）", "Art. 10: innovation base level (none: write none)"),
  col("futureIndustries.innovationBase.yearsSupported", count, "第十条：创新基地已获支持年数", "Art. 10: innovation base years supported"),
  col("futureIndustries.innovationBase.amountReceived", amount, "第十条：创新基地已获支持金额（元）", "Art. 10: innovation base support received (RMB)"),
  ...infrastructureColumns(),
  col("scenarios.projects", count, "第十二条：本年度应用场景项目数", "Art. 12: application scenario projects this year"),
  col("scenarios.receivedThisYear", amount, "第十二条：本年度已获支持（元）", "Art. 12: support received this year (RMB)"),
  col("platform.publicServicePlatform", yesno, "第十三条：建设公共服务平台（是/否）", "Art. 13: public service platform (yes/no)"),
  col("platform.outstandingOutcomes", yesno, "第十三条：成效突出（是/否）", "Art. 13: outstanding outcomes (yes/no)"),
  col("platform.receivedBefore", yesno, "第十三条：已获过支持（是/否）", "Art. 13: support already received (yes/no)"),
  col("events.expenses", amount, "第十四条：本年度活动实际支出（元）", "Art. 14: actual event expenses this year (RMB)"),
  col("events.significantResults", yesno, "第十四条：活动成效显著（是/否）", "Art. 14: significant results (yes/no)"),
  col("events.receivedThisYear", amount, "第十四条：本年度已获支持（元）", "Art. 14: support received this year (RMB)"),
  col("overlaps", { type: "overlaps" }, "第十六条：同一项目重复申报的条目（JSON，如 [[\"12\",\"14\"]]）", "Art. 16: items claimed for one project (JSON, e.g. [[\"12\",\"14\"]])"),
];

export const COLUMN_BY_PATH: ReadonlyMap<string, Column> = new Map(COLUMNS.map((c) => [c.path, c]));

/** Excel's column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
