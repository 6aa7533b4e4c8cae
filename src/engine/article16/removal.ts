import type { ItemId } from "../ids.js";
import type { Part } from "./parts.js";

/** The parts of items that one choice of kept members leaves out. */
export class Removal {
  readonly whole = new Set<ItemId>();
  readonly projects = new Set<number>();
  readonly recognitions = new Set<number>();
  units = 0;
  private readonly seen = new Set<string>();

  /** A member left out by several groups is left out once. */
  add(identity: string, part: Part): void {
    if (this.seen.has(identity)) return;
    this.seen.add(identity);
    if (part.kind === "whole") this.whole.add(part.item);
    else if (part.kind === "units") this.units += part.units;
    else if (part.kind === "project") this.projects.add(part.index);
    else this.recognitions.add(part.index);
  }
}
