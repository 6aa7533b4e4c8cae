import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Screening } from "../../src/engine/screening.js";
import { evaluate } from "../../src/engine/evaluate.js";
import { rulesOn } from "../../src/engine/compiledRules.js";
import { toResultFile } from "../../src/result/resultFile.js";
import { valueOn } from "../../src/rules/datedParameters.js";
import { DEFAULT_RULES_DIR, loadRules } from "../../src/rules/loadRules.js";
import { rulesFileErrorOf } from "../support/rulesFileError.js";

const rules2025 = loadRules();
/** The Rules' own model-voucher cap and its words, read from rules/ (whatever they are). */
const modelCap = rules2025.articles.find((a) => a.article === "6")!.parameters.modelAnnualCap!;
const RULES_TEXT = "text" in modelCap ? modelCap.text : modelCap.values[0]!.text;
const start = rules2025.policy.validity.validFrom;
const capOf = (fen: unknown) => (fen as number) / 100;
const rulesCap = capOf(rules2025.byId.get("6")!.params.modelAnnualCap);
const dated = (later: Record<string, unknown>[]) => ({ values: [{ from: start, yuan: rulesCap, text: RULES_TEXT }, ...later] });
/** An example guideline (not a real one): named in both languages, its words quoted as it writes them, in Chinese. */
const GUIDELINE = { en: "example guideline §3", zh: "示例申报指南第三条" };
const LATER = { from: "2026-01-01", yuan: 125000, text: "模型券每家企业每年最高支持12.5万元", source: GUIDELINE };

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function withModelCap(value: unknown) {
  dir = mkdtempSync(join(tmpdir(), "dated-"));
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const path = join(dir, "items", "article-06.json");
  const data = JSON.parse(readFileSync(path, "utf8")) as { parameters: Record<string, unknown> };
  data.parameters.modelAnnualCap = value;
  writeFileSync(path, JSON.stringify(data));
  return () => loadRules(dir!);
}

describe("dated parameter values", () => {
  it("keeps the single-value form valid, in force throughout", () => {
    const parameter = { yuan: 1, text: "RMB 1" };
    expect(valueOn(parameter, "2025-01-01")).toEqual({ from: null, value: parameter, path: "" });
    const rules = withModelCap({ yuan: rulesCap, text: RULES_TEXT })();
    for (const day of [start, "2026-06-30", rules.policy.validity.validUntil]) expect(rulesOn(rules, day).byId.get("6")!.params.modelAnnualCap).toBe(rulesCap * 100);
  });

  it("takes the value in force on the date, and the first one before any starts", () => {
    const parameter = { values: [{ from: "2025-04-30", yuan: 1, text: "a" }, { from: "2026-01-01", yuan: 2, text: "b", source: GUIDELINE }] };
    expect(valueOn(parameter, "2025-12-31").value).toEqual({ yuan: 1, text: "a" });
    expect(valueOn(parameter, "2026-01-01").value).toEqual({ yuan: 2, text: "b" });
    expect(valueOn(parameter, "2024-01-01").value).toEqual({ yuan: 1, text: "a" });
  });

  it("splits the rules into periods at each change date, each with the guideline values in force", () => {
    const rules = withModelCap(dated([LATER]))();
    expect(rules.periods.map((period) => period.from)).toEqual([start, "2026-01-01"]);
    expect(rulesOn(rules, "2025-12-31").byId.get("6")!.params.modelAnnualCap).toBe(rulesCap * 100);
    expect(rulesOn(rules, "2026-01-01").byId.get("6")!.params.modelAnnualCap).toBe(12500000);
    expect(rulesOn(rules, "2026-01-01").guidelineValues).toEqual([{ article: "6", param: "modelAnnualCap", from: "2026-01-01", source: GUIDELINE, text: LATER.text }]);
  });

  it("names the guideline value used in the result's notes, in both languages", () => {
    const rules = withModelCap(dated([LATER]))();
    const evaluation = evaluate({ asOf: "2026-02-01" }, rules, "2026-02-01");
    expect(toResultFile(evaluation, "en").notes).toContain("Article 6: from 2026-01-01, example guideline §3 sets “模型券每家企业每年最高支持12.5万元”; this screening used that value.");
    expect(toResultFile(evaluation, "zh").notes).toContain("第6条：自2026-01-01起，示例申报指南第三条规定“模型券每家企业每年最高支持12.5万元”，本次筛查采用该数值。");
  });

  it("names it only where an item that reads it applies or is open: not for an applicant outside the district, nor for one Article 6 cannot apply to", () => {
    const rules = withModelCap(dated([LATER]))();
    const named = (screening: Screening) => evaluate(screening, rules, "2026-02-01").notes.some((note) => note.code === "guideline_value");
    const inTongzhou = { kind: "enterprise" as const, inJurisdiction: true, sectors: ["ai" as const] };
    expect(named({ asOf: "2026-02-01", applicant: { ...inTongzhou, sme: true } })).toBe(true);
    expect(named({ asOf: "2026-02-01", applicant: { ...inTongzhou, sme: false } })).toBe(false);
    expect(named({ asOf: "2026-02-01", applicant: { ...inTongzhou, inJurisdiction: false } })).toBe(false);
  });

  it("refuses values out of order and a later value without its guideline", () => {
    const error = rulesFileErrorOf(withModelCap(dated([{ from: "2025-01-01", yuan: 125000, text: LATER.text }])));
    expect(error.file).toBe("rules/items/article-06.json");
    expect(error.message).toContain("parameters.modelAnnualCap.values[1].from: must be later than the value before it (2025-04-30)");
    expect(error.message).toContain("parameters.modelAnnualCap.values[1].source: a later value needs the guideline that sets it");
  });

  it("refuses a later value of another kind", () => {
    const error = rulesFileErrorOf(withModelCap(dated([{ from: "2026-01-01", percent: 12.5, text: "12.5%", source: GUIDELINE }])));
    expect(error.message).toContain("parameters.modelAnnualCap: must be a money parameter");
  });

  it("refuses a first value that starts after the Rules do, and a guideline figure its quote does not state", () => {
    const late = rulesFileErrorOf(withModelCap({ values: [{ from: "2025-05-01", yuan: rulesCap, text: RULES_TEXT }] }));
    expect(late.message).toContain("parameters.modelAnnualCap.values[0].from: the first value must be in force from the Rules' start, 2025-04-30");
    const wrong = rulesFileErrorOf(withModelCap(dated([{ ...LATER, yuan: 123456 }])));
    expect(wrong.message).toContain("parameters.modelAnnualCap.values[1].text: the amounts (123456) and the amounts the text quoted states (125000) differ");
  });

  it("refuses a guideline named in one language only, or by a plain string, at the path of what is missing", () => {
    const noChinese = rulesFileErrorOf(withModelCap(dated([{ ...LATER, source: { en: GUIDELINE.en } }])));
    expect(noChinese.file).toBe("rules/items/article-06.json");
    expect(noChinese.message).toContain("parameters.modelAnnualCap.values[1].source.zh: the guideline's name in Chinese is missing");
    const noEnglish = rulesFileErrorOf(withModelCap(dated([{ ...LATER, source: { zh: GUIDELINE.zh } }])));
    expect(noEnglish.message).toContain("parameters.modelAnnualCap.values[1].source.en: the guideline's name in English is missing");
    const plain = rulesFileErrorOf(withModelCap(dated([{ ...LATER, source: GUIDELINE.en }])));
    expect(plain.message).toContain("parameters.modelAnnualCap.values[1].source: name the guideline in both languages");
  });
});
