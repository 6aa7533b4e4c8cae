/** The last `capacity` keys seen, to recognise one that comes again (an update delivered twice, a second tap). */
export class RecentKeys<K> {
  private readonly keys = new Set<K>();

  constructor(private readonly capacity: number) {}

  /** Remembers the key; true if it was already remembered. */
  seen(key: K): boolean {
    if (this.keys.has(key)) return true;
    this.keys.add(key);
    // A Set iterates in insertion order: the first is the oldest.
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.values().next().value as K);
    return false;
  }
}
