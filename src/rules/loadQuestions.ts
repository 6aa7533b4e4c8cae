import { join } from "node:path";
import { bankSchema, questionBankOf, type QuestionBank } from "../interview/questionBank.js";
import { projectRoot } from "../paths.js";
import { readRulesFile } from "./readRulesFile.js";

export const DEFAULT_QUESTIONS_FILE = join(projectRoot, "rules", "questions.json");

/** Loads and checks the question bank; a malformed file throws a RulesFileError naming the path. */
export function loadQuestionBank(file = DEFAULT_QUESTIONS_FILE): QuestionBank {
  return questionBankOf(readRulesFile(file, bankSchema).questions);
}
