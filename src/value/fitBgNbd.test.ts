import fc from "fast-check";
import { describe, expect, it } from "vitest";
import scipyPredictions from "../../fixtures/value/bgnbd-predictions.json" with { type: "json" };
import regions from "../../fixtures/value/bgnbd-regions.json" with { type: "json" };
import published from "../../fixtures/value/cdnow-published.json" with { type: "json" };
import {
  cdnowHistories,
  generatedStoreSummary,
  logGrid,
  relative,
  SIX_HISTORIES,
  simulatedHistories,
} from "../../fixtures/value/histories.js";
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { fitBgNbd } from "./fitBgNbd.js";
import { bgNbdPredictions } from "./internal/bgNbdPredictions.js";
import { repeatPurchaseSummary } from "./repeatPurchaseSummary.js";

describeWithDataset("cdnow_customers_summary.csv", "fitBgNbd on CDNOW (Fader, Hardie & Lee 2005)", () => {
  const rows = cdnowHistories();
  const model = fitBgNbd(rows);
  const reference = published.bgNbd;

  it("reproduces lifetimes' published parameters to 1e-4 relative and the paper's log-likelihood", () => {
    expect(model.convergence.converged).toBe(true);
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(relative(model.params[name], reference.params[name]), name).toBeLessThan(1e-4);
    }
    expect(Math.abs(model.logLikelihood - reference.logLikelihood)).toBeLessThan(0.05);
    expect(model.customerCount).toBe(2357);
    expect(model.repeatCustomerCount).toBe(946);
  });

  it("reproduces Hardie's E[Y(39) | x=2, t_x=30.43, T=38.86] = 1.226", () => {
    const { t, frequency, recency, T, value } = reference.conditionalExpectedPurchases;
    expect(Math.abs(model.conditionalExpectedPurchases(t, frequency, recency, T) - value)).toBeLessThan(5e-4);
  });

  it("reproduces the published unconditional E[X(t)] values (4 decimals, tolerance 1e-3)", () => {
    reference.expectedPurchases.t.forEach((t, j) => {
      expect(
        Math.abs(model.expectedPurchases(t) - (reference.expectedPurchases.value[j] as number)),
        `t=${t}`,
      ).toBeLessThan(1e-3);
    });
  });

  it("reads other column names through field options", () => {
    const renamed = rows.map((row) => ({ x: row.frequency, t_x: row.recency, age: row.T }));
    const again = fitBgNbd(renamed, { frequency: "x", recency: "t_x", T: "age" });
    expect(relative(again.params.r, model.params.r)).toBeLessThan(1e-8);
  });
});

describeWithDataset("cdnow_sample.csv", "fitBgNbd from CDNOW transactions", () => {
  it("fits the summary built by repeatPurchaseSummary to the published parameters (1e-3 relative: the file is rounded)", () => {
    const transactions = parseSimpleCsv(readSharedDataset("cdnow_sample.csv"));
    const summary = repeatPurchaseSummary(transactions, {
      customer: "customer_id",
      date: "date",
      asOf: "1997-09-30",
      timeUnit: "week",
      afterAsOf: "drop",
    });
    const model = fitBgNbd(summary);
    for (const name of ["r", "alpha", "a", "b"] as const) {
      expect(relative(model.params[name], published.bgNbd.params[name]), name).toBeLessThan(1e-3);
    }
  });
});

// |ours - reference| within 1e-8 of the reference (plus 1e-15 for values near 0)
const closeTo = (value: number, reference: number) =>
  Math.abs(value - reference) <= 1e-8 * Math.abs(reference) + 1e-15;

describe("BG/NBD predictions at lifetimes' published CDNOW parameters", () => {
  // reference: scipy.special.hyp2f1 closed forms, fixtures/value/make-bgnbd-predictions.py
  const model = bgNbdPredictions(scipyPredictions.params);

  it("match scipy's P(alive), E[Y(39) | history] and E[X(t)] to 1e-8 relative", () => {
    scipyPredictions.histories.forEach(([x, tx, T], j) => {
      const [frequency, recency, age] = [x as number, tx as number, T as number];
      const alive = model.probabilityAlive(frequency, recency, age);
      const expected = model.conditionalExpectedPurchases(39, frequency, recency, age);
      expect(closeTo(alive, scipyPredictions.probabilityAlive[j] as number), `P(alive) ${j}: ${alive}`).toBe(
        true,
      );
      expect(
        closeTo(expected, scipyPredictions.conditionalExpectedPurchases39[j] as number),
        `E[Y] ${j}: ${expected}`,
      ).toBe(true);
    });
    scipyPredictions.expectedPurchases.t.forEach((t, j) => {
      const value = model.expectedPurchases(t);
      expect(
        closeTo(value, scipyPredictions.expectedPurchases.value[j] as number),
        `E[X(${t})]: ${value}`,
      ).toBe(true);
    });
  });
});

describeWithDataset(
  "cdnow_customers_summary.csv",
  "BG/NBD predictions over the CDNOW calibration summary",
  () => {
    it("sum E[Y(39)] and P(alive) over the 2357 customers as scipy does (1e-8 relative)", () => {
      const rows = cdnowHistories();
      const model = bgNbdPredictions(scipyPredictions.params);
      let expected = 0;
      let alive = 0;
      for (const { frequency, recency, T } of rows) {
        expected += model.conditionalExpectedPurchases(39, frequency, recency, T);
        alive += model.probabilityAlive(frequency, recency, T);
      }
      const reference = scipyPredictions.cdnowCalibration;
      expect(rows).toHaveLength(reference.customers);
      expect(relative(expected, reference.sumConditionalExpectedPurchases39)).toBeLessThan(1e-8);
      expect(relative(alive, reference.sumProbabilityAlive)).toBeLessThan(1e-8);
    });
  },
);

describe("fitBgNbd", () => {
  it("recovers the parameters of simulated BG/NBD customers", () => {
    const truth = { r: 0.5, alpha: 6, a: 0.8, b: 2.5 };
    const model = fitBgNbd(simulatedHistories(truth, 30_000, { seed: 11, minT: 26, maxT: 78 }));
    expect(model.convergence.converged).toBe(true);
    expect(relative(model.params.r, truth.r)).toBeLessThan(0.1);
    expect(relative(model.params.alpha, truth.alpha)).toBeLessThan(0.15);
    expect(relative(model.params.a, truth.a)).toBeLessThan(0.25);
    expect(relative(model.params.b, truth.b)).toBeLessThan(0.3);
  });

  it("says the model is not identifiable when nobody made a repeat purchase", () => {
    const rows = [
      { frequency: 0, recency: 0, T: 10 },
      { frequency: 0, recency: 0, T: 20 },
    ];
    expect(() => fitBgNbd(rows)).toThrow(InsufficientDataError);
    expect(() => fitBgNbd(rows)).toThrow(/not identifiable/);
  });

  it("refuses empty input and malformed histories with the row and field", () => {
    expect(() => fitBgNbd([])).toThrow(/no customers/);
    expect(() => fitBgNbd([{ frequency: 1.5, recency: 1, T: 2 }])).toThrow(InvalidRecordError);
    expect(() => fitBgNbd([{ frequency: 1, recency: 3, T: 2 }])).toThrow(/row 0, field "T"/);
    expect(() => fitBgNbd([{ frequency: 0, recency: 3, T: 5 }])).toThrow(/frequency 0\) must have recency 0/);
    expect(() => fitBgNbd([{ frequency: -1, recency: 0, T: 5 }])).toThrow(/non-negative integer/);
  });

  const small = fitBgNbd(SIX_HISTORIES);

  it("keeps probabilityAlive in [0, 1], 1 without repeats, and falling as the customer stays silent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (x, recency, gap) => {
          const p1 = small.probabilityAlive(x, recency, recency + gap);
          const p2 = small.probabilityAlive(x, recency, recency + gap + 1);
          return p1 >= 0 && p1 <= 1 && p2 <= p1 + 1e-12;
        },
      ),
    );
    expect(small.probabilityAlive(0, 0, 100)).toBe(1);
  });

  it("expects more purchases over longer horizons", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 100, noNaN: true }), (t) => {
        return (
          small.expectedPurchases(t + 1) > small.expectedPurchases(t) &&
          small.conditionalExpectedPurchases(t + 1, 2, 10, 20) >
            small.conditionalExpectedPurchases(t, 2, 10, 20)
        );
      }),
    );
  });
});

describe("fitBgNbd on the generated store", () => {
  it("gives the planted churners a lower probability of being alive than everyone else", async () => {
    const { store, summary } = await generatedStoreSummary(5, 800);
    const model = fitBgNbd(summary);
    expect(model.convergence.converged).toBe(true);
    const churned = new Set(store.planted.churners.map((c) => c.customerId));
    let churnSum = 0;
    let churnCount = 0;
    let otherSum = 0;
    let otherCount = 0;
    for (const row of summary.customers) {
      const p = model.probabilityAlive(row.frequency, row.recency, row.T);
      if (churned.has(row.customer)) {
        churnSum += p;
        churnCount++;
      } else {
        otherSum += p;
        otherCount++;
      }
    }
    expect(churnCount).toBeGreaterThan(50);
    expect(churnSum / churnCount).toBeLessThan(otherSum / otherCount - 0.15);
  });
});

describe("fitBgNbd with a single customer", () => {
  it("returns without NaN but reports that a parameter ran off (not converged)", () => {
    const model = fitBgNbd([Object.freeze({ frequency: 3, recency: 20, T: 30 })]);
    expect(model.convergence.converged).toBe(false);
    expect(model.convergence.message).toMatch(/ran off/);
    expect(Number.isFinite(model.logLikelihood)).toBe(true);
  });
});

describe("BG/NBD expectations in every parameter region (issue 12)", () => {
  it("matches mpmath's 2F1 and the mixture integral to 1e-9 relative, a + b < 1, a = 1 and long horizons included", () => {
    let checked = 0;
    for (const row of regions.expectedPurchases) {
      const value = bgNbdPredictions(row).expectedPurchases(row.t);
      expect(relative(value, row.expectedPurchases), JSON.stringify(row)).toBeLessThan(1e-9);
      checked++;
    }
    for (const row of regions.conditional) {
      const model = bgNbdPredictions(row);
      const label = JSON.stringify(row);
      expect(
        relative(model.probabilityAlive(row.x, row.tx, row.T), row.probabilityAlive),
        label,
      ).toBeLessThan(1e-9);
      const expected = model.conditionalExpectedPurchases(row.t, row.x, row.tx, row.T);
      expect(relative(expected, row.conditionalExpectedPurchases), label).toBeLessThan(1e-9);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });

  it("gives finite expectations for the store fit that converges with a + b < 1 (seed 3, 60 customers)", async () => {
    const { summary } = await generatedStoreSummary(3, 60);
    const model = fitBgNbd(summary);
    expect(model.convergence.converged).toBe(true);
    expect(model.params.a + model.params.b).toBeLessThan(1);
    expect(Number.isFinite(model.expectedPurchases(10))).toBe(true);
    // E[X(t)] grows with t and starts with slope r / alpha
    expect(model.expectedPurchases(20)).toBeGreaterThan(model.expectedPurchases(10));
    expect(relative(model.expectedPurchases(1e-6) / 1e-6, model.params.r / model.params.alpha)).toBeLessThan(
      1e-5,
    );
    for (const row of summary.customers) {
      const value = model.conditionalExpectedPurchases(10, row.frequency, row.recency, row.T);
      expect(Number.isFinite(value) && value >= 0, row.customer).toBe(true);
    }
  });

  it("stays finite, positive, increasing in t and below its bounds over random reachable parameters (property)", () => {
    // log-parameters on a 0.1 grid; half the draws have a + b < 1
    fc.assert(
      fc.property(
        logGrid(-4, 4),
        logGrid(-3, 5),
        logGrid(-5, 3),
        logGrid(-5, 3),
        logGrid(-3, 4),
        (r, alpha, a, b, t) => {
          const model = bgNbdPredictions({ r, alpha, a, b });
          const near = model.expectedPurchases(t);
          const far = model.expectedPurchases(2 * t);
          // bounds: an immortal customer buys r t / alpha on average; nobody buys more than E[D] = (a+b-1)/(a-1) (a > 1)
          const lifetime = a > 1 ? (a + b - 1) / (a - 1) : Number.POSITIVE_INFINITY;
          return (
            near > 0 &&
            Number.isFinite(far) &&
            far >= near * (1 - 1e-9) &&
            near <= ((r * t) / alpha) * (1 + 1e-9) &&
            far <= lifetime * (1 + 1e-9)
          );
        },
      ),
      { numRuns: 400, seed: 12 },
    );
  });
});

describe("BG/NBD model methods check their arguments (issue 12)", () => {
  const model = bgNbdPredictions({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 });
  const cases: [string, () => unknown, RegExp][] = [
    ["NaN frequency", () => model.probabilityAlive(Number.NaN, 1, 2), /probabilityAlive.*frequency.*NaN/s],
    ["fractional frequency", () => model.probabilityAlive(1.5, 1, 2), /frequency.*1\.5/s],
    ["recency > T", () => model.probabilityAlive(2, 30, 20), /T.*20.*at least recency/s],
    ["negative recency", () => model.conditionalExpectedPurchases(5, 2, -1, 20), /recency.*-1/s],
    ["frequency 0 with recency", () => model.probabilityAlive(0, 3, 20), /recency.*frequency 0/s],
    [
      "string t",
      () => model.expectedPurchases("5" as unknown as number),
      /expectedPurchases.*t.*5 \(string\)/s,
    ],
    ["negative t", () => model.expectedPurchases(-1), /t.*-1.*non-negative/s],
    [
      "infinite T",
      () => model.conditionalExpectedPurchases(5, 1, 1, Number.POSITIVE_INFINITY),
      /T.*Infinity/s,
    ],
  ];
  for (const [label, call, message] of cases) {
    it(`refuses ${label} with InvalidOptionsError`, () => {
      expect(call).toThrow(InvalidOptionsError);
      expect(call).toThrow(message);
    });
  }
});

describe("fitBgNbd input checks (issue 12)", () => {
  it("refuses a summary-like object whose columns are missing or of other lengths", () => {
    const broken = { frequency: Float64Array.of(1, 0), recency: Float64Array.of(2) } as never;
    expect(() => fitBgNbd(broken)).toThrow(InvalidOptionsError);
    expect(() => fitBgNbd(broken)).toThrow(/summary: expected a repeatPurchaseSummary result/);
  });
});
