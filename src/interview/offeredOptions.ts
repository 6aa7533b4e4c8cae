import type { Evaluation } from "../engine/outcome.js";
import type { Screening } from "../engine/screening.js";
import { rulesOn, type CompiledRules } from "../engine/compiledRules.js";
import { readPath, resolvePath } from "./buildScreening.js";
import { openMembers } from "./overlapMembers.js";
import type { Question, QuestionOption } from "./questionBank.js";

/** Whether one of the option's items can still be granted: none can once the applicant's kind rules them all out. */
function withinReach(option: QuestionOption, evaluation: Evaluation): boolean {
  return option.items === undefined || evaluation.items.some((item) => option.items!.includes(item.id) && item.status !== "not_eligible");
}

/** The amounts of `optionsBelow`'s money table, or null when the rules have no such table. */
function amountTable(rules: CompiledRules, question: Question, asOf: string | undefined): Readonly<Record<string, number>> | null {
  const below = question.optionsBelow;
  const table = below ? (asOf ? rulesOn(rules, asOf) : rules).byId.get(below.item)?.params[below.param] : undefined;
  return typeof table === "object" && table !== null && !("basisPoints" in table) ? (table as Readonly<Record<string, number>>) : null;
}

/**
 * The options the question offers now, in bank order: those whose items the applicant can
 * still get, for a promotion only recognitions paid less than the one it led to (with "not a
 * promotion", which has no amount), and for Article 16 the listed entries still open.
 */
export function offeredOptions(rules: CompiledRules, question: Question, index: number | null, s: Screening, evaluation: Evaluation): QuestionOption[] {
  if (question.type === "overlaps") return openMembers(question, s, evaluation);
  const options = (question.options ?? []).filter((o) => withinReach(o, evaluation));
  const table = amountTable(rules, question, s.asOf);
  if (!table || !question.optionsBelow) return options;
  const ceiling = table[String(readPath(s, resolvePath(question.optionsBelow.path, index)))];
  if (ceiling === undefined) return options;
  return options.filter((o) => table[o.value] === undefined || table[o.value]! < ceiling);
}
