/** A seeded generator (mulberry32), so every benchmark run measures the same inputs. */
export type Rng = () => number;

export function seeded(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const chance = (rng: Rng, p: number) => rng() < p;
export const pickOne = <T>(rng: Rng, values: readonly T[]): T => values[Math.floor(rng() * values.length)]!;
export const intBelow = (rng: Rng, n: number) => Math.floor(rng() * n);
