import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededStream } from "./internal/seededStream.js";
import { createRandom } from "./random.js";

const reference = JSON.parse(
  readFileSync(new URL("../../fixtures/core/random-reference.json", import.meta.url), "utf8"),
) as Record<string, number[]>;

describe("createRandom", () => {
  it("matches an independent xoshiro128** + SplitMix32 implementation bit for bit", () => {
    for (const [seed, expected] of Object.entries(reference)) {
      const random = createRandom(Number(seed));
      expect(expected.map(() => random.nextUint32())).toEqual(expected);
    }
  });

  it("gives the same stream for the same seed and different streams for different seeds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = createRandom(seed);
        const b = createRandom(seed);
        const c = createRandom(seed + 1);
        const first = Array.from({ length: 5 }, () => a.float());
        expect(Array.from({ length: 5 }, () => b.float())).toEqual(first);
        expect(Array.from({ length: 5 }, () => c.float())).not.toEqual(first);
      }),
    );
  });

  it("draws floats in [0, 1) and integers in range", () => {
    const random = createRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const x = random.float();
      expect(x >= 0 && x < 1).toBe(true);
      const k = random.integer(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
    }
  });

  it("has the documented moments for its distributions", () => {
    const random = createRandom(2024);
    const n = 200_000;
    const mean = (draw: () => number) => {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += draw();
      return sum / n;
    };
    expect(mean(() => random.float())).toBeCloseTo(0.5, 2);
    expect(mean(() => random.normal(3, 2))).toBeCloseTo(3, 1);
    expect(mean(() => random.exponential(4))).toBeCloseTo(0.25, 2);
    expect(mean(() => random.gamma(2.5, 2))).toBeCloseTo(5, 1);
    expect(mean(() => random.gamma(0.4, 1))).toBeCloseTo(0.4, 1);
    expect(mean(() => random.beta(2, 6))).toBeCloseTo(0.25, 2);
    expect(mean(() => random.poisson(3.5))).toBeCloseTo(3.5, 1);
  });

  it("shuffles a copy and leaves the input untouched", () => {
    const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const shuffled = createRandom(3).shuffle(input);
    expect([...shuffled].sort()).toEqual([...input]);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("picks weighted indices in proportion to the weights and never a zero weight", () => {
    const random = createRandom(11);
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i++) counts[random.weightedIndex([1, 0, 3])]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeCloseTo(3, 0);
  });
});

describe("seededStream (the uniform core of createRandom)", () => {
  it("matches the independent xoshiro128** + SplitMix32 reference bit for bit", () => {
    for (const [seed, expected] of Object.entries(reference)) {
      const stream = seededStream(Number(seed));
      expect(expected.map(() => stream.nextUint32())).toEqual(expected);
      // float() takes 27 + 26 bits of two consecutive words: (u0 >>> 5) * 2^26 + (u1 >>> 6), over 2^53
      const floats = seededStream(Number(seed));
      for (let i = 0; i + 1 < expected.length; i += 2) {
        const u0 = expected[i] as number;
        const u1 = expected[i + 1] as number;
        expect(floats.float()).toBe((Math.floor(u0 / 32) * 2 ** 26 + Math.floor(u1 / 64)) / 2 ** 53);
      }
    }
  });

  it("gives createRandom's first 10,000 float() and integer(n) values and its seed", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.double({ min: -1e12, max: 1e12, noNaN: true })),
        fc.integer({ min: 1, max: 2 ** 40 }),
        (seed, n) => {
          const random = createRandom(seed);
          const stream = seededStream(seed);
          expect(stream.seed).toBe(random.seed);
          for (let i = 0; i < 10_000; i++) {
            if (random.float() !== stream.float()) expect.unreachable(`float ${i} differs (seed ${seed})`);
            const bound = (i % 97) + n;
            if (random.integer(bound) !== stream.integer(bound))
              expect.unreachable(`integer ${i} differs (seed ${seed})`);
          }
        },
      ),
      { numRuns: 20 },
    );
  });
});
