import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  customerFields,
  customers,
  iris,
  irisFields,
  reference,
} from "../../../fixtures/segment/reference.js";
import { createRandom } from "../../core/index.js";
import { featureMatrix } from "../featureMatrix.js";
import { genericKernels, kernelSettings, kernelsFor } from "./kernels/kernels.js";
import {
  assignAndAccumulate,
  assignBounded,
  countDistinctUpTo,
  createBounds,
  createBuffers,
  kMeansPlusPlus,
  lloydIterations,
  runLloyd,
} from "./lloyd.js";

const matrices = {
  iris: featureMatrix(iris, { fields: [...irisFields], transforms: "none" }).matrix,
  customers: featureMatrix(customers, { fields: [...customerFields], transforms: "none" }).matrix,
  customersStandardized: featureMatrix(customers, { fields: [...customerFields], transforms: "standardize" })
    .matrix,
  customersLogStandardized: featureMatrix(customers, {
    fields: [...customerFields],
    transforms: ["log1p", "standardize"],
  }).matrix,
};

describe("Lloyd kernels", () => {
  // Both assignment kernels (plain and with Hamerly's bounds) against sklearn's Lloyd, 1e-9.
  for (const bounded of [false, true]) {
    for (const case_ of reference.lloyd) {
      it(`runLloyd (${bounded ? "Hamerly bounds" : "plain"}) matches sklearn: ${case_.name}`, () => {
        const data = matrices[case_.data];
        const d = case_.init[0]?.length as number;
        const k = case_.init.length;
        const run = runLloyd(
          data,
          data.length / d,
          d,
          Float64Array.from(case_.init.flat()),
          k,
          case_.maxIterations,
          0,
          bounded,
        );
        expect(run.iterations).toBe(case_.iterations);
        expect(Array.from(run.labels)).toEqual(case_.labels);
        expect(Math.abs(run.inertia - case_.inertia)).toBeLessThanOrEqual(1e-9 * Math.max(1, case_.inertia));
        case_.centroids.flat().forEach((value, at) => {
          expect(Math.abs((run.centres[at] as number) - value)).toBeLessThanOrEqual(1e-9);
        });
      });
    }
  }

  it("runLloyd with Hamerly bounds gives bit-identical runs to the plain kernel (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 2, max: 9 }),
        fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(8)),
        (seed, k, d) => {
          const random = createRandom(seed);
          const n = 600;
          const data = new Float64Array(n * d);
          for (let i = 0; i < n; i++) {
            const group = random.integer(4);
            for (let j = 0; j < d; j++)
              data[i * d + j] =
                j % 2 === 0 ? random.normal(group * 2, 1) : Math.exp(random.normal(group / 2, 0.5));
          }
          const initial = kMeansPlusPlus(data, n, d, k, createRandom(seed + 1));
          const plain = runLloyd(data, n, d, initial, k, 100, 0, false);
          const bounded = runLloyd(data, n, d, initial, k, 100, 0, true);
          expect(bounded.iterations).toBe(plain.iterations);
          expect(Array.from(bounded.labels)).toEqual(Array.from(plain.labels));
          expect(Array.from(bounded.centres)).toEqual(Array.from(plain.centres));
          expect(bounded.inertia).toBe(plain.inertia);
        },
      ),
      { numRuns: 30, seed: 3 },
    );
  });

  // The point loops are written out for d = 3 and d = 8 and kept general otherwise; all of
  // them must give what a direct evaluation of the definitions gives, bit for bit (distances
  // summed over features in order, first centre on ties, sums accumulated in point order).
  function mixtureData(seed: number, n: number, d: number): Float64Array {
    const random = createRandom(seed);
    const data = new Float64Array(n * d);
    for (let i = 0; i < n; i++) {
      const group = random.integer(5);
      for (let j = 0; j < d; j++)
        data[i * d + j] =
          j % 2 === 0 ? random.normal(group * 1.5, 1) : Math.exp(random.normal(group / 3, 0.5));
    }
    return data;
  }

  function directAssignment(data: Float64Array, n: number, d: number, centres: Float64Array, k: number) {
    const labels: number[] = [];
    const distances: number[] = [];
    const sums = new Array<number>(k * d).fill(0);
    const counts = new Array<number>(k).fill(0);
    let inertia = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let c = 0; c < k; c++) {
        let distance = 0;
        for (let j = 0; j < d; j++) {
          const difference = (data[i * d + j] as number) - (centres[c * d + j] as number);
          distance += difference * difference;
        }
        if (distance < bestDistance) {
          bestDistance = distance;
          best = c;
        }
      }
      labels.push(best);
      distances.push(bestDistance);
      inertia += bestDistance;
      counts[best] = (counts[best] as number) + 1;
      for (let j = 0; j < d; j++)
        sums[best * d + j] = (sums[best * d + j] as number) + (data[i * d + j] as number);
    }
    return { labels, distances, sums, counts, inertia };
  }

  it("the assignment step matches a direct evaluation bit for bit for d = 1..9 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (seed, k, d) => {
          const n = 300;
          const data = mixtureData(seed, n, d);
          const centres = kMeansPlusPlus(data, n, d, k, createRandom(seed + 1));
          const buffers = createBuffers(n, d, k);
          const { inertia } = assignAndAccumulate(data, n, d, centres, k, buffers, true);
          const direct = directAssignment(data, n, d, centres, k);
          expect(Array.from(buffers.labels)).toEqual(direct.labels);
          expect(Array.from(buffers.distances)).toEqual(direct.distances);
          expect(Array.from(buffers.sums)).toEqual(direct.sums);
          expect(Array.from(buffers.counts)).toEqual(direct.counts);
          expect(inertia).toBe(direct.inertia);
        },
      ),
      { numRuns: 60, seed: 5 },
    );
  });

  for (const d of [3, 8]) {
    it(`lloydIterations (both kernels) follow direct Lloyd steps bit for bit, d = ${d}`, () => {
      const n = 2500;
      const k = 6;
      const data = mixtureData(40 + d, n, d);
      const initial = kMeansPlusPlus(data, n, d, k, createRandom(7));
      for (const bounded of [false, true]) {
        let centres = Float64Array.from(initial);
        let steps = 0;
        for (const step of lloydIterations(data, n, d, initial, k, 6, -1, undefined, bounded)) {
          const direct = directAssignment(data, n, d, centres, k);
          expect(direct.counts.every((count) => count > 0)).toBe(true);
          expect(Array.from(step.labels)).toEqual(direct.labels);
          expect(step.inertia).toBe(direct.inertia);
          centres = Float64Array.from(
            direct.sums,
            (sum, at) => sum / (direct.counts[Math.floor(at / d)] as number),
          );
          expect(Array.from(step.centres)).toEqual(Array.from(centres));
          steps++;
        }
        expect(steps).toBeGreaterThan(2);
      }
    });
  }

  // The default kernel for d = 3, k <= 8 (branch-free tournament over 8 centre slots, shifted
  // Hamerly bounds) must reproduce plain Lloyd step by step, bit for bit, including exact
  // distance ties (integer grid data, duplicate points, duplicate starting centres: the first
  // centre must win) and empty clusters (a duplicate centre gets no points and is re-seeded).
  function gridData(seed: number, n: number, levels: number): Float64Array {
    const random = createRandom(seed);
    return Float64Array.from({ length: n * 3 }, () => random.integer(levels));
  }

  function compareSteps(
    data: Float64Array,
    n: number,
    initial: Float64Array,
    k: number,
    maxIterations: number,
  ) {
    const plain = [...lloydIterations(data, n, 3, initial, k, maxIterations, -1, undefined, false)].map(
      copyStep,
    );
    const bounded = [...lloydIterations(data, n, 3, initial, k, maxIterations, -1, undefined, true)].map(
      copyStep,
    );
    expect(bounded).toEqual(plain);
    return plain;
  }

  function copyStep(step: {
    labels: Int32Array;
    centres: Float64Array;
    inertia: number;
    changed: number;
    relocated: number;
    centreShift: number;
  }) {
    return {
      labels: Array.from(step.labels),
      centres: Array.from(step.centres),
      inertia: step.inertia,
      changed: step.changed,
      relocated: step.relocated,
      centreShift: step.centreShift,
    };
  }

  it("the d = 3 default kernel takes the tree path for 2 <= k <= 8 and not beyond", () => {
    const n = 200;
    const data = mixtureData(3, n, 3);
    for (const [k, expected] of [
      [2, true],
      [8, true],
      [9, false],
    ] as const) {
      const bounds = createBounds(n, 3, k);
      assignBounded(
        data,
        n,
        3,
        kMeansPlusPlus(data, n, 3, k, createRandom(1)),
        k,
        createBuffers(n, 3, k),
        bounds,
      );
      expect(bounds.shifted).toBe(expected);
    }
  });

  it("the d = 3 default kernel equals plain Lloyd step by step with ties and empty clusters (property)", () => {
    let relocations = 0;
    let tiedStarts = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 2, max: 8 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 2, max: 6 }),
        fc.boolean(),
        (seed, k, n, levels, duplicateCentre) => {
          const data = gridData(seed, n, levels);
          const random = createRandom(seed + 1);
          const initial = new Float64Array(k * 3);
          for (let c = 0; c < k; c++) {
            const point = random.integer(n);
            initial.set(data.subarray(point * 3, point * 3 + 3), c * 3);
          }
          // A copy of centre 0 at the last index: ties at every point of centre 0, an empty cluster.
          if (duplicateCentre) initial.copyWithin((k - 1) * 3, 0, 3);
          if (duplicateCentre) tiedStarts++;
          const steps = compareSteps(data, n, initial, k, 12);
          relocations += steps.reduce((total, step) => total + step.relocated, 0);
          const plain = runLloyd(data, n, 3, initial, k, 50, 0, false);
          const bounded = runLloyd(data, n, 3, initial, k, 50, 0, true);
          expect(Array.from(bounded.labels)).toEqual(Array.from(plain.labels));
          expect(Array.from(bounded.centres)).toEqual(Array.from(plain.centres));
          expect(bounded.inertia).toBe(plain.inertia);
          expect(bounded.iterations).toBe(plain.iterations);
        },
      ),
      { numRuns: 80, seed: 11 },
    );
    // The generator really produced the cases this test is about.
    expect(tiedStarts).toBeGreaterThan(10);
    expect(relocations).toBeGreaterThan(10);
  });

  it("the d = 3 default kernel equals plain Lloyd on continuous data to convergence, k = 2..8", () => {
    const n = 3000;
    const data = mixtureData(99, n, 3);
    for (let k = 2; k <= 8; k++) {
      const steps = compareSteps(data, n, kMeansPlusPlus(data, n, 3, k, createRandom(k)), k, 100);
      expect(steps.length).toBeGreaterThan(3);
      expect(steps.at(-1)?.changed).toBe(0);
    }
  });

  it("coordinates beyond the tree kernel's exact range use the general bounded kernel, still exact", () => {
    const n = 300;
    const k = 5;
    const data = mixtureData(5, n, 3).map((value) => value * 1e80);
    const initial = kMeansPlusPlus(data, n, 3, k, createRandom(2));
    const bounds = createBounds(n, 3, k);
    assignBounded(data, n, 3, initial, k, createBuffers(n, 3, k), bounds);
    expect(bounds.shifted).toBe(false);
    compareSteps(data, n, initial, k, 10);
  });

  it("countDistinctUpTo counts distinct rows up to the limit", () => {
    const data = Float64Array.from([1, 1, 1, 1, 2, 2, 1, 1, 3, 3]);
    expect(countDistinctUpTo(data, 5, 2, 10)).toBe(3);
    expect(countDistinctUpTo(data, 5, 2, 2)).toBe(2);
  });

  // The kernels are compiled per d from one template (kernels/source.ts); where code generation is
  // forbidden, or d > 16, the general loops (lloydEngine.ts) run. Both must give the same runs.
  function withGeneric<R>(fn: () => R): R {
    kernelSettings.compile = false;
    try {
      return fn();
    } finally {
      kernelSettings.compile = true;
    }
  }

  it("kernels are compiled for d = 1..16 and d = 3 has the tree kernel; the general loops beyond", () => {
    expect(kernelsFor(3)).not.toBe(genericKernels);
    expect(kernelsFor(3).tree).not.toBeNull();
    expect(kernelsFor(8).tree).toBeNull();
    expect(kernelsFor(16)).not.toBe(genericKernels);
    expect(kernelsFor(17)).toBe(genericKernels);
    expect(withGeneric(() => kernelsFor(3))).toBe(genericKernels);
  });

  it("compiled kernels and the general loops give identical seeding and runs, d = 1..10 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 2, max: 9 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (seed, k, d, bounded) => {
          const n = 2100;
          const data = mixtureData(seed, n, d);
          const compiledStart = kMeansPlusPlus(data, n, d, k, createRandom(seed));
          const genericStart = withGeneric(() => kMeansPlusPlus(data, n, d, k, createRandom(seed)));
          expect(Array.from(genericStart)).toEqual(Array.from(compiledStart));
          const compiled = runLloyd(data, n, d, compiledStart, k, 40, 0, bounded);
          const generic = withGeneric(() => runLloyd(data, n, d, compiledStart, k, 40, 0, bounded));
          expect(generic).toEqual(compiled);
        },
      ),
      { numRuns: 25, seed: 17 },
    );
  });

  // Greedy k-means++ as scikit-learn writes it: cumulative potentials searched by bisection, every
  // candidate's distances kept, the best candidate's minimum distances copied back.
  function directSeeding(data: Float64Array, n: number, d: number, k: number, seed: number): number[] {
    const random = createRandom(seed);
    const distance = (a: number, b: number) => {
      let total = 0;
      for (let j = 0; j < d; j++) total += ((data[a * d + j] as number) - (data[b * d + j] as number)) ** 2;
      return total;
    };
    const chosen = [random.integer(n)];
    let closest = Array.from({ length: n }, (_, i) => distance(i, chosen[0] as number));
    for (let c = 1; c < k; c++) {
      const cumulative: number[] = [];
      let running = 0;
      for (const value of closest) cumulative.push((running += value));
      let best: { potential: number; candidate: number; closest: number[] } | undefined;
      for (let t = 0; t < 2 + Math.floor(Math.log(k)); t++) {
        const target = random.float() * running;
        let low = 0;
        let high = n - 1;
        while (low < high) {
          const middle = (low + high) >>> 1;
          if ((cumulative[middle] as number) > target) high = middle;
          else low = middle + 1;
        }
        while (low < n - 1 && closest[low] === 0) low++;
        const candidate = closest.map((value, i) => Math.min(distance(i, low), value));
        const potential = candidate.reduce((total, value) => total + value, 0);
        if (best === undefined || potential < best.potential)
          best = { potential, candidate: low, closest: candidate };
      }
      chosen.push((best as { candidate: number }).candidate);
      closest = (best as { closest: number[] }).closest;
    }
    return chosen.flatMap((i) => Array.from(data.subarray(i * d, i * d + d)));
  }

  it("k-means++ seeding picks scikit-learn's greedy candidates, with ties and duplicate points (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 2, max: 5 }),
        (seed, k, d, levels) => {
          const n = 400;
          const random = createRandom(seed);
          const data = Float64Array.from({ length: n * d }, () => random.integer(levels));
          const distinct = countDistinctUpTo(data, n, d, k);
          fc.pre(distinct >= k);
          expect(Array.from(kMeansPlusPlus(data, n, d, k, createRandom(seed + 1)))).toEqual(
            directSeeding(data, n, d, k, seed + 1),
          );
        },
      ),
      { numRuns: 60, seed: 23 },
    );
  });
});
