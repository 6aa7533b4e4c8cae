/** A value nobody may change: every object and array in it read-only, as deepFreeze leaves it. */
export type Frozen<T> = T extends readonly (infer E)[] ? readonly Frozen<E>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

/**
 * Freezes a JSON-like value and every object and array in it, and returns it. A part already
 * frozen is taken to be frozen all through, and is not walked again.
 */
export function deepFreeze<T>(value: T): Frozen<T> {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const part of Object.values(value)) deepFreeze(part);
  }
  return value as Frozen<T>;
}
