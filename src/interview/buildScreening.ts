import type { Screening } from "../engine/screening.js";
import { memo } from "../memo.js";
import { fenToYuan } from "../engine/money.js";
import { groupOf } from "./overlapMembers.js";
import type { Question, QuestionBank } from "./questionBank.js";
import type { AnswerValue, LogEntry } from "./state.js";

export interface QuestionRef {
  question: Question;
  /** Index into the question's `each` list, or null. */
  index: number | null;
}

export function keyOf(id: string, index: number | null): string {
  return index === null ? id : `${id}#${index}`;
}

/** Keys already read, per question bank: the interview reads the same few keys and paths many times a step. */
const refsByBank = new WeakMap<QuestionBank, (key: string) => QuestionRef | null>();

export function parseKey(bank: QuestionBank, key: string): QuestionRef | null {
  let refOf = refsByBank.get(bank);
  // Stryker disable next-line ConditionalExpression: a memo; a new one per call reads keys the same.
  if (!refOf) refsByBank.set(bank, (refOf = memo((k) => readKey(bank, k))));
  return refOf(key);
}

function readKey(bank: QuestionBank, key: string): QuestionRef | null {
  const [id, index] = key.split("#");
  const question = bank.byId.get(id!);
  // Per-entry questions, and the Article 16 question (once per shared project), carry an index.
  const indexed = question?.each !== undefined || question?.type === "overlaps";
  if (!question || (index === undefined) === indexed) return null;
  return { question, index: index === undefined ? null : Number(index) };
}

/** `infrastructure[].eligibleInvestment` for entry 1 is `infrastructure[1].eligibleInvestment`. */
export function resolvePath(path: string, index: number | null): string {
  return index === null ? path : path.replace("[]", `[${index}]`);
}

type Node = Record<string, unknown> | unknown[];

/** The parts of each path seen: paths are split once, not on every answer replayed. */
const partsOf = memo((path): readonly string[] => path.split(/\.|\[(\d+)\]/).filter((part) => part !== undefined && part !== ""));

/** The value at a path such as `infrastructure[0].yearsSupported`; undefined when any part is absent. */
export function readPath(root: unknown, path: string): unknown {
  let node = root;
  for (const part of partsOf(path)) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** Sets a value at a path such as `infrastructure[0].yearsSupported`; false when a list entry is absent. */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): boolean {
  const parts = partsOf(path);
  let node: Node = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]!;
    const next: unknown = Array.isArray(node) ? node[Number(part)] : node[part];
    // Nothing lies under a fact answered "none" (no innovation base): an answer left about it is moot.
    if (next === null) return false;
    if (next === undefined) {
      if (Array.isArray(node) || /^\d+$/.test(parts[i + 1]!)) return false;
      const created: Record<string, unknown> = {};
      node[part] = created;
      node = created;
    } else node = next as Node;
  }
  const last = parts[parts.length - 1]!;
  if (Array.isArray(node)) node[Number(last)] = value;
  else node[last] = value;
  return true;
}

function applyPatch(root: Record<string, unknown>, patch: Record<string, unknown>, index: number | null): void {
  // A list or object value is copied: the bank's own value must not become part of a screening.
  for (const [path, value] of Object.entries(patch)) setPath(root, resolvePath(path, index), typeof value === "object" && value !== null ? structuredClone(value) : value);
}

function applyAnswer(root: Record<string, unknown>, { question, index }: QuestionRef, value: AnswerValue): void {
  const path = resolvePath(question.paths[0]!, index);
  switch (question.type) {
    case "yes_no":
    case "multi":
    case "text":
      setPath(root, path, value);
      return;
    case "single": {
      const option = question.options?.find((o) => o.value === value);
      if (option?.sets) applyPatch(root, option.sets, index);
      else setPath(root, path, value);
      return;
    }
    case "topics":
      for (const option of question.options ?? []) {
        if (!(value as string[]).includes(option.value) && option.ifNotChosen) applyPatch(root, option.ifNotChosen, null);
      }
      return;
    case "recognitions":
      setPath(root, path, (value as string[]).map((level) => ({ level })));
      return;
    case "overlaps": {
      const group = groupOf(question, value as string[], root as Screening);
      if (group) root.overlaps = [...((root.overlaps as unknown[] | undefined) ?? []), group];
      return;
    }
    case "amount":
      setPath(root, path, fenToYuan(value as number));
      return;
    case "count":
      setPath(root, path, question.makesList ? Array.from({ length: value as number }, () => ({})) : value);
      if (value === 0 && question.ifZero) applyPatch(root, question.ifZero, index);
  }
}

/** Replays the answers over an empty screening for the given date. */
export function buildScreening(bank: QuestionBank, log: readonly LogEntry[], asOf: string): Screening {
  const root: Record<string, unknown> = { version: 1, asOf };
  for (const entry of log) {
    if (entry.value === null) continue;
    const ref = parseKey(bank, entry.key);
    if (ref) applyAnswer(root, ref, entry.value);
  }
  return root as Screening;
}
