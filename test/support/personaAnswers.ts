import { yuanToFen } from "../../src/engine/money.js";
import type { OverlapMember } from "../../src/engine/overlaps.js";
import type { Screening } from "../../src/engine/screening.js";
import { parseKey } from "../../src/interview/buildScreening.js";
import type { QuestionBank } from "../../src/interview/questionBank.js";
import type { CompiledRules } from "../../src/rules/loadRules.js";
import type { AnswerValue } from "../../src/interview/state.js";

/** Reads a value at a path like `infrastructure[0].yearsSupported` from a screening. */
export function readPath(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== "")) {
    if (node === null || node === undefined) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * How an applicant whose facts are `persona` answers a question: from its facts, "don't
 * know" (null) where the persona leaves a fact unknown. Of a choice, it picks only among the
 * options `offered` (the question message's): a social organisation is not offered the
 * enterprise-only topics, whatever else its facts say. `sofar`, the screening the interview
 * has built, tells which of the persona's recognitions a per-recognition question names
 * (those not offered are not in it).
 */
export function personaAnswer(bank: QuestionBank, persona: Screening, key: string, offered?: readonly string[], sofar?: Screening): AnswerValue | null {
  const { question, index: asked } = parseKey(bank, key)!;
  const level = question.each === "recognitions" ? sofar?.recognitions?.[asked!]?.level : undefined;
  const index = level === undefined ? asked : (persona.recognitions ?? []).findIndex((r) => r.level === level);
  const path = question.paths[0]!.replace("[]", `[${index}]`);
  const isOffered = (value: string) => offered === undefined || offered.includes(value);
  switch (question.type) {
    case "topics":
      return (question.options ?? [])
        .filter((o) => !Object.entries(o.ifNotChosen ?? {}).every(([p, value]) => sameValue(readPath(persona, p), value)))
        .map((o) => o.value)
        .filter(isOffered);
    case "recognitions": {
      const list = persona.recognitions;
      return list === undefined ? null : list.map((r) => r.level).filter(isOffered);
    }
    case "overlaps": {
      // The persona's groups named by the options offered; a group left with fewer than two
      // members (the others not eligible) changes nothing and is not told. No more: "no, all different".
      const groups = (persona.overlaps ?? [])
        .map((group) => group.map((member) => overlapOption(member, persona, sofar)).filter((value): value is string => value !== null && isOffered(value)))
        .filter((group) => group.length >= 2);
      return groups[asked!] ?? [];
    }
    case "single": {
      const options = question.options ?? [];
      const setting = options[0]?.sets;
      if (!setting) return (readPath(persona, path) as string | undefined) ?? null;
      // Options that set a fact other than their value (an innovation base, a promotion).
      const actual = readPath(persona, Object.keys(setting)[0]!.replace("[]", `[${index}]`));
      if (actual === undefined && !question.defaulted) return null;
      return options.find((o) => matches(actual, Object.values(o.sets ?? {})[0]))?.value ?? null;
    }
    case "count": {
      const value = readPath(persona, path);
      if (value === undefined) return null;
      return question.makesList ? (value as unknown[]).length : (value as number);
    }
    case "amount": {
      const value = readPath(persona, path);
      return value === undefined ? (question.defaulted ? 0 : null) : yuanToFen(value as number);
    }
    default: {
      const value = readPath(persona, path);
      return value === undefined ? (question.defaulted ? false : null) : (value as AnswerValue);
    }
  }
}

/**
 * The persona with facts the interview cannot hold apart made consistent: a promotion only
 * from a lower-paid recognition (from a higher one is no promotion), and nothing received by a
 * project or base supported for no year. Generated personas may contradict themselves so.
 */
export function consistent(persona: Screening, rules: CompiledRules): Screening {
  const amounts = rules.byId.get("8.1")!.params.levelAmounts as Readonly<Record<string, number>>;
  const out = structuredClone(persona);
  for (const r of out.recognitions ?? []) {
    if (r.promotedFrom && !(amounts[r.promotedFrom]! < amounts[r.level]!)) r.promotedFrom = null;
  }
  for (const project of out.infrastructure ?? []) {
    if (project.yearsSupported === 0 && project.amountReceived !== undefined) project.amountReceived = 0;
  }
  const base = out.futureIndustries?.innovationBase;
  if (base?.yearsSupported === 0 && base.amountReceived !== undefined) base.amountReceived = 0;
  return out;
}

/** The Article 16 option that names a member of the persona's group; recognitions found by level in what the interview has built. */
function overlapOption(member: OverlapMember, persona: Screening, sofar: Screening | undefined): string | null {
  if (typeof member === "string") {
    const [id, n] = member.split("#");
    if (id === "11") return `project:${n === undefined ? 0 : Number(n) - 1}`;
    if (id === "12") return "scenario";
    return { "14": "event", "13": "platform", "10.1": "createForTheFuture", "10.2": "innovationBase", "9": "itai", "7": "standards", "6": "vouchers", "5": "filings" }[id!] ?? null;
  }
  if ("units" in member) return "scenario";
  if ("project" in member) return `project:${member.project}`;
  const level = persona.recognitions?.[member.recognition]?.level;
  const index = (sofar?.recognitions ?? []).findIndex((r) => r.level === level);
  return index < 0 ? null : `recognition:${index}`;
}

/** A persona's fact matches an option's setting: a base level object matches by its level. */
function matches(actual: unknown, wanted: unknown): boolean {
  if (wanted === null) return actual === null || actual === undefined;
  if (typeof wanted === "object" && typeof actual === "object" && actual !== null) {
    return Object.entries(wanted as Record<string, unknown>).every(([k, v]) => (actual as Record<string, unknown>)[k] === v);
  }
  return actual === wanted;
}
