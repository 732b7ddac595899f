import { describe, expect, it } from "vitest";
import { customerFields, customers, reference } from "../../test/fixtures/segment/reference.js";
import { InvalidOptionsError } from "../core/index.js";
import { assignSegments } from "./assignSegments.js";
import { kMeans } from "./kMeans.js";
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
