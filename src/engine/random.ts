/**
 * Seeded randomness. The engine never calls Math.random(): every draw, shuffle and adaptive pick
 * takes a generator built from a seed stored with the attempt, so the same seed replays the same
 * test, and tests pin behaviour without mocking.
 */

/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/** xmur3: a 32-bit string hash whose successive outputs seed sfc32 (4 words of state). */
function xmur3(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

/** A 32-bit hash of a string; equal strings always hash alike. */
export function hashString(text: string): number {
  return xmur3(text)();
}

/** Same seed, same sequence: sfc32 (passes PractRand) seeded by xmur3 of the string. */
export function createRng(seed: string): Rng {
  const next = xmur3(seed);
  let a = next();
  let b = next();
  let c = next();
  let d = next();
  const rng = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // The first outputs of sfc32 still show the seed's structure; discard them.
  for (let i = 0; i < 15; i++) rng();
  return rng;
}

/** An integer in [0, n): n must be a positive integer. */
export function randomInt(n: number, rng: Rng): number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`randomInt needs a positive integer, got ${n}`);
  return Math.floor(rng() * n);
}

/** Returns a new array holding the same items in a uniformly random order (Fisher-Yates); the input is untouched. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1, rng);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** One item chosen uniformly; throws on an empty list, since there is nothing to return. */
export function pick<T>(items: readonly T[], rng: Rng): T {
  if (items.length === 0) throw new RangeError('pick from an empty list');
  return items[randomInt(items.length, rng)] as T;
}

/** A standard normal draw (Box-Muller), for simulations and seeded test data. */
export function randomNormal(rng: Rng): number {
  // 1 - rng() lies in (0, 1], so the logarithm is finite.
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
