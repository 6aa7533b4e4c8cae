import { CLAUSE_OF_LEVEL } from "../ids.js";
import type { ItemId } from "../ids.js";
import type { ItemOutcome } from "../outcome.js";
import type { Screening } from "../screening.js";
import type { Removal } from "./removal.js";

/** An item's maximum (fen, 0 unless eligible) for another screening: its rule run again, caps and all. */
export type Recount = (id: ItemId, s: Screening) => number;

/**
 * What an eligible item still counts once some of its parts are left out. Article 12 is run
 * again with fewer projects and Article 8 without the recognitions, so that their caps apply
 * to what is left; results are kept, since the choice tries many combinations.
 */
export class Counter {
  private readonly memo = new Map<string, number>();

  constructor(
    private readonly s: Screening,
    private readonly recount: Recount,
  ) {}

  counted(item: ItemOutcome, removal: Removal): number {
    if (item.status !== "eligible") return 0;
    const full = item.maxSupportFen ?? 0;
    if (removal.whole.has(item.id)) return 0;
    switch (item.id) {
      case "11":
        return item.project && removal.projects.has(item.project.index - 1) ? 0 : full;
      case "12":
        return removal.units === 0 ? full : this.remembered(`12 less ${removal.units}`, () => this.recount("12", this.fewerScenarios(removal.units)));
      case "8.1":
      case "8.2": {
        const list = this.s.recognitions ?? [];
        const mine = [...removal.recognitions].filter((i) => list[i] && CLAUSE_OF_LEVEL[list[i].level] === item.id).sort((a, b) => a - b);
        if (mine.length === 0) return full;
        const left = { ...this.s, recognitions: list.filter((_, i) => !mine.includes(i)) };
        return this.remembered(`${item.id} less ${mine.join(",")}`, () => this.recount(item.id, left));
      }
      default:
        return full;
    }
  }

  private fewerScenarios(units: number): Screening {
    const projects = Math.max(0, (this.s.scenarios?.projects ?? 0) - units);
    return { ...this.s, scenarios: { ...this.s.scenarios, projects } };
  }

  private remembered(key: string, compute: () => number): number {
    let value = this.memo.get(key);
    if (value === undefined) {
      value = compute();
      this.memo.set(key, value);
    }
    return value;
  }
}
