import type { LabelKey } from "./labels.en.js";

export const labelsZh: Record<LabelKey, string> = {
  "label.enterprise": "企业",
  "label.innovation_consortium": "创新联合体",
  "label.social_organization": "社会组织",
  "label.industrial_service_institution": "产业服务机构",
  "label.national_manufacturing_innovation_center": "国家制造业创新中心",
  "label.beijing_industrial_innovation_center": "北京市产业创新中心",
  "label.beijing_pilot_verification_platform": "北京市中试验证平台",
  "label.miit_key_laboratory": "工信部重点实验室",
  "label.beijing_high_end_design_center": "北京市高端设计中心",
  "label.beijing_enterprise_technology_center": "北京市企业技术中心",
  "label.municipal": "市级",
  "label.district": "区级",
};
