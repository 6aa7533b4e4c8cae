/**
 * Lists made on their first entry. An item's rule runs several times per evaluation and most
 * runs record little, so a draft's or a fact reader's lists start as this shared empty one.
 */

/** The shared empty list; frozen, so nothing can add to it by mistake. */
export const NONE: readonly never[] = Object.freeze([]);

/** `list` with `entry` added at its end: a list of its own in place of the shared empty one. */
export function added<T>(list: readonly T[], entry: T): readonly T[] {
  if (list === NONE) return [entry];
  (list as T[]).push(entry);
  return list;
}
