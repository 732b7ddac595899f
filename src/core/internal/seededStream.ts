/**
 * The uniform core of {@link createRandom}: xoshiro128** seeded by SplitMix32, with nothing else. Kernels
 * that only draw uniforms and indices (permutations, resamples) import this directly so their bundles leave
 * out the derived distributions; `createRandom` is built on it, so both give the same draws for a seed.
 */

/** A seeded uniform stream (see {@link seededStream}). */
export interface SeededStream {
  /** The seed the stream started from, reduced to 32 bits. */
  readonly seed: number;
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 53 random bits. */
  float(): number;
  /** Uniform integer in [0, maxExclusive); the caller passes an integer from 1 to 2^53 - 1 (not checked). */
  integer(maxExclusive: number): number;
}

/**
 * A seeded uniform stream, the one {@link createRandom} draws from: the same seed gives the same
 * `nextUint32`, `float` and `integer` values as `createRandom(seed)`. The seed is not checked here (callers
 * pass a validated finite number); it is rounded and reduced to 32 bits (`Math.round(seed) >>> 0`).
 *
 * @example
 * ```ts
 * const stream = seededStream(42);
 * stream.float(); // => 0.6606...
 * ```
 */
export function seededStream(seed: number): SeededStream {
  let s = Math.round(seed) >>> 0;
  const seed32 = s;
  // SplitMix32 fills the four words of state
  const mix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  if ((a | b | c | d) === 0) a = 1;
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
  const float = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  return { seed: seed32, nextUint32, float, integer: (maxExclusive) => Math.floor(float() * maxExclusive) };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
