import { yuanToFen } from "../engine/money.js";
import type { Screening } from "../engine/screening.js";
import { readPath, resolvePath } from "../interview/buildScreening.js";
import { formatMember } from "../interview/overlapMembers.js";
import type { Question } from "../interview/questionBank.js";
import { formatAnswer, optionLabel, questionText, type RenderContext } from "../interview/render.js";
import type { AnswerValue } from "../interview/state.js";

export interface ReportAnswer {
  question: string;
  answer: string;
}

/**
 * The answers as the screening records them: each question whose fact is known, with its
 * canonical answer ("RMB 1,200,000", not what was typed). Read from the stored screening, so a
 * report of any stored case lists them, and "don't know" answers appear under what is unknown.
 * The topic picker has no fact of its own: the facts it settles appear under their questions.
 * Each Article 16 group (items declared to be one project) is listed with the items it joins.
 */
export function reportAnswers(ctx: RenderContext): ReportAnswer[] {
  const out: ReportAnswer[] = [];
  for (const question of ctx.bank.questions) {
    if (question.type === "topics") continue;
    if (question.type === "overlaps") {
      out.push(...overlapAnswers(question, ctx));
      continue;
    }
    const list = question.each ? readPath(ctx.screening, question.each) : undefined;
    const indexes = question.each ? (Array.isArray(list) ? list.map((_, i) => i) : []) : [null];
    for (const index of indexes) {
      const value = answerOf(question, index, ctx.screening);
      if (value !== undefined) out.push({ question: questionText(question, index, ctx), answer: formatAnswer(question, value, ctx.lang) });
    }
  }
  return out;
}

function answerOf(question: Question, index: number | null, screening: Screening): AnswerValue | undefined {
  const raw = readPath(screening, resolvePath(question.paths[0]!, index));
  switch (question.type) {
    case "yes_no":
      return typeof raw === "boolean" ? raw : undefined;
    case "text":
      return typeof raw === "string" ? raw : undefined;
    case "multi":
      return Array.isArray(raw) ? (raw as string[]) : undefined;
    case "recognitions":
      return Array.isArray(raw) ? (raw as { level: string }[]).map((r) => r.level) : undefined;
    case "amount":
      return typeof raw === "number" ? yuanToFen(raw) : undefined;
    case "count":
      if (question.makesList) return Array.isArray(raw) ? raw.length : undefined;
      return typeof raw === "number" ? raw : undefined;
    case "single": {
      if (raw === undefined) return undefined;
      const options = question.options ?? [];
      if (!options.some((o) => o.sets)) return typeof raw === "string" ? raw : undefined;
      const chosen = options.find((o) => Object.entries(o.sets ?? {}).every(([path, wanted]) => matches(readPath(screening, resolvePath(path, index)), wanted)));
      return chosen?.value;
    }
    default:
      return undefined;
  }
}

/** An option that sets an object (an innovation base's level) matches a fact with more fields. */
function matches(actual: unknown, wanted: unknown): boolean {
  if (wanted === null) return actual === null;
  if (typeof wanted === "object" && typeof actual === "object" && actual !== null) {
    return Object.entries(wanted as Record<string, unknown>).every(([key, value]) => (actual as Record<string, unknown>)[key] === value);
  }
  return actual === wanted;
}

/** The screening's Article 16 groups, each under the question that made it, its members named as its options were. */
function overlapAnswers(question: Question, ctx: RenderContext): ReportAnswer[] {
  return (ctx.screening.overlaps ?? []).map((group, index) => {
    const wanted = new Set(group.map((member) => JSON.stringify(member)));
    const labels = (question.options ?? []).filter((o) => o.member && wanted.has(JSON.stringify(formatMember(o.member, ctx.screening)))).map((o) => optionLabel(o, ctx));
    return { question: questionText(question, index, ctx), answer: labels.join(ctx.lang === "en" ? "; " : "；") };
  });
}
