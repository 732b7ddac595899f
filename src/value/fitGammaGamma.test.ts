import { describe, expect, it } from "vitest";
import published from "../../fixtures/value/cdnow-published.json" with { type: "json" };
import { relative } from "../../fixtures/value/histories.js";
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { fitGammaGamma } from "./fitGammaGamma.js";

/** 200 repeat customers with 1 to 7 repeat purchases and mean spends from 10 to 59. */
const SPENDERS = Object.freeze(
  Array.from({ length: 200 }, (_, i) => ({
    frequency: 1 + (i % 7),
    recency: 5,
    T: 10,
    monetaryValue: 10 + ((i * 37) % 50),
  })),
);

describeWithDataset(
  "cdnow_customers_summary_with_transactions.csv",
  "fitGammaGamma on CDNOW (lifetimes Quickstart)",
  () => {
    const rows = Object.freeze(
      parseSimpleCsv(readSharedDataset("cdnow_customers_summary_with_transactions.csv")).map((row) => ({
        x: Number(row.x),
        t_x: Number(row.t_x),
        T: Number(row.T),
        zbar: Number(row.zbar),
      })),
    );
    const model = fitGammaGamma(rows, { frequency: "x", recency: "t_x", monetaryValue: "zbar" });
    const reference = published.gammaGamma;

    it("uses the 946 repeat customers and reproduces p 6.25, q 3.74, v 15.45 (to the published 2 decimals)", () => {
      expect(model.customerCount).toBe(reference.customers);
      expect(model.skippedCustomers).toBe(2357 - 946);
      expect(model.convergence.converged).toBe(true);
      expect(Math.abs(model.params.p - reference.params.p)).toBeLessThan(0.005);
      expect(Math.abs(model.params.q - reference.params.q)).toBeLessThan(0.005);
      expect(Math.abs(model.params.v - reference.params.v)).toBeLessThan(0.005);
    });

    it("reproduces lifetimes' conditional expected average profit of customers 1..10 to 1e-5 relative", () => {
      rows.slice(0, 10).forEach((row, i) => {
        const expected = reference.conditionalExpectedAverageProfitFirst10[i] as number;
        expect(
          relative(model.conditionalExpectedAverageProfit(row.x, row.zbar), expected),
          `customer ${i + 1}`,
        ).toBeLessThan(1e-5);
      });
    });

    it("reproduces the published means: expected average profit over all customers, observed over repeat customers", () => {
      const mean =
        rows.reduce((sum, row) => sum + model.conditionalExpectedAverageProfit(row.x, row.zbar), 0) /
        rows.length;
      expect(Math.abs(mean - reference.meanConditionalExpectedAverageProfit)).toBeLessThan(1e-3);
      // the documented start v is the mean monetary value of the customers the model used (the repeat customers)
      expect(
        Math.abs((model.convergence.start.v as number) - reference.observedMeanMonetaryValue),
      ).toBeLessThan(1e-9);
    });
  },
);

describe("fitGammaGamma", () => {
  it("refuses input without repeat customers", () => {
    expect(() => fitGammaGamma([{ frequency: 0, recency: 0, T: 5, monetaryValue: 0 }])).toThrow(
      InsufficientDataError,
    );
  });

  it("refuses a repeat customer whose mean spend is not positive, naming the row", () => {
    const rows = [
      { frequency: 1, recency: 2, T: 5, monetaryValue: 10 },
      { frequency: 2, recency: 3, T: 5, monetaryValue: 0 },
    ];
    expect(() => fitGammaGamma(rows)).toThrow(InvalidRecordError);
    expect(() => fitGammaGamma(rows)).toThrow(/row 1, field "monetaryValue"/);
  });

  it("shrinks a customer's observed mean towards the population mean, less so with more purchases", () => {
    const model = fitGammaGamma(SPENDERS);
    const { p, q, v } = model.params;
    const population = (p * v) / (q - 1);
    const few = model.conditionalExpectedAverageProfit(1, 200);
    const many = model.conditionalExpectedAverageProfit(20, 200);
    expect(few).toBeGreaterThan(population);
    expect(many).toBeGreaterThan(few);
    expect(many).toBeLessThan(200);
    expect(model.conditionalExpectedAverageProfit(0, 0)).toBeCloseTo(population, 10);
  });
});

describe("fitGammaGamma's conditionalExpectedAverageProfit checks its arguments (issue 12)", () => {
  const model = fitGammaGamma(SPENDERS);

  it("refuses a negative or non-numeric monetary value and a non-integer frequency", () => {
    expect(() => model.conditionalExpectedAverageProfit(2, -5)).toThrow(InvalidOptionsError);
    expect(() => model.conditionalExpectedAverageProfit(2, -5)).toThrow(/monetaryValue.*-5/s);
    expect(() => model.conditionalExpectedAverageProfit(2, "5" as unknown as number)).toThrow(/string/);
    expect(() => model.conditionalExpectedAverageProfit(Number.NaN, 5)).toThrow(/frequency.*NaN/s);
  });

  it("refuses to answer a negative mean spend when q <= 1 leaves the frequency-0 posterior without a mean", () => {
    // heavy-tailed spend (a few customers at 100 to 100 000 000) fits q below 1
    const heavy = fitGammaGamma(
      Array.from({ length: 300 }, (_, i) => ({
        frequency: 1,
        recency: 1,
        T: 2,
        monetaryValue: i % 10 === 0 ? 10 ** (2 + (i % 7)) : 1 + (i % 5),
      })),
    );
    expect(heavy.params.q).toBeLessThan(1);
    // p x + q − 1 < 0 at x = 0: the formula would give a negative spend
    expect(() => heavy.conditionalExpectedAverageProfit(0, 0)).toThrow(InvalidOptionsError);
    expect(() => heavy.conditionalExpectedAverageProfit(0, 0)).toThrow(/q = .*<= 1/);
    expect(heavy.conditionalExpectedAverageProfit(1, 3)).toBeGreaterThan(0);
  });
});
