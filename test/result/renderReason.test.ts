import { describe, expect, it } from "vitest";
import { reasonText, renderNote, renderReason } from "../../src/result/renderReason.js";

describe("reasons in the reader's language", () => {
  it("cites the Article, or the Article and clause, before the reason", () => {
    const reason = { code: "not_sme", cite: "6" } as const;
    expect(renderReason(reason, "en")).toBe("Article 6: model and computing vouchers are for small and medium-sized enterprises only");
    expect(renderReason(reason, "zh")).toBe("第六条：模型券、算力券仅支持中小企业");
    expect(renderReason({ code: "not_sme", cite: "10.2" }, "en")).toBe("Article 10(2): model and computing vouchers are for small and medium-sized enterprises only");
    expect(renderReason({ code: "not_sme", cite: "10.2" }, "zh")).toBe("第十条第二款：模型券、算力券仅支持中小企业");
  });

  it("gives the same sentence each time, whichever language or Article was rendered before", () => {
    const six = { code: "not_sme", cite: "6" } as const;
    const nine = { code: "not_sme", cite: "9" } as const;
    const first = [renderReason(six, "en"), renderReason(nine, "en"), renderReason(six, "zh"), renderReason(nine, "zh")];
    expect([renderReason(six, "en"), renderReason(nine, "en"), renderReason(six, "zh"), renderReason(nine, "zh")]).toEqual(first);
    expect(first[1]).toBe("Article 9: model and computing vouchers are for small and medium-sized enterprises only");
    expect(first[3]).toBe("第九条：模型券、算力券仅支持中小企业");
  });

  it("passes counts and amounts on as they are", () => {
    expect(renderReason({ code: "years_exhausted", cite: "11", params: { maxYears: 3, years: 3 } }, "en")).toBe("Article 11: support is limited to 3 consecutive years (3 already supported)");
    expect(reasonText({ code: "years_exhausted", cite: "11", params: { maxYears: 3, years: 2 } }, "zh")).toBe("支持期限不超过连续3年（已支持2年）");
  });

  it("names the screening format's codes (a kind, levels) for people, keeping a code it has no name for", () => {
    expect(reasonText({ code: "not_enterprise", cite: "5", params: { kind: "social_organization" } }, "en")).toBe("only enterprises can receive this support (the applicant is: social organisation)");
    expect(reasonText({ code: "not_enterprise", cite: "5", params: { kind: "unheard_of" } }, "en")).toBe("only enterprises can receive this support (the applicant is: unheard_of)");
    expect(reasonText({ code: "no_recognition", cite: "8.1", params: { levels: "national_manufacturing_innovation_center, miit_key_laboratory" } }, "en")).toBe(
      "requires a new recognition as one of: national manufacturing innovation center, MIIT key laboratory",
    );
    expect(reasonText({ code: "no_recognition", cite: "8.1", params: { levels: "national_manufacturing_innovation_center, miit_key_laboratory" } }, "zh")).toBe("需新获以下认定之一：国家制造业创新中心、工信部重点实验室");
    expect(reasonText({ code: "promotion_difference", cite: "8.1", params: { promotedFrom: "beijing_enterprise_technology_center", level: "miit_key_laboratory" } }, "en")).toBe(
      "promotion from Beijing enterprise technology center to MIIT key laboratory: only the difference is paid",
    );
  });

  it("names the member Article 16 kept: an item, a project, scenario projects or a recognition", () => {
    const duplicate = (keptPart: string, keptN?: number) => ({ code: "not_counted_duplicate", cite: "16", params: { group: 2, keptItem: "11", keptPart, ...(keptN === undefined ? {} : { keptN }) } });
    expect(reasonText(duplicate("project", 3), "en")).toBe(
      "claimed for the same project as project 3 under Article 11 (overlap group 2): selecting the best without duplication counts project 3 under Article 11, and not this item",
    );
    expect(reasonText(duplicate("project", 3), "zh")).toBe("与第十一条项目3为同一项目（重叠组2），按“择优不重复”原则计入第十一条项目3，本项不计入合计");
    expect(reasonText(duplicate("whole"), "en")).toContain("claimed for the same project as Article 11 (overlap group 2)");
    expect(reasonText(duplicate("units", 4), "en")).toContain("as 4 scenario project(s) under Article 11 (");
    expect(reasonText(duplicate("recognition", 1), "en")).toContain("as recognition 1 under Article 11 (");
  });

  it("names the level of a recognition Article 16 left out", () => {
    const reason = { code: "part_not_counted_recognition", cite: "16", params: { group: 1, keptItem: "9", keptPart: "whole", keptN: 0, recognition: 2, level: "miit_key_laboratory" } };
    expect(reasonText(reason, "en")).toBe(
      "recognition 2 (MIIT key laboratory) is the same project as Article 9 (overlap group 1): selecting the best without duplication counts Article 9 and leaves the recognition out of this item",
    );
  });

  it("writes notes with their parameters", () => {
    const note = { code: "guideline_value", cite: "6", params: { article: "6", from: "2026-01-01", source: "example guideline §3", text: "12.5万元" } };
    expect(renderNote(note, "en")).toBe("Article 6: from 2026-01-01, example guideline §3 sets “12.5万元”; this screening used that value.");
  });
});
