/** Values a memo keeps unless told otherwise; past that it is emptied. */
export const MAX_REMEMBERED = 4096;

/**
 * `compute` of an argument, worked out once per key: by default the argument itself, a string;
 * otherwise `keyOf(argument)`, which must tell apart every two arguments `compute` would tell
 * apart. Bounded, since keys can come from outside (a forged button carries any key): when
 * `limit` values are kept, they are all forgotten. Not a least-recently-used cache: its
 * reordering on every read took about a tenth of a bot's conversation turn (a profile under
 * `npm run bench:bot`).
 */
export function memo<V>(compute: (key: string) => V): (key: string) => V;
export function memo<A, V>(compute: (arg: A) => V, keyOf: (arg: A) => string, limit?: number): (arg: A) => V;
export function memo<A, V>(compute: (arg: A) => V, keyOf?: (arg: A) => string, limit = MAX_REMEMBERED): (arg: A) => V {
  const known = new Map<string, V>();
  return (arg) => {
    const key = keyOf ? keyOf(arg) : (arg as string);
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= limit) known.clear();
      known.set(key, (value = compute(arg)));
    }
    return value;
  };
}
