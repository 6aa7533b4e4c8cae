import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScreening } from "../../src/engine/screening.js";
import { buildScreening, keyOf } from "../../src/interview/buildScreening.js";
import { answerVariants } from "../../src/interview/canChange.js";
import { DEFAULT_QUESTIONS_FILE, loadQuestionBank } from "../../src/rules/loadQuestions.js";
import { RulesFileError } from "../../src/rules/loadRules.js";
import { issueLine } from "../../src/validation/issues.js";

const bank = loadQuestionBank();

describe("question bank", () => {
  it("every answer to every question gives a valid screening file", () => {
    const lists = [{ key: "recognitions", value: ["miit_key_laboratory", "beijing_high_end_design_center"] }, { key: "infrastructureProjects", value: 2 }];
    for (const question of bank.questions) {
      for (const index of question.each ? [0, 1] : [null]) {
        // Article 16 options name entries of the lists above: those that exist.
        const listed = question.type === "overlaps" ? question.options!.filter((o) => (o.member?.index ?? 0) < 2).map((o) => o.value) : undefined;
        for (const value of answerVariants(question, listed)) {
          const screening = buildScreening(bank, [...lists, { key: keyOf(question.id, index), value }], "2026-03-01");
          const parsed = parseScreening(screening);
          expect(parsed.ok ? [] : parsed.issues.map(issueLine), `${question.id} = ${JSON.stringify(value)}`).toEqual([]);
        }
      }
    }
  });

  it("asks about every fact of the screening format that the engine reads", () => {
    const asked = new Set(bank.questions.flatMap((q) => [...q.paths, ...(q.options ?? []).flatMap((o) => Object.keys(o.sets ?? {}))]));
    for (const path of ["applicant.inJurisdiction", "applicant.kind", "applicant.sectors", "applicant.sme", "vouchers.modelServices", "itai.hardwareAmount", "infrastructure[].eligibleInvestment", "recognitions[].promotedFrom", "futureIndustries.innovationBase"]) {
      expect(asked.has(path), path).toBe(true);
    }
  });

  it("refuses a malformed bank and names the path", () => {
    const data = JSON.parse(readFileSync(DEFAULT_QUESTIONS_FILE, "utf8"));
    data.questions[1].type = "essay";
    delete data.questions[2].options;
    const file = join(mkdtempSync(join(tmpdir(), "bank-")), "questions.json");
    writeFileSync(file, JSON.stringify(data));
    let error: unknown;
    try {
      loadQuestionBank(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RulesFileError);
    expect((error as Error).message).toContain("questions[1].type");
    expect((error as Error).message).toContain("questions[2].options: required for this type");
  });
});
