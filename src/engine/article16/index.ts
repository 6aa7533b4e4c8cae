import type { ItemOutcome, Reason } from "../outcome.js";
import type { Screening } from "../screening.js";
import { bestChoice } from "./choose.js";
import { Counter, type Recount } from "./counter.js";
import { membersOf, partNumber, type Member, type Part } from "./parts.js";

export type { Recount } from "./counter.js";

/**
 * Article 16 (screening format 1.1): of each overlap group, one project claimed under several
 * items, at most one member is kept, the choice that counts the most; the parts left out are
 * taken out of their items, which are counted again under their caps. Sets every item's
 * `countedSupportFen` and `counted`, and gives the items that lose a part the reason.
 */
export function applyNoDuplication(items: ItemOutcome[], s: Screening, cite: string, recount: Recount): void {
  if (!s.overlaps || s.overlaps.length === 0) return;
  const groups = membersOf(s.overlaps);
  const touched = items.filter((item) => groups.some((group) => group.some((member) => member.part.item === item.id)));
  const counter = new Counter(s, recount);
  const { kept, removal } = bestChoice(groups, touched, counter);
  for (const item of touched) {
    item.countedSupportFen = counter.counted(item, removal);
    item.counted = item.countedSupportFen > 0;
    item.countedTrace = counter.countedTrace(item, removal);
  }
  groups.forEach((group, g) => {
    const keeper = group[kept[g]!]!.part;
    group.forEach((member, m) => {
      if (m === kept[g]) return;
      for (const item of touched) {
        if (item.status === "eligible" && concerns(member.part, item)) item.reasons.push(leftOut(member, keeper, g, s, cite));
      }
    });
  });
}

function concerns(part: Part, item: ItemOutcome): boolean {
  if (part.item !== item.id) return false;
  return part.kind !== "project" || item.project?.index === part.index + 1;
}

/** Which part was left out, in favour of which member of which group (numbered from 1). */
function leftOut({ part }: Member, keeper: Part, g: number, s: Screening, cite: string): Reason {
  const params: Record<string, string | number> = { group: g + 1, keptItem: keeper.item, keptPart: keeper.kind, keptN: partNumber(keeper) };
  if (part.kind === "units") return { code: "part_not_counted_units", cite, params: { ...params, units: part.units } };
  if (part.kind === "recognition") {
    const level = s.recognitions?.[part.index]?.level ?? "";
    return { code: "part_not_counted_recognition", cite, params: { ...params, recognition: part.index + 1, level } };
  }
  return { code: "not_counted_duplicate", cite, params };
}
