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
    const parameter = { values: [{ from: "2025-04-30", yuan: 1, text: "a" }, { from: "2026-01-01", yuan: 2, text: "b", source: "g" }] };
    expect(valueOn(parameter, "2025-12-31").value).toEqual({ yuan: 1, text: "a" });
    expect(valueOn(parameter, "2026-01-01").value).toEqual({ yuan: 2, text: "b" });
    expect(valueOn(parameter, "2024-01-01").value).toEqual({ yuan: 1, text: "a" });
  });

  it("splits the rules into periods at each change date, each with the guideline values in force", () => {
    const rules = withModelCap(dated([{ from: "2026-01-01", yuan: 123456, text: "RMB 123,456 for model vouchers", source: "example guideline §3" }]))();
    expect(rules.periods.map((period) => period.from)).toEqual([start, "2026-01-01"]);
    expect(rulesOn(rules, "2025-12-31").byId.get("6")!.params.modelAnnualCap).toBe(rulesCap * 100);
    expect(rulesOn(rules, "2026-01-01").byId.get("6")!.params.modelAnnualCap).toBe(12345600);
    expect(rulesOn(rules, "2026-01-01").guidelineValues).toEqual([{ article: "6", param: "modelAnnualCap", from: "2026-01-01", source: "example guideline §3", text: "RMB 123,456 for model vouchers" }]);
  });

  it("names the guideline value used in the result's notes, in both languages", () => {
    const rules = withModelCap(dated([{ from: "2026-01-01", yuan: 123456, text: "RMB 123,456 for model vouchers", source: "example guideline §3" }]))();
    const evaluation = evaluate({ asOf: "2026-02-01" }, rules, "2026-02-01");
    expect(toResultFile(evaluation, "en").notes).toContain("Article 6: from 2026-01-01, example guideline §3 sets “RMB 123,456 for model vouchers”; this screening used that value.");
    expect(toResultFile(evaluation, "zh").notes).toContain("第6条：自2026-01-01起，example guideline §3规定“RMB 123,456 for model vouchers”，本次筛查采用该数值。");
  });

  it("names it only where an item that reads it applies or is open: not for an applicant outside the district, nor for one Article 6 cannot apply to", () => {
    const rules = withModelCap(dated([{ from: "2026-01-01", yuan: 123456, text: "RMB 123,456 for model vouchers", source: "example guideline §3" }]))();
    const named = (screening: Screening) => evaluate(screening, rules, "2026-02-01").notes.some((note) => note.code === "guideline_value");
    const inTongzhou = { kind: "enterprise" as const, inJurisdiction: true, sectors: ["ai" as const] };
    expect(named({ asOf: "2026-02-01", applicant: { ...inTongzhou, sme: true } })).toBe(true);
    expect(named({ asOf: "2026-02-01", applicant: { ...inTongzhou, sme: false } })).toBe(false);
    expect(named({ asOf: "2026-02-01", applicant: { ...inTongzhou, inJurisdiction: false } })).toBe(false);
  });

  it("refuses values out of order and a later value without its guideline", () => {
    const error = rulesFileErrorOf(withModelCap(dated([{ from: "2025-01-01", yuan: 123456, text: "RMB 123,456 for model vouchers" }])));
    expect(error.file).toBe("rules/items/article-06.json");
    expect(error.message).toContain("parameters.modelAnnualCap.values[1].from: must be later than the value before it (2025-04-30)");
    expect(error.message).toContain("parameters.modelAnnualCap.values[1].source: a later value needs the guideline that sets it");
  });

  it("refuses a later value of another kind", () => {
    const error = rulesFileErrorOf(withModelCap(dated([{ from: "2026-01-01", percent: 12.5, text: "12.5%", source: "g" }])));
    expect(error.message).toContain("parameters.modelAnnualCap: must be a money parameter");
  });

  it("refuses a first value that starts after the Rules do, and a guideline figure its quote does not state", () => {
    const late = rulesFileErrorOf(withModelCap({ values: [{ from: "2025-05-01", yuan: rulesCap, text: RULES_TEXT }] }));
    expect(late.message).toContain("parameters.modelAnnualCap.values[0].from: the first value must be in force from the Rules' start, 2025-04-30");
    const wrong = rulesFileErrorOf(withModelCap(dated([{ from: "2026-01-01", yuan: 123456, text: "RMB 125,000 for model vouchers", source: "g" }])));
    expect(wrong.message).toContain("parameters.modelAnnualCap.values[1].text: the amounts (123456) and the amounts the text quoted states (125000) differ");
  });
});
