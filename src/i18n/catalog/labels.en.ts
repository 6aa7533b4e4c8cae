/** Names of the screening format's codes (kinds, recognition levels, base levels) for people. */
export const labelsEn = {
  "label.enterprise": "enterprise",
  "label.innovation_consortium": "innovation consortium",
  "label.social_organization": "social organisation",
  "label.industrial_service_institution": "industrial service institution",
  "label.national_manufacturing_innovation_center": "national manufacturing innovation center",
  "label.beijing_industrial_innovation_center": "Beijing industrial innovation center",
  "label.beijing_pilot_verification_platform": "Beijing pilot verification platform",
  "label.miit_key_laboratory": "MIIT key laboratory",
  "label.beijing_high_end_design_center": "Beijing high-end design center",
  "label.beijing_enterprise_technology_center": "Beijing enterprise technology center",
  "label.municipal": "municipal",
  "label.district": "district",
} as const;

export type LabelKey = keyof typeof labelsEn;
