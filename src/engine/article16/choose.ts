import type { ItemOutcome } from "../outcome.js";
import type { Counter } from "./counter.js";
import type { Member } from "./parts.js";
import { Removal } from "./removal.js";

export interface Choice {
  /** Per group, the index of the member kept. */
  kept: number[];
  removal: Removal;
  /** What the items named in the groups count together. */
  countedFen: number;
}

/** Every member of every group but the kept one is left out. */
export function removalOf(groups: readonly Member[][], kept: readonly number[]): Removal {
  const removal = new Removal();
  groups.forEach((group, g) => group.forEach((member, m) => m !== kept[g] && removal.add(member.identity, member.part)));
  return removal;
}

/**
 * "Selecting the best without duplication": tries every way of keeping one member per group
 * (at most 16 members in all, so a few hundred ways) and keeps the one whose items count the
 * most. Keeping none of a group never counts more, since leaving a part out never adds. Ways
 * are tried with earlier members first and only a larger total replaces the best so far, so
 * ties keep the member that comes first in its group (the first group deciding first).
 */
export function bestChoice(groups: readonly Member[][], touched: readonly ItemOutcome[], counter: Counter): Choice {
  const kept = groups.map(() => 0);
  let best: Choice | null = null;
  for (;;) {
    const removal = removalOf(groups, kept);
    let countedFen = 0;
    for (const item of touched) countedFen += counter.counted(item, removal);
    if (best === null || countedFen > best.countedFen) best = { kept: [...kept], removal, countedFen };
    let g = groups.length - 1;
    while (g >= 0 && kept[g] === groups[g]!.length - 1) kept[g--] = 0;
    if (g < 0) return best;
    kept[g]! += 1;
  }
}
