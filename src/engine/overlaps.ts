import { z } from "zod";
import { CLAUSE_OF_LEVEL, ITEM_IDS, type RecognitionLevel } from "./ids.js";

/**
 * Article 16 overlap groups (screening format 1.1): each group is one real-world project and
 * names the items, or the parts of items, claimed for it.
 */

/** Over all groups; every way of keeping one member per group is tried, so this bounds the work. */
export const MAX_OVERLAP_MEMBERS = 16;

const MAX_INDEX = 1000;

const wholeItem = z
  .string({ error: "must be an item id" })
  .regex(/^(4|5|6|7|8\.1|8\.2|9|10\.1|10\.2|11|11#[1-9]\d{0,2}|12|13|14)$/, {
    error: `must be an item id (${ITEM_IDS.join(", ")}; 11#N for the N-th Article 11 project) or an object naming part of an item`,
  });

const whole = (min: number) =>
  z
    .number({ error: "must be a whole number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be >= ${min}` })
    .max(MAX_INDEX, { error: `must be <= ${MAX_INDEX}` });

const unitsPart = z.strictObject({ item: z.literal("12"), units: whole(1) });
const projectPart = z.strictObject({ item: z.literal("11"), project: whole(0) });
const recognitionPart = z.strictObject({ item: z.enum(["8.1", "8.2"]), recognition: whole(0) });

export type OverlapMember = z.infer<typeof wholeItem> | z.infer<typeof unitsPart> | z.infer<typeof projectPart> | z.infer<typeof recognitionPart>;

const PART_OF = new Map<unknown, z.ZodType>([["12", unitsPart], ["11", projectPart], ["8.1", recognitionPart], ["8.2", recognitionPart]]);
const PART_FORMS = '{ "item": "12", "units": N }, { "item": "11", "project": I } or { "item": "8.1" | "8.2", "recognition": I }';

/**
 * One member: an item id, or an object naming part of an item. Dispatched on the value's shape
 * rather than by z.union, so that an error names the exact field (`overlaps[0][0].units`).
 */
const overlapMember = z.unknown().transform((value, ctx): OverlapMember => {
  let schema: z.ZodType;
  if (typeof value === "string") schema = wholeItem;
  else if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    const item = (value as { item?: unknown }).item;
    const part = PART_OF.get(item);
    if (!part) {
      ctx.issues.push({ code: "custom", path: ["item"], input: item, message: `must be 12, 11, 8.1 or 8.2, the items whose parts can be named: ${PART_FORMS}` });
      return z.NEVER;
    }
    schema = part;
  } else {
    ctx.issues.push({ code: "custom", input: value, message: `must be an item id or an object naming part of an item: ${PART_FORMS}` });
    return z.NEVER;
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as OverlapMember;
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") ctx.issues.push({ code: "unrecognized_keys", keys: issue.keys, path: issue.path, input: value as Record<string, unknown> });
    else ctx.issues.push({ code: "custom", path: issue.path, message: issue.message, input: value });
  }
  return z.NEVER;
});

export const overlapsSchema = z
  .array(
    z
      .array(overlapMember)
      .min(2, { error: "a group needs at least two members (a group is one project claimed under several items)" })
      .max(MAX_OVERLAP_MEMBERS, { error: `must have at most ${MAX_OVERLAP_MEMBERS} members` }),
  )
  .max(MAX_OVERLAP_MEMBERS, { error: `must have at most ${MAX_OVERLAP_MEMBERS} groups` });

/** What the cross-checks need of the rest of the screening. */
export interface OverlapContext {
  scenarioProjects: number | undefined;
  infrastructure: number | undefined;
  recognitions: readonly { level: RecognitionLevel }[] | undefined;
}

export interface OverlapIssue {
  path: (string | number)[];
  message: string;
}

/** Identity of a member within a group, to find one named twice ("11#1" is project 0). */
function sameness(member: OverlapMember): string {
  if (typeof member === "string") {
    const [id, n] = member.split("#");
    return n === undefined ? id! : `11 project ${Number(n) - 1}`;
  }
  if ("units" in member) return "12 units";
  if ("project" in member) return `11 project ${member.project}`;
  return `${member.item} recognition ${member.recognition}`;
}

/** References from the groups to the rest of the file, and the limits over all groups. */
export function checkOverlaps(overlaps: readonly (readonly OverlapMember[])[], c: OverlapContext): OverlapIssue[] {
  const issues: OverlapIssue[] = [];
  const total = overlaps.reduce((sum, group) => sum + group.length, 0);
  if (total > MAX_OVERLAP_MEMBERS) {
    issues.push({ path: ["overlaps"], message: `must have at most ${MAX_OVERLAP_MEMBERS} members over all groups (it has ${total})` });
  }
  overlaps.forEach((group, g) => {
    group.forEach((member, m) => {
      const issue = checkMember(member, c);
      if (issue) issues.push({ path: ["overlaps", g, m, ...issue.path], message: issue.message });
    });
    const keys = group.map(sameness);
    const items = keys.map((key) => key.split(" ")[0]);
    const twice = keys.some((key, i) => keys.indexOf(key) !== i);
    const wholeAndPart = keys.some((key, i) => !key.includes(" ") && items.some((item, j) => j !== i && item === key));
    if (twice || wholeAndPart) issues.push({ path: ["overlaps", g], message: "names an item twice (name the whole item once, or each of its parts once)" });
  });
  return issues;
}

function checkMember(member: OverlapMember, c: OverlapContext): OverlapIssue | null {
  if (typeof member === "string") {
    const [id, n] = member.split("#");
    if (id !== "11" || n === undefined) return null;
    const listed = c.infrastructure ?? 0;
    return Number(n) > listed ? { path: [], message: `names Article 11 project ${n}, but infrastructure lists ${listed}` } : null;
  }
  if ("units" in member) {
    const projects = c.scenarioProjects;
    return projects !== undefined && member.units > projects ? { path: ["units"], message: `must be <= ${projects}` } : null;
  }
  if ("project" in member) return indexIssue("project", member.project, c.infrastructure, "infrastructure");
  const listed = c.recognitions?.length;
  const outOfRange = indexIssue("recognition", member.recognition, listed, "recognitions");
  if (outOfRange) return outOfRange;
  const level = c.recognitions![member.recognition]!.level;
  const clause = CLAUSE_OF_LEVEL[level];
  return clause === member.item
    ? null
    : { path: ["recognition"], message: `recognitions[${member.recognition}] is ${level}, a recognition of item ${clause}: name it with "item": "${clause}"` };
}

function indexIssue(field: string, index: number, listed: number | undefined, list: string): OverlapIssue | null {
  if (listed === undefined) return { path: [field], message: `${list} is not given: list them to name one by its index` };
  if (listed === 0) return { path: [field], message: `${list} is empty: there is nothing to name` };
  return index >= listed ? { path: [field], message: `must be <= ${listed - 1} (the last index of ${list})` } : null;
}
