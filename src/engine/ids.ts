/** The support items and the codes of Article 8's recognitions, shared by the format and the rules. */

export const ITEM_IDS = ["4", "5", "6", "7", "8.1", "8.2", "9", "10.1", "10.2", "11", "12", "13", "14"] as const;
export type ItemId = (typeof ITEM_IDS)[number];

export const RECOGNITION_LEVELS = [
  "national_manufacturing_innovation_center", "beijing_industrial_innovation_center", "beijing_pilot_verification_platform",
  "miit_key_laboratory", "beijing_high_end_design_center", "beijing_enterprise_technology_center",
] as const;
export type RecognitionLevel = (typeof RECOGNITION_LEVELS)[number];

/** The clause of Article 8 that names each recognition: the first three in clause 1, the rest in clause 2. */
export const CLAUSE_OF_LEVEL: Readonly<Record<RecognitionLevel, "8.1" | "8.2">> = {
  national_manufacturing_innovation_center: "8.1",
  beijing_industrial_innovation_center: "8.1",
  beijing_pilot_verification_platform: "8.1",
  miit_key_laboratory: "8.2",
  beijing_high_end_design_center: "8.2",
  beijing_enterprise_technology_center: "8.2",
};
