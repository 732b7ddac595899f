import { describe, expect, it } from "vitest";
import { loadMixedReference, loadRCsv } from "../../fixtures/segment/mixedReference.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { assignSegments } from "./assignSegments.js";
import { type DistanceMatrix, distanceMatrix } from "./distanceMatrix.js";
import { euclideanDistances } from "./euclideanDistances.js";
import { type GowerFieldType, gowerDistance } from "./gowerDistance.js";
import { kMedoids } from "./kMedoids.js";
import { kPrototypes } from "./kPrototypes.js";

type Row = Record<string, string | number | null>;
const reference = loadMixedReference();
const levels = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));

const ruspini = euclideanDistances(loadRCsv("ruspini.csv"), { fields: ["x", "y"] });
const flower = gowerDistance(loadRCsv("flower.csv") as Row[], {
  fields: {
    V1: "nominal",
    V2: "nominal",
    V3: "asymmetricBinary",
    V4: "nominal",
    V5: { type: "ordinal", levels: levels(3) },
    V6: { type: "ordinal", levels: levels(18) },
    V7: "numeric",
    V8: "numeric",
  },
});
const plants = loadRCsv("plantTraits.csv");
const plantFields: Record<string, GowerFieldType> = {};
Object.keys(plants[0] as Row)
  .slice(1)
  .forEach((column, index) => {
    plantFields[column] =
      index < 3 ? "numeric" : index < 11 ? "ordinal" : index < 13 ? "binary" : "asymmetricBinary";
  });
const plantTraits = gowerDistance(plants, { fields: plantFields });
const data: Record<string, DistanceMatrix> = { ruspini, flower, plantTraits };

describe("kMedoids against R cluster::pam", () => {
  for (const ref of reference.pam) {
    const dataName = ref.name.split(" ")[0] as string;
    const method = ref.pamonce === 5 ? "fastpam" : ref.pamonce === 0 ? "pam" : undefined;
    if (method === undefined) continue; // FasterPAM (pamonce = 6) is not implemented; see the pam-vs-fasterpam test
    it(`${ref.call} (${method})`, () => {
      const model = kMedoids(data[dataName] as DistanceMatrix, { k: ref.k, method });
      expect(model.medoids).toEqual(ref.medoids.map((m) => m - 1));
      expect(Array.from(model.assignments)).toEqual(ref.clustering.map((c) => c - 1));
      expect(model.sizes).toEqual(ref.sizes);
      expect(model.objective.build).toBeCloseTo(ref.objective[0], 9);
      expect(model.objective.swap).toBeCloseTo(ref.objective[1], 9);
      const silhouette = model.silhouette;
      expect(silhouette).not.toBeNull();
      if (silhouette === null) return;
      expect(Array.from(silhouette.neighbors)).toEqual(ref.silhouette.neighbor.map((c) => c - 1));
      const worst = Math.max(
        ...ref.silhouette.width.map((w, i) => Math.abs(w - (silhouette.widths[i] as number))),
      );
      expect(worst).toBeLessThan(1e-9);
      expect(silhouette.averageWidth).toBeCloseTo(ref.averageWidth, 9);
      silhouette.clusterAverageWidths.forEach((w, c) => {
        expect(w).toBeCloseTo(ref.clusterAverageWidths[c] as number, 9);
      });
    });
  }

  it("fastpam reaches PAM's objective on every reference case (same medoids here)", () => {
    for (const ref of reference.pam.filter((entry) => entry.pamonce === 0)) {
      const dataName = ref.name.split(" ")[0] as string;
      const fast = kMedoids(data[dataName] as DistanceMatrix, { k: ref.k, method: "fastpam" });
      expect(fast.objective.swap).toBeCloseTo(ref.objective[1], 9);
      expect(fast.medoids).toEqual(ref.medoids.map((m) => m - 1));
    }
  });

  it("fastpam from LAB (seeded) ends within a few percent of PAM and repeats with the seed", () => {
    const a = kMedoids(ruspini, { k: 4, method: "fastpam", init: "lab", seed: 7 });
    const b = kMedoids(ruspini, { k: 4, method: "fastpam", init: "lab", seed: 7 });
    expect(a.medoids).toEqual(b.medoids);
    expect(a.objective.swap).toBeLessThan(11.486374814577271 * 1.05);
  });
});

describe("kMedoids on records and edge cases", () => {
  const customers = Object.freeze(
    [
      { plan: "basic", channel: "web", spend: 20 },
      { plan: "basic", channel: "web", spend: 25 },
      { plan: "basic", channel: "app", spend: 22 },
      { plan: "pro", channel: "store", spend: 300 },
      { plan: "pro", channel: "store", spend: 280 },
      { plan: "pro", channel: "app", spend: 310 },
    ].map((row) => Object.freeze(row)),
  );

  it("clusters records by Gower's distance and numbers segments by first appearance", () => {
    const model = kMedoids(customers, {
      k: 2,
      fields: { plan: "nominal", channel: "nominal", spend: "numeric" },
    });
    expect(Array.from(model.assignments)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(model.sizes).toEqual([3, 3]);
  });

  it("k = 1 gives the medoid minimising the total distance and no silhouette", () => {
    // 1-D points 0, 1, 2, 10: distances in R dist order
    const d = distanceMatrix([1, 2, 10, 1, 9, 8], 4);
    const model = kMedoids(d, { k: 1 });
    // rows 1 and 2 tie (total 11): BUILD keeps the last, as cluster::pam (`ammax <= beter`)
    expect(model.medoids).toEqual([2]);
    expect(model.totalDistance).toBe(1 + 1 + 9);
    expect(model.silhouette).toBeNull();
  });

  it("refuses bad options and too few customers", () => {
    const d = distanceMatrix([1, 2, 3], 3);
    expect(() => kMedoids(d, { k: 4 })).toThrow(InsufficientDataError);
    expect(() => kMedoids(d, { k: 2, fields: { a: "numeric" } })).toThrow(InvalidOptionsError);
    expect(() => kMedoids(customers, { k: 2 })).toThrow(/fields/);
    expect(() => kMedoids(d, { k: 2, methd: "pam" } as never)).toThrow(/did you mean "method"/);
  });
});

describe("assignSegments with kMedoids and kPrototypes models", () => {
  const customers = Object.freeze(
    [
      { plan: "basic", channel: "web", spend: 20 },
      { plan: "basic", channel: "web", spend: 25 },
      { plan: "basic", channel: "app", spend: 22 },
      { plan: "pro", channel: "store", spend: 300 },
      { plan: "pro", channel: "store", spend: 280 },
      { plan: "pro", channel: "app", spend: 310 },
    ].map((row) => Object.freeze(row)),
  );
  const fields = { plan: "nominal", channel: "nominal", spend: "numeric" } as const;

  it("places a fitted customer in its own segment at its Gower distance to the medoid, with fitted ranges", () => {
    const model = kMedoids(customers, { k: 2, fields });
    const result = assignSegments(model, customers);
    expect(Array.from(result.assignments)).toEqual(Array.from(model.assignments));
    customers.forEach((_, i) => {
      const medoid = model.medoids[model.assignments[i] as number] as number;
      expect(result.distances[i]).toBeCloseTo(model.distances.get(i, medoid), 12);
    });
    // new customer: plan pro, unseen channel "phone", spend 150 -> to medoid 3 (pro, store, 300):
    // (0 + 1 + 150/290) / 3; to medoid 0 (basic, web, 20): (1 + 1 + 130/290) / 3
    const fresh = assignSegments(model, [{ plan: "pro", channel: "phone", spend: 150 }]);
    expect(Array.from(fresh.assignments)).toEqual([1]);
    expect(fresh.distances[0]).toBeCloseTo((1 + 150 / 290) / 3, 12);
    const partial = assignSegments(model, [{ plan: null, channel: null, spend: 21 } as never]);
    expect(partial.distances[0]).toBeCloseTo(1 / 290, 12);
    expect(() => assignSegments(model, [{ plan: null, channel: null, spend: null } as never])).toThrow(
      /no comparable/,
    );
    expect(
      assignSegments(model, [{ plan: null, channel: null, spend: null } as never], { missing: "drop" })
        .droppedRowCount,
    ).toBe(1);
  });

  it("refuses a kMedoids model fitted on a distance matrix", () => {
    const model = kMedoids(distanceMatrix([1, 4, 3], 3), { k: 2 });
    expect(() => assignSegments(model, [{}])).toThrow(InvalidOptionsError);
  });

  it("assigns to the nearest k-prototype with the fitted gamma", () => {
    const model = kPrototypes(customers, {
      k: 2,
      fields: { numeric: ["spend"], categorical: ["plan"] },
      gamma: 10_000,
      seed: 1,
    });
    // spend 150 is nearer the low segment's mean (22.33) than the high one's (296.67) by squared
    // distance (16297 vs 21467), but plan "pro" mismatches the low prototype (+10000)
    const result = assignSegments(model, [{ plan: "pro", channel: "web", spend: 150 }]);
    expect(Array.from(result.assignments)).toEqual([1]);
    expect(result.distances[0]).toBeCloseTo((150 - 890 / 3) ** 2, 9);
    expect(() => assignSegments(model, [{ plan: "pro", channel: "web", spend: null } as never])).toThrow(
      InvalidRecordError,
    );
  });
});

describe("kMedoids on distances near the smallest doubles", () => {
  it("stops instead of swapping for ever when the gains' rounding claims an improvement (found by the property test)", () => {
    // x spans 0.1 with most values below 1e-75: Gower distances of 1e-190 and less, where the swap gains
    // round to tiny negative numbers that no real swap achieves.
    const points = [
      0.10336185389505954, 5.026766603572554e-191, 1.3733601362832935e-187, 2.9128535835125314e-75,
      5.8670807747097335e-164, 3.894466142359491e-131, 7.087224005852666e-292, 3.3856708072618524e-279,
      1.2977173230415876e-137,
    ];
    const rows = points.map((x) => ({ x, plan: x > 50 ? "a" : "b" }));
    const distances = gowerDistance(rows, { fields: { x: "numeric", plan: "nominal" } });
    for (const method of ["pam", "fastpam"] as const) {
      const model = kMedoids(distances, { k: 4, method });
      expect(new Set(model.medoids).size).toBe(4);
      expect(model.objective.swap).toBeLessThanOrEqual(model.objective.build);
    }
  });
});
