import type { Writable } from "node:stream";
import { config as loadDotenv } from "dotenv";
import { UNLIMITED_LLM } from "../assistant/assistant.js";
import { ConfigError } from "../config.js";
import type { Evaluation } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import type { Lang } from "../i18n/lang.js";
import { describeFact } from "../interview/render.js";
import { printedResult } from "../result/printedResult.js";
import type { CompiledRules } from "../rules/loadRules.js";
import { loadQuestionBank } from "../rules/loadQuestions.js";
import { cliAssistant } from "./ask.js";

/*
 * The readable side of `screen FILE`: the printed result and, with --explain, its explanation.
 * src/cli/screen.ts imports this module only when a run asks for them, so a `screen --json` or
 * a batch never loads the question bank, the result's text layout, the LLM client or the
 * configuration's schemas (a one-shot `screen --json` starts that much sooner).
 */

export interface ReadableRun {
  evaluation: Evaluation;
  screening: Screening;
  lang: Lang;
  rules: CompiledRules;
  explain: boolean;
}

/**
 * Writes the readable result to stdout and, with `explain`, its explanation after it: the LLM's
 * with OPENAI_API_KEY (environment or .env), else the template's. Returns false, the message
 * written to stderr, when the configuration the explanation needs is invalid.
 */
export async function printReadable(run: ReadableRun, stdout: Writable, stderr: Writable): Promise<boolean> {
  const { evaluation, screening, lang, rules } = run;
  const describe = describeFact({ bank: loadQuestionBank(), rules, screening });
  stdout.write(`${printedResult(evaluation, rules, lang, { describe, name: screening.applicant?.name })}\n`);
  if (!run.explain) return true;
  loadDotenv({ quiet: true });
  try {
    const explanation = await cliAssistant(process.env, stderr, rules).explain(evaluation, lang, { describe, allowance: UNLIMITED_LLM });
    stdout.write(`\n${explanation.text}\n`);
    return true;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr.write(`${error.message}\n`);
    return false;
  }
}
