/**
 * Reads screening facts for one item evaluation. An unknown fact is noted as missing and
 * replaced by the value that is favourable ("hi") or unfavourable ("lo") to the applicant:
 * every condition and amount of the rules is monotone in each fact, so the two runs bound
 * the outcome, and equal outcomes mean the unknowns cannot change it.
 */
export type Mode = "lo" | "hi";

/** Chooses the mode of one unknown fact; `group` names facts that add up to one amount. */
export type ModeOf = (path: string, group: string | undefined) => Mode | undefined;

export class Facts {
  readonly missing: string[] = [];
  readonly groups = new Map<string, string>();

  constructor(
    readonly mode: Mode,
    private readonly modeOf: ModeOf | null = null,
  ) {}

  pick<T>(path: string, value: T | undefined, favourable: T, unfavourable: T, group?: string): T {
    if (value !== undefined) return value;
    if (!this.missing.includes(path)) {
      this.missing.push(path);
      if (group) this.groups.set(path, group);
    }
    const mode = this.modeOf?.(path, group) ?? this.mode;
    return mode === "hi" ? favourable : unfavourable;
  }
}
