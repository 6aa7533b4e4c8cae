import { CLAUSE_OF_LEVEL } from "../engine/ids.js";
import type { Evaluation, ItemOutcome } from "../engine/outcome.js";
import { MAX_OVERLAP_MEMBERS, type OverlapMember } from "../engine/overlaps.js";
import type { Screening } from "../engine/screening.js";
import type { OverlapOptionMember, Question, QuestionOption } from "./questionBank.js";

/** Article 16 in the interview: the options of the overlap question and the groups they make. */

/** The result item an option stands for (one Article 11 project, the clause of a recognition), or null when its entry is not listed. */
export function memberOutcome(member: OverlapOptionMember, s: Screening, evaluation: Evaluation): ItemOutcome | null {
  const index = member.index ?? 0;
  if (member.each === "infrastructure") {
    if (index >= (s.infrastructure?.length ?? 0)) return null;
    return evaluation.items.find((item) => item.id === "11" && item.project?.index === index + 1) ?? null;
  }
  if (member.each === "recognitions") {
    const level = s.recognitions?.[index]?.level;
    return level ? (evaluation.items.find((item) => item.id === CLAUSE_OF_LEVEL[level]) ?? null) : null;
  }
  return evaluation.items.find((item) => item.id === member.item) ?? null;
}

/** The member of an `overlaps` group (format 1.1) an option stands for: an Article 12 tick is one scenario project. */
export function formatMember(member: OverlapOptionMember, s: Screening): OverlapMember | null {
  const index = member.index ?? 0;
  if (member.each === "infrastructure") return { item: "11", project: index };
  if (member.each === "recognitions") {
    const level = s.recognitions?.[index]?.level;
    return level ? { item: CLAUSE_OF_LEVEL[level], recognition: index } : null;
  }
  if (member.item === "12") return { item: "12", units: 1 };
  return member.item === "8" ? null : member.item;
}

/** The members an overlap option can still be: its item eligible or undecided (the others pay nothing to choose between). */
export function openMembers(question: Question, s: Screening, evaluation: Evaluation): QuestionOption[] {
  return (question.options ?? []).filter((o) => {
    if (!o.member) return true;
    const outcome = memberOutcome(o.member, s, evaluation);
    return outcome !== null && outcome.status !== "not_eligible";
  });
}

/** The next group the overlap question asks about, or none once the groups hold as many members as a screening may. */
export function nextGroup(s: Screening): number[] {
  const used = (s.overlaps ?? []).reduce((sum, group) => sum + group.length, 0);
  return used + 2 <= MAX_OVERLAP_MEMBERS ? [s.overlaps?.length ?? 0] : [];
}

/** The overlap options chosen, as one group; none for "no" or fewer than two members. */
export function groupOf(question: Question, values: readonly string[], s: Screening): OverlapMember[] | null {
  const members = values.flatMap((value) => {
    const member = question.options?.find((o) => o.value === value)?.member;
    const made = member ? formatMember(member, s) : null;
    return made === null ? [] : [made];
  });
  return members.length >= 2 ? members : null;
}
