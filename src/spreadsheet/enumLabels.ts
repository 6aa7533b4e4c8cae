import { APPLICANT_KINDS, BASE_LEVELS, INFRASTRUCTURE_KINDS, RECOGNITION_LEVELS, SECTORS } from "../engine/screening.js";

/** The Chinese label of every code a spreadsheet cell may hold; a cell may hold either. */
export const ENUM_LABELS_ZH: Record<string, string> = {
  enterprise: "企业",
  innovation_consortium: "创新联合体",
  social_organization: "社会组织",
  industrial_service_institution: "产业服务机构",
  ai: "人工智能",
  cybersecurity: "网络安全",
  itai: "信创",
  data_elements: "数据要素",
  advanced_computing: "先进计算",
  blockchain: "区块链",
  metaverse: "元宇宙",
  next_gen_it: "其他新一代信息技术",
  future_information: "未来信息产业",
  other: "其他",
  national_manufacturing_innovation_center: "国家制造业创新中心",
  beijing_industrial_innovation_center: "北京市产业创新中心",
  beijing_pilot_verification_platform: "北京市中试验证平台",
  miit_key_laboratory: "工信部重点实验室",
  beijing_high_end_design_center: "北京市高端设计中心",
  beijing_enterprise_technology_center: "北京市企业技术中心",
  municipal: "市级",
  district: "区级",
  internet_exchange_center: "互联网交换中心",
  blockchain_node: "区块链节点",
  computing_power_dispatch_center: "算力调度中心",
  cybersecurity_facility: "网络安全设施",
  satellite_internet_facility: "卫星互联网设施",
};

/** "None" for a list or an optional part: 无 in the template; every spelling below is read. */
export const NONE_LABEL = "无";
export const NONE_WORDS = new Set(["无", "没有", "none", "no"]);

export const ENUMS = {
  kind: APPLICANT_KINDS,
  sector: SECTORS,
  recognition: RECOGNITION_LEVELS,
  baseLevel: BASE_LEVELS,
  infrastructure: INFRASTRUCTURE_KINDS,
} as const;
