import type { ItemId } from "../ids.js";
import type { OverlapMember } from "../overlaps.js";

/** What a member of an overlap group stands for: a whole item, or the part of one that is the project. */
export type Part =
  | { kind: "whole"; item: ItemId }
  | { kind: "units"; item: "12"; units: number }
  /** `index` is 0-based in `infrastructure`; the result numbers Article 11's projects from 1. */
  | { kind: "project"; item: "11"; index: number }
  /** `index` is 0-based in `recognitions`. */
  | { kind: "recognition"; item: "8.1" | "8.2"; index: number };

/** One member of one group, with what identifies it across groups. */
export interface Member {
  part: Part;
  /**
   * Groups that name the same member constrain each other through it. Scenario projects have
   * no names, so `units` in two groups are different projects: each group is one project.
   */
  identity: string;
}

export function partOf(member: OverlapMember): Part {
  if (typeof member === "string") {
    // The schema allows "#" only in "11#N".
    return member.startsWith("11#") ? { kind: "project", item: "11", index: Number(member.slice(3)) - 1 } : { kind: "whole", item: member as ItemId };
  }
  if ("units" in member) return { kind: "units", item: "12", units: member.units };
  if ("project" in member) return { kind: "project", item: "11", index: member.project };
  return { kind: "recognition", item: member.item, index: member.recognition };
}

export function membersOf(overlaps: readonly (readonly OverlapMember[])[]): Member[][] {
  return overlaps.map((group, g) =>
    group.map((member, m) => {
      const part = partOf(member);
      const identity =
        part.kind === "whole" ? part.item
        : part.kind === "units" ? `12 units in group ${g} at ${m}`
        : `${part.item} ${part.kind} ${part.index}`;
      return { part, identity };
    }),
  );
}

/** The number a reader sees for a part: scenario projects counted, projects and recognitions numbered from 1. */
export function partNumber(part: Part): number {
  if (part.kind === "whole") return 0;
  return part.kind === "units" ? part.units : part.index + 1;
}
