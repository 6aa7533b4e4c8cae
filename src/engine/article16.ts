import type { ItemOutcome } from "./outcome.js";
import type { Screening } from "./screening.js";

/** Resolves an overlap reference ("6", "11", "11#2") to the index of its item in the result. */
function indexOf(items: readonly ItemOutcome[], ref: string): number {
  const [id, project] = ref.split("#");
  return items.findIndex((item) => item.id === id && (project === undefined || item.project?.index === Number(project)));
}

/**
 * Article 16, "selecting the best without duplication": items claimed for one and the same
 * project count once, the largest. Groups that share an item describe one project, so they
 * are merged before choosing. Marks the others `counted: false` with the reason.
 */
export function applyNoDuplication(items: ItemOutcome[], overlaps: Screening["overlaps"], cite: string): void {
  if (!overlaps) return;
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const grouped = new Set<number>();
  for (const group of overlaps) {
    const members = group.map((ref) => indexOf(items, ref)).filter((i) => i >= 0);
    for (const i of members) {
      grouped.add(i);
      parent[find(i)] = find(members[0]!);
    }
  }
  const best = new Map<number, number>();
  for (const i of grouped) {
    const item = items[i]!;
    if (item.status !== "eligible") continue;
    const root = find(i);
    const current = best.get(root);
    if (current === undefined || (item.maxSupportFen ?? 0) > (items[current]!.maxSupportFen ?? 0) || ((item.maxSupportFen ?? 0) === (items[current]!.maxSupportFen ?? 0) && i < current)) {
      best.set(root, i);
    }
  }
  for (const i of grouped) {
    const item = items[i]!;
    const winner = best.get(find(i));
    if (item.status !== "eligible" || winner === undefined || winner === i) continue;
    item.counted = false;
    item.reasons.push({ code: "not_counted_duplicate", cite, params: { countedItem: items[winner]!.id } });
  }
}
