import { CLAUSE_OF_LEVEL } from "../ids.js";
import type { ItemId } from "../ids.js";
import type { ItemOutcome, TraceStep } from "../outcome.js";
import type { Screening } from "../screening.js";
import type { Removal } from "./removal.js";

/** An item's maximum (fen, 0 unless eligible) for another screening, with its steps: its rule run again, caps and all. */
export type Recount = (id: ItemId, s: Screening) => Recounted;

export interface Recounted {
  fen: number;
  trace: TraceStep[];
}


/**
 * What an eligible item still counts once some of its parts are left out. Article 12 is run
 * again with fewer projects and Article 8 without the recognitions, so that their caps apply
 * to what is left; results are kept, since the choice tries many combinations.
 */
export class Counter {
  private readonly memo = new Map<string, Recounted>();

  constructor(
    private readonly s: Screening,
    private readonly recount: Recount,
  ) {}

  counted(item: ItemOutcome, removal: Removal): number {
    if (item.status !== "eligible" || this.leftOutWhole(item, removal)) return 0;
    return this.recounted(item, removal)?.fen ?? item.maxSupportFen ?? 0;
  }

  /** The steps of the recount, when the item was counted again without some of its parts; else empty. */
  countedTrace(item: ItemOutcome, removal: Removal): TraceStep[] {
    return this.recounted(item, removal)?.trace ?? [];
  }

  private leftOutWhole(item: ItemOutcome, removal: Removal): boolean {
    if (removal.whole.has(item.id)) return true;
    // Only Article 11 is evaluated per project.
    return item.project !== null && removal.projects.has(item.project.index - 1);
  }

  /** The item run again without its parts left out; null when it counts whole or not at all. */
  private recounted(item: ItemOutcome, removal: Removal): Recounted | null {
    if (item.status !== "eligible" || this.leftOutWhole(item, removal)) return null;
    switch (item.id) {
      case "12":
        return removal.units === 0 ? null : this.remembered(`12 less ${removal.units}`, () => this.recount("12", this.fewerScenarios(removal.units)));
      case "8.1":
      case "8.2": {
        const list = this.s.recognitions ?? [];
        const mine = [...removal.recognitions].filter((i) => list[i] && CLAUSE_OF_LEVEL[list[i].level] === item.id).sort((a, b) => a - b);
        if (mine.length === 0) return null;
        const left = { ...this.s, recognitions: list.filter((_, i) => !mine.includes(i)) };
        return this.remembered(`${item.id} less ${mine.join(",")}`, () => this.recount(item.id, left));
      }
      default:
        return null;
    }
  }

  private fewerScenarios(units: number): Screening {
    const projects = Math.max(0, (this.s.scenarios?.projects ?? 0) - units);
    return { ...this.s, scenarios: { ...this.s.scenarios, projects } };
  }

  private remembered(key: string, compute: () => Recounted): Recounted {
    let value = this.memo.get(key);
    if (value === undefined) {
      value = compute();
      this.memo.set(key, value);
    }
    return value;
  }
}
