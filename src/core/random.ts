import {
  argumentError,
  checkArrayLike,
  checkFinite,
  checkPositive,
  checkProbability,
} from "./internal/arguments.js";
import { seededStream } from "./internal/seededStream.js";

/**
 * A seeded pseudo-random stream. The uniform stream is xoshiro128** seeded by
 * SplitMix32: integer arithmetic only (`Math.imul`, shifts), so the same seed
 * gives the same stream bit for bit on every JavaScript engine. Derived
 * distributions use `Math.log`, `Math.sqrt` and `Math.cos`.
 *
 * Every method checks its arguments (one comparison each, so draws in loops
 * cost the same) and throws `InvalidOptionsError` naming the method,
 * e.g. `Random.integer`, and the argument: `integer(0)`, `normal(0, -1)`,
 * `bernoulli(1.5)`, `weightedIndex([])` and `weightedIndex([0, 0])` are errors.
 */
export interface Random {
  /** The seed the stream started from. */
  readonly seed: number;
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform in [0, 1) with 53 random bits. */
  float(): number;
  /** Uniform integer in [0, maxExclusive); `maxExclusive` an integer from 1 to 2^53 - 1. */
  integer(maxExclusive: number): number;
  /** Standard normal (Box-Muller, polar form), scaled: mean + sd * z (finite mean, sd >= 0). */
  normal(mean?: number, sd?: number): number;
  /** Exponential with the given rate > 0 (mean 1 / rate). */
  exponential(rate: number): number;
  /** Gamma with shape > 0 and scale > 0 (Marsaglia-Tsang). */
  gamma(shape: number, scale?: number): number;
  /** Beta(a, b) from two gammas (a, b > 0). */
  beta(a: number, b: number): number;
  /** Poisson with mean lambda >= 0 (inversion for small lambda, normal approximation above 500). */
  poisson(lambda: number): number;
  /** True with probability p, a number from 0 to 1. */
  bernoulli(p: number): boolean;
  /** Index drawn with probability proportional to `weights[i]` (finite, non-negative, not all zero; never a zero-weight index). */
  weightedIndex(weights: ArrayLike<number>): number;
  /** A shuffled copy (Fisher-Yates); the input is not touched. */
  shuffle<T>(values: readonly T[]): T[];
  /** An independent stream derived from this one (for parallel restarts). */
  fork(): Random;
}

/**
 * Creates a seeded random stream. Use one per call of a randomised algorithm,
 * created from the caller's `seed` option; clientele never uses `Math.random`.
 *
 * @param seed - any finite number; it is reduced to 32 bits (`seed >>> 0` after rounding)
 * @throws InvalidOptionsError when `seed` is not a finite number (`NaN` used to mean seed 0 silently)
 * @example
 * ```ts
 * const random = createRandom(42);
 * random.float();      // => 0.6606...
 * Number.isInteger(random.integer(10)); // => true (an integer in 0..9)
 * createRandom(42).float() === createRandom(42).float(); // => true
 * ```
 */
export function createRandom(seed: number): Random {
  checkFinite("createRandom", "seed", seed);
  const { seed: seed32, nextUint32, float } = seededStream(seed);
  let spareNormal: number | undefined;

  const standardNormal = (): number => {
    if (spareNormal !== undefined) {
      const value = spareNormal;
      spareNormal = undefined;
      return value;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * float() - 1;
      v = 2 * float() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spareNormal = v * factor;
    return u * factor;
  };
  const gamma = (shape: number, scale = 1): number => {
    if (shape < 1) {
      const u = float();
      return gamma(shape + 1, scale) * (u === 0 ? 0 : u ** (1 / shape));
    }
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = standardNormal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = float();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v * scale;
      if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v * scale;
    }
  };

  const random: Random = {
    seed: seed32,
    nextUint32,
    float,
    integer: (maxExclusive) => {
      if (!(Number.isSafeInteger(maxExclusive) && maxExclusive >= 1)) {
        throw argumentError(
          "Random.integer",
          "maxExclusive",
          "expected an integer from 1 to 2^53 - 1",
          maxExclusive,
        );
      }
      return Math.floor(float() * maxExclusive);
    },
    normal: (mean = 0, sd = 1) => {
      checkFinite("Random.normal", "mean", mean);
      if (!(Number.isFinite(sd) && sd >= 0)) {
        throw argumentError("Random.normal", "sd", "expected a finite number of at least 0", sd);
      }
      return mean + sd * standardNormal();
    },
    exponential: (rate) => {
      checkPositive("Random.exponential", "rate", rate);
      return -Math.log(1 - float()) / rate;
    },
    gamma: (shape, scale = 1) => {
      checkPositive("Random.gamma", "shape", shape);
      checkPositive("Random.gamma", "scale", scale);
      return gamma(shape, scale);
    },
    beta: (alpha, beta) => {
      checkPositive("Random.beta", "a", alpha);
      checkPositive("Random.beta", "b", beta);
      const x = gamma(alpha);
      return x / (x + gamma(beta));
    },
    poisson: (lambda) => {
      if (!(Number.isFinite(lambda) && lambda >= 0)) {
        throw argumentError("Random.poisson", "lambda", "expected a finite mean of at least 0", lambda);
      }
      if (lambda === 0) return 0;
      if (lambda > 500) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * standardNormal()));
      const limit = Math.exp(-lambda);
      let k = 0;
      let product = float();
      while (product > limit) {
        k++;
        product *= float();
      }
      return k;
    },
    bernoulli: (p) => {
      checkProbability("Random.bernoulli", "p", p);
      return float() < p;
    },
    weightedIndex: (weights) => {
      checkArrayLike("Random.weightedIndex", "weights", weights);
      let total = 0;
      for (let i = 0; i < weights.length; i++) {
        const weight = weights[i] as number;
        if (!(Number.isFinite(weight) && weight >= 0)) {
          throw argumentError(
            "Random.weightedIndex",
            `weights.${i}`,
            "expected a finite weight of at least 0",
            weight,
          );
        }
        total += weight;
      }
      if (!(Number.isFinite(total) && total > 0)) {
        throw argumentError(
          "Random.weightedIndex",
          "weights",
          weights.length === 0
            ? "expected at least one weight"
            : "expected weights with a positive, finite total (not all 0)",
          weights,
        );
      }
      let target = float() * total;
      // the last index with a positive weight takes what rounding leaves over
      let last = 0;
      for (let i = 0; i < weights.length; i++) {
        const weight = weights[i] as number;
        if (weight === 0) continue;
        last = i;
        target -= weight;
        if (target < 0) return i;
      }
      return last;
    },
    shuffle: <T>(values: readonly T[]): T[] => {
      if (!Array.isArray(values))
        throw argumentError("Random.shuffle", "values", "expected an array", values);
      const copy = values.slice();
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(float() * (i + 1));
        const held = copy[i] as T;
        copy[i] = copy[j] as T;
        copy[j] = held;
      }
      return copy;
    },
    fork: () => createRandom(nextUint32()),
  };
  return random;
}
