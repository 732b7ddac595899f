import { describe, expect, it } from "vitest";
import { customerFields, customers, reference } from "../../fixtures/segment/reference.js";
import { InvalidOptionsError } from "../core/index.js";
import { assignSegments } from "./assignSegments.js";
import { kMeans } from "./kMeans.js";
import { kMedoids } from "./kMedoids.js";
import { kPrototypes } from "./kPrototypes.js";
import { segmentProfiles } from "./segmentProfiles.js";

const records = Object.freeze(customers.map((row) => Object.freeze(row)));
const lloyd = reference.lloyd[5] as (typeof reference.lloyd)[number];
const model = kMeans(records, {
  k: 4,
  fields: [...customerFields],
  transforms: ["log1p", "standardize"],
  init: lloyd.init,
  tolerance: 0,
});

describe("segmentProfiles against numpy on the sklearn labels (make-reference.py, tolerance 1e-10)", () => {
  it("segmentProfiles gives sizes, means, standardised differences and shares of value", () => {
    expect(Array.from(model.assignments)).toEqual(lloyd.labels);
    const result = segmentProfiles(model, records, { valueField: "monetary" });
    reference.profiles.forEach((expected, c) => {
      const profile = result.profiles[c];
      expect(profile?.size).toBe(expected.size);
      expect(profile?.shareOfCustomers).toBeCloseTo(expected.size / 200, 14);
      expect(Math.abs((profile?.shareOfValue as number) - expected.shareOfValue)).toBeLessThan(1e-10);
      customerFields.forEach((feature, j) => {
        expect(Math.abs((profile?.means[feature] as number) - (expected.means[j] as number))).toBeLessThan(
          1e-9,
        );
        expect(
          Math.abs(
            (profile?.standardizedDifferences[feature] as number) -
              (expected.standardizedDifferences[j] as number),
          ),
        ).toBeLessThan(1e-10);
      });
    });
    expect(result.profiles.reduce((sum, profile) => sum + (profile.shareOfValue as number), 0)).toBeCloseTo(
      1,
      12,
    );
  });

  it("segmentProfiles labels segments in plain words from the features that set them apart", () => {
    const result = segmentProfiles(model, records, { valueField: "monetary" });
    // Segment 0 of the reference: recency +1.12 sd, frequency -1.37 sd, monetary -1.28 sd.
    expect(result.profiles[0]?.keyFeatures.map((entry) => entry.feature)).toEqual([
      "frequency",
      "monetary",
      "recency",
    ]);
    expect(result.profiles[0]?.label).toBe("infrequent, low value, lapsed");
    const custom = segmentProfiles(model, records, {
      topFeatures: 1,
      labelWords: { frequency: { high: "regular", low: "rare" } },
    });
    expect(custom.profiles[0]?.label).toBe("rare");
    expect(custom.profiles[0]?.shareOfValue).toBeNull();
    const strict = segmentProfiles(model, records, { threshold: 100 });
    expect(strict.profiles.map((profile) => profile.label)).toEqual([
      "typical",
      "typical #2",
      "typical #3",
      "typical #4",
    ]);
  });

  it("segmentProfiles refuses records that are not the model's", () => {
    expect(() => segmentProfiles(model, records.slice(1))).toThrow(InvalidOptionsError);
  });
});

describe("assignSegments", () => {
  it("assignSegments puts the training customers back in their own segments", () => {
    const again = assignSegments(model, records);
    expect(Array.from(again.assignments)).toEqual(Array.from(model.assignments));
    expect(again.distances.reduce((sum, value) => sum + value, 0)).toBeCloseTo(model.inertia, 9);
  });

  it("assignSegments scores a new customer with the fitted transform and marks dropped rows", () => {
    const result = assignSegments(
      model,
      Object.freeze([
        { recency: 5, frequency: 14, monetary: 700 },
        { recency: null, frequency: 1, monetary: 1 },
      ]) as never,
      {
        missing: "drop",
      },
    );
    const profiles = segmentProfiles(model, records);
    const best = profiles.profiles.find((profile) => profile.segment === result.assignments[0]);
    expect(best?.standardizedDifferences.monetary).toBeGreaterThan(0.5);
    expect(result.assignments[1]).toBe(-1);
    expect(Number.isNaN(result.distances[1])).toBe(true);
    expect(Array.from(result.droppedRows)).toEqual([1]);
  });

  it("assignSegments refuses something that is not a model", () => {
    expect(() => assignSegments({} as never, records)).toThrow(InvalidOptionsError);
  });
});

describe("segmentProfiles for other methods and categorical fields", () => {
  const shoppers = Object.freeze(
    [
      { spend: 10, channel: "web", plan: "basic" },
      { spend: 14, channel: "web", plan: "basic" },
      { spend: 12, channel: "web", plan: "pro" },
      { spend: 90, channel: "store", plan: "pro" },
      { spend: 110, channel: "store", plan: "pro" },
      { spend: 100, channel: "web", plan: "pro" },
    ].map((row) => Object.freeze(row)),
  );

  it("profiles any assignments by numeric means and categorical level shares (hand-worked)", () => {
    const result = segmentProfiles({ assignments: [0, 0, 0, 1, 1, 1] }, shoppers, {
      fields: { numeric: ["spend"], categorical: ["channel"] },
      valueField: "spend",
    });
    // spend: mean 56, sample sd sqrt(((46²+42²+44²+34²+54²+44²)/5) = sqrt(2236.8)
    const sd = Math.sqrt((46 ** 2 + 42 ** 2 + 44 ** 2 + 34 ** 2 + 54 ** 2 + 44 ** 2) / 5);
    expect(result.populationMeans).toEqual({ spend: 56 });
    expect(result.profiles[0]?.means).toEqual({ spend: 12 });
    expect(result.profiles[0]?.standardizedDifferences.spend).toBeCloseTo((12 - 56) / sd, 12);
    expect(result.populationLevelShares).toEqual({ channel: { web: 4 / 6, store: 2 / 6 } });
    expect(result.profiles[1]?.levelShares).toEqual({ channel: { web: 1 / 3, store: 2 / 3 } });
    // store: p = 1/3, segment 1 share 2/3: (2/3 - 1/3) / sqrt(1/3 · 2/3) = 0.7071
    const store = result.profiles[1]?.keyFeatures.find((entry) => entry.level !== undefined);
    expect(store).toEqual({
      feature: "channel",
      level: "store",
      direction: "high",
      standardizedDifference: expect.closeTo(Math.SQRT1_2, 12),
    });
    expect(result.profiles[1]?.label).toBe("high value, store channel");
    expect(result.profiles[0]?.label).toBe("low value, web channel");
    expect(result.profiles[1]?.shareOfValue).toBeCloseTo(300 / 336, 12);
  });

  it("works on kMedoids and kPrototypes results and skips customers left out", () => {
    const medoids = kMedoids(shoppers, { k: 2, fields: { spend: "numeric", channel: "nominal" } });
    const byMedoids = segmentProfiles(medoids, shoppers, {
      fields: { numeric: ["spend"], categorical: ["plan"] },
    });
    // Gower puts (100, web) with the web customers: (0.9 + 0) / 2 < (0.1 + 1) / 2
    expect(Array.from(medoids.assignments)).toEqual([0, 0, 0, 1, 1, 0]);
    expect(byMedoids.profiles.map((profile) => profile.size)).toEqual([4, 2]);
    expect(byMedoids.profiles[1]?.levelShares).toEqual({ plan: { basic: 0, pro: 1 } });
    const prototypes = kPrototypes(shoppers, {
      k: 2,
      fields: { numeric: ["spend"], categorical: ["channel"] },
      seed: 1,
    });
    expect(
      segmentProfiles(prototypes, shoppers, { fields: { numeric: ["spend"] } }).profiles[1]?.means.spend,
    ).toBe(100);
    const partial = segmentProfiles({ assignments: [0, 0, -1, 1, 1, -1] }, shoppers, {
      fields: { numeric: ["spend"] },
    });
    expect(partial.customerCount).toBe(4);
    expect(partial.populationMeans.spend).toBe(56);
  });

  it("adds categorical level shares to a kMeans model without changing its numeric profile", () => {
    const plain = segmentProfiles(model, records, { valueField: "monetary" });
    const channels = records.map((record, i) => ({ ...record, tier: i % 2 === 0 ? "a" : "b" }));
    const withTier = segmentProfiles(model, channels as unknown as typeof records, {
      valueField: "monetary",
      fields: { categorical: ["tier"] },
    });
    plain.profiles.forEach((profile, c) => {
      expect(withTier.profiles[c]?.means).toEqual(profile.means);
      expect(withTier.profiles[c]?.standardizedDifferences).toEqual(profile.standardizedDifferences);
    });
    expect(Object.keys(withTier.populationLevelShares?.tier ?? {}).sort()).toEqual(["a", "b"]);
    expect(() =>
      segmentProfiles(model, records, { fields: { numeric: ["recency"] } }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: segmentProfiles: invalid options
        - fields.numeric: a kMeans model profiles its own features; leave fields.numeric out (fields.categorical may be added)]
    `);
    expect(() =>
      segmentProfiles({ assignments: [0, 0, 0, 1, 1, 1] }, shoppers, {
        fields: { numeric: ["spend", "" as never] },
        topFeatures: 1.5,
      }),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: segmentProfiles: invalid options
        - topFeatures: topFeatures must be a whole number (received 1.5)
        - fields.numeric: entry 1 is not a property name (a non-empty string); expected an array of property names or an object of { name: property name or accessor (record, index) => value } (received ["spend",""])]
    `);
    // the fields to profile are read from fields: { numeric, categorical }, not from top-level keys
    expect(() =>
      segmentProfiles({ assignments: [0, 0, 0, 1, 1, 1] }, shoppers, { numeric: ["spend"] } as never),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: segmentProfiles: invalid options
        - numeric: unknown option "numeric" (valid: valueField, topFeatures, threshold, labelWords, fields)]
    `);
  });
});
