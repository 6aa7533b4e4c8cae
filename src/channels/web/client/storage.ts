/// <reference lib="dom" />

/**
 * What survives a reload or a closed tab: the conversation id and the text being typed. Some
 * in-app browsers refuse localStorage (private modes); then both live only as long as the page.
 */
export class Saved {
  private readonly memory = new Map<string, string>();

  constructor(private readonly key: string) {}

  get(): string | null {
    try {
      return localStorage.getItem(this.key);
    } catch {
      return this.memory.get(this.key) ?? null;
    }
  }

  set(value: string): void {
    this.memory.set(this.key, value);
    try {
      localStorage.setItem(this.key, value);
    } catch {
      // Kept in memory above.
    }
  }

  clear(): void {
    this.memory.delete(this.key);
    try {
      localStorage.removeItem(this.key);
    } catch {
      // Nothing was stored.
    }
  }
}
