import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseScreening } from "../../src/engine/screening.js";
import { buildScreening, keyOf } from "../../src/interview/buildScreening.js";
import { answerVariants } from "../../src/interview/canChange.js";
import { questionBankOf, type Question } from "../../src/interview/questionBank.js";
import { MAX_LISTED_PROJECTS } from "../../src/interview/validateAnswer.js";
import { RECOGNITION_LEVELS } from "../../src/engine/screening.js";
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

type BankQuestion = Record<string, unknown> & { id: string; type: string };

/** The bank file as written, changed by `edit`, loaded: the error's message, or "" if it loads. */
function refusalOf(edit: (questions: BankQuestion[]) => void): string {
  const data = JSON.parse(readFileSync(DEFAULT_QUESTIONS_FILE, "utf8")) as { questions: BankQuestion[] };
  edit(data.questions);
  const file = join(mkdtempSync(join(tmpdir(), "bank-")), "questions.json");
  writeFileSync(file, JSON.stringify(data));
  try {
    loadQuestionBank(file);
    return "";
  } catch (error) {
    expect(error).toBeInstanceOf(RulesFileError);
    return (error as Error).message;
  }
}

const find = (questions: BankQuestion[], id: string) => questions.find((q) => q.id === id)!;
const indexOf = (questions: BankQuestion[], id: string) => questions.findIndex((q) => q.id === id);

describe("a malformed question bank is refused with the path and the fix", () => {
  it("the bank as shipped loads", () => {
    expect(refusalOf(() => {})).toBe("");
  });

  it("options on a question that is not a choice", () => {
    let at = -1;
    const message = refusalOf((questions) => {
      at = indexOf(questions, "sme");
      questions[at]!.options = [{ value: "yes", label: { en: "Yes", zh: "是" } }];
    });
    expect(message).toContain(`questions[${at}].options: only for choice questions`);
  });

  it("a choice question without options", () => {
    let at = -1;
    const message = refusalOf((questions) => {
      at = indexOf(questions, "kind");
      delete questions[at]!.options;
    });
    expect(message).toContain(`questions[${at}].options: required for this type`);
  });

  it("a defaulted question that does not name the items it can change", () => {
    let at = -1;
    const message = refusalOf((questions) => {
      at = indexOf(questions, "growthReceived");
      delete questions[at]!.items;
    });
    expect(message).toContain(`questions[${at}].items: a defaulted question names the items it can change`);
  });

  it("a text question not marked as a detail, and a detail that is not text", () => {
    let name = -1;
    let sme = -1;
    const message = refusalOf((questions) => {
      name = indexOf(questions, "name");
      sme = indexOf(questions, "sme");
      delete questions[name]!.detail;
      questions[sme]!.detail = true;
    });
    expect(message).toContain(`questions[${name}].detail: text questions, and only they, are details`);
    expect(message).toContain(`questions[${sme}].detail: text questions, and only they, are details`);
  });

  it("two questions with the same id, reported at the second", () => {
    let second = -1;
    const message = refusalOf((questions) => {
      second = indexOf(questions, "fastGrowth");
      find(questions, "fastGrowth").id = "sme";
    });
    expect(message).toContain(`questions[${second}].id: duplicate question id sme`);
    expect(message.match(/duplicate question id/g)).toHaveLength(1);
  });
});

describe("overlap options that stand for one entry of a list", () => {
  const overlap = () => bank.byId.get("overlap")!;
  const optionsOf = (value: string) => overlap().options!.filter((o) => o.value === value || o.value.startsWith(`${value}:`));

  it("become one option per possible infrastructure project, numbered from 1", () => {
    const projects = optionsOf("project");
    expect(projects).toHaveLength(MAX_LISTED_PROJECTS);
    expect(projects[0]).toEqual({
      value: "project:0",
      label: { en: "Infrastructure project 1 (Article 11)", zh: "第1个新型基础设施项目（第十一条）" },
      member: { item: "11", each: "infrastructure", index: 0 },
    });
    expect(projects.at(-1)!.value).toBe(`project:${MAX_LISTED_PROJECTS - 1}`);
    expect(projects.at(-1)!.label.en).toBe(`Infrastructure project ${MAX_LISTED_PROJECTS} (Article 11)`);
    expect(projects.at(-1)!.member).toEqual({ item: "11", each: "infrastructure", index: MAX_LISTED_PROJECTS - 1 });
  });

  it("become one option per recognition level, each naming its index", () => {
    const recognitions = optionsOf("recognition");
    expect(recognitions.map((o) => o.value)).toEqual(RECOGNITION_LEVELS.map((_, i) => `recognition:${i}`));
    expect(recognitions.map((o) => o.member?.index)).toEqual(RECOGNITION_LEVELS.map((_, i) => i));
  });

  it("leave the options for a whole item as they are, in bank order", () => {
    const values = overlap().options!.map((o) => o.value.replace(/:\d+$/, ""));
    expect([...new Set(values)]).toEqual(["none", "scenario", "event", "project", "recognition", "platform", "createForTheFuture", "innovationBase", "itai", "standards", "vouchers", "filings"]);
    expect(overlap().options![0]).toEqual({ value: "none", label: { en: "No, all different", zh: "没有，各不相同" } });
    expect(overlap().options![1]).toEqual({ value: "scenario", label: { en: "One of your application scenario projects (Article 12)", zh: "某个应用场景项目（第十二条）" }, member: { item: "12" } });
  });

  it("a question whose options stand for whole items only is kept as it is", () => {
    const question: Question = {
      id: "shared",
      type: "overlaps",
      paths: ["overlaps"],
      text: { en: "Shared?", zh: "共用？" },
      why: { en: "Why", zh: "为何" },
      help: { en: "Help", zh: "帮助" },
      options: [{ value: "platform", label: { en: "Platform", zh: "平台" }, member: { item: "13" } }],
    };
    const built = questionBankOf([question]);
    expect(built.questions[0]).toBe(question);
    expect(built.byId.get("shared")).toBe(question);
  });
});
