import { describe, expect, it } from "vitest";
import { chooseKChart, chooseKPoints } from "./chooseKChart.js";
import { storeResults } from "./internal/storeResults.js";
import { segmentProfileCells, segmentProfileChart } from "./segmentProfileChart.js";
import { segmentShares } from "./segmentSharesChart.js";

describe("chooseKChart", () => {
  it("has one point per k and criterion with the table's values, the recommended k marked", () => {
    const { choice } = storeResults();
    const points = chooseKPoints(choice);
    expect(points).toHaveLength(4 * choice.table.length);
    for (const row of choice.table) {
      const inertia = points.find((p) => p.k === row.k && p.criterion.startsWith("Inertia"));
      expect(inertia?.value).toBeCloseTo(row.inertia, 8);
      const silhouette = points.find((p) => p.k === row.k && p.criterion.startsWith("Silhouette"));
      expect(silhouette?.value).toBeCloseTo(row.silhouette as number, 10);
      expect(inertia?.recommended).toBe(row.k === choice.recommendedK);
    }
    const spec = chooseKChart(choice);
    expect((spec.facet as { sort: string[] }).sort).toHaveLength(4);
    expect((spec.title as { text: string }).text).toBe(
      `How many segments? (recommended k = ${choice.recommendedK})`,
    );
  });

  it("leaves out criteria that were not computed", () => {
    const { choice } = storeResults();
    const inertiaOnly = {
      ...choice,
      table: choice.table.map((row) => ({
        ...row,
        silhouette: null,
        calinskiHarabasz: null,
        daviesBouldin: null,
      })),
    };
    expect(new Set(chooseKPoints(inertiaOnly).map((p) => p.criterion))).toEqual(
      new Set(["Inertia (elbow; lower is tighter)"]),
    );
  });
});

describe("segmentProfileChart", () => {
  it("has one cell per segment and feature holding the standardized difference", () => {
    const { profiles } = storeResults();
    const cells = segmentProfileCells(profiles);
    const features = Object.keys(profiles.populationMeans);
    expect(cells).toHaveLength(profiles.profiles.length * features.length);
    for (const profile of profiles.profiles) {
      for (const feature of features) {
        const cell = cells.find(
          (c) => c.segment.startsWith(`${profile.segment + 1}: `) && c.feature === feature,
        );
        expect(cell?.zScore).toBeCloseTo(profile.standardizedDifferences[feature] as number, 10);
        expect(cell?.colour).toBe(Math.max(-2, Math.min(2, cell?.zScore as number)));
        expect(cell?.segment).toContain(profile.label.slice(0, 20));
      }
    }
    expect((segmentProfileChart(profiles).encoding as { x: { sort: string[] } }).x.sort).toEqual(features);
  });

  it("shows sizes and value shares of the profiled segments", () => {
    const { profiles } = storeResults();
    const shares = segmentShares(profiles);
    expect(shares.reduce((s, row) => s + row.customerShare, 0)).toBeCloseTo(1, 12);
    expect(shares.reduce((s, row) => s + (row.valueShare as number), 0)).toBeCloseTo(1, 12);
  });
});
