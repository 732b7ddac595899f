import { describe, expect, it } from "vitest";
import { readPlsReference } from "../../../fixtures/satisfaction/ecsi.js";
import { bcaInterval, percentileInterval } from "./intervals.js";
import { normalCdf, normalQuantile } from "./normal.js";

const { interval } = readPlsReference();

describe("bootstrap intervals", () => {
  // Replicates, jackknife values and intervals from pls-reference.R (set.seed(20051), 400 resamples of a mean).
  const sorted = Float64Array.from(interval.replicates).sort();

  it("percentile interval matches R's quantile(type = 7)", () => {
    const result = percentileInterval(sorted, interval.level);
    expect(result.lower).toBeCloseTo(interval.percentile[0], 12);
    expect(result.upper).toBeCloseTo(interval.percentile[1], 12);
  });

  it("BCa bias correction, acceleration and bounds match the R formulas", () => {
    const result = bcaInterval(sorted, interval.estimate, interval.jackknife, interval.level);
    expect(result.biasCorrection).toBeCloseTo(interval.biasCorrection, 12);
    expect(result.acceleration).toBeCloseTo(interval.acceleration, 12);
    expect(result.lower).toBeCloseTo(interval.bca[0], 10);
    expect(result.upper).toBeCloseTo(interval.bca[1], 10);
  });

  it("BCa stays finite when every replicate lies above the estimate", () => {
    const result = bcaInterval(Float64Array.from([2, 3, 4, 5]), 1, [1, 1.1, 0.9, 1], 0.9);
    expect(Number.isFinite(result.lower)).toBe(true);
    expect(Number.isFinite(result.upper)).toBe(true);
  });
});

describe("normal distribution", () => {
  it("normalCdf matches R's pnorm to 1e-14 relative", () => {
    // R: print(pnorm(c(-8, -5, -4.2, -2.13, -1.96, 0.3, 1, 2.12, 2.5)), digits = 17)
    const cases: [number, number][] = [
      [-8, 6.22096057427178e-16],
      [-5, 2.866515718791939e-7],
      [-4.2, 1.334574901590631e-5],
      [-2.13, 0.016585806683605014],
      [-1.96, 0.024997895148220435],
      [0.3, 0.6179114221889527],
      [1, 0.8413447460685429],
      [2.12, 0.98299697735236724],
      [2.5, 0.9937903346742238],
    ];
    for (const [x, expected] of cases)
      expect(Math.abs(normalCdf(x) - expected) / expected).toBeLessThan(1e-13);
  });

  it("normalQuantile matches R's qnorm", () => {
    // R: print(qnorm(c(1e-10, 0.3, 0.975, 0.999)), digits = 17)
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 13);
    expect(normalQuantile(0.3)).toBeCloseTo(-0.5244005127080407, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232306167813, 14);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(2)).toBeNaN();
  });

  it("normalQuantile is accurate to 3e-15 relative from p = 1e-300 to the median", () => {
    // mpmath (dps 40, printed to 17 digits, written here as the nearest double) at each double p: sqrt(2) * erfinv(2p - 1) near the median, else the root of
    // log(ncdf(x)) = log(p) by findroot
    const cases: [number, number][] = [
      [1e-300, -37.0470962993612],
      [1e-100, -21.273453560965326],
      [1e-20, -9.262340089798407],
      [0.019, -2.07485473439331],
      [0.2, -0.8416212335729142],
      [0.4999999, -2.5066282747031063e-7],
      [0.5000001, 2.506628273311648e-7],
      [0.75, 0.6744897501960817],
    ];
    for (const [p, expected] of cases)
      expect(Math.abs(normalQuantile(p) - expected) / Math.abs(expected), String(p)).toBeLessThan(3e-15);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.75)).toBe(-normalQuantile(0.25));
  });
});
