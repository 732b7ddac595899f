import { describe, expect, it } from "vitest";
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { InvalidOptionsError } from "../core/index.js";
import { calibrationHoldoutSummary } from "./calibrationHoldoutSummary.js";
import { fitBgNbd } from "./fitBgNbd.js";
import { repeatPurchaseSummary } from "./repeatPurchaseSummary.js";

describe("calibrationHoldoutSummary", () => {
  const records = Object.freeze([
    { id: "a", day: "2024-01-01", value: 10 },
    { id: "a", day: "2024-01-10", value: 20 },
    { id: "a", day: "2024-02-05", value: 30 },
    { id: "a", day: "2024-02-06", value: 50 },
    { id: "b", day: "2024-02-02", value: 5 }, // first seen in the holdout
  ]);
  const options = {
    customer: "id",
    date: "day",
    amount: "value",
    calibrationEnd: "2024-01-31",
    asOf: "2024-02-29",
  } as const;

  it("summarises the calibration period and counts holdout purchase days", () => {
    const split = calibrationHoldoutSummary(records, options);
    expect(split.customers).toEqual([
      {
        customer: "a",
        frequency: 1,
        recency: 9,
        T: 30,
        monetaryValue: 20,
        firstPurchase: "2024-01-01",
        holdoutFrequency: 2,
        holdoutMonetaryValue: 40,
      },
    ]);
    expect(split.customersFirstSeenInHoldout).toBe(1);
    expect(split.holdoutDuration).toBe(29);
  });

  it("refuses an observation end that is not after the calibration end", () => {
    expect(() => calibrationHoldoutSummary(records, { ...options, asOf: "2024-01-31" })).toThrow(
      InvalidOptionsError,
    );
  });

  it("refuses an order field and says that it counts purchase days, not orders", () => {
    // @ts-expect-error order is not an option (typed `never`)
    const call = () => calibrationHoldoutSummary(records, { ...options, order: "id" });
    expect(call).toThrow(InvalidOptionsError);
    expect(call).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: calibrationHoldoutSummary: invalid options
        - order: calibrationHoldoutSummary counts purchase periods (distinct UTC days: several orders of a customer on one day are one purchase), not orders, so it takes no order field: drop \`order\` (use rfmTable for order counts) (received "id")]
    `);
  });
});

describeWithDataset("cdnow_sample.csv", "calibrationHoldoutSummary on CDNOW", () => {
  const transactions = parseSimpleCsv(readSharedDataset("cdnow_sample.csv"));
  const split = calibrationHoldoutSummary(transactions, {
    customer: "customer_id",
    date: "date",
    calibrationEnd: "1997-09-30",
    asOf: "1998-06-30",
    timeUnit: "week",
  });

  it("has the same calibration statistics as repeatPurchaseSummary and counts holdout days like a plain Set", () => {
    const calibration = repeatPurchaseSummary(transactions, {
      customer: "customer_id",
      date: "date",
      asOf: "1997-09-30",
      timeUnit: "week",
      afterAsOf: "drop",
    });
    expect(Array.from(split.frequency)).toEqual(Array.from(calibration.frequency));
    expect(Array.from(split.T)).toEqual(Array.from(calibration.T));
    const holdoutDays = new Set(
      transactions
        .filter((row) => (row.date as string) > "1997-09-30")
        .map((row) => `${row.customer_id}|${row.date}`),
    );
    expect(split.holdoutFrequency.reduce((a, b) => a + b, 0)).toBe(holdoutDays.size);
    expect(split.holdoutDuration).toBe(39);
  });

  // A plausibility check against the data's own holdout purchase days, not a published figure. The
  // prediction formula itself is checked against scipy in fitBgNbd.test.ts.
  it("lets BG/NBD predict the holdout purchase days within 15%", () => {
    const model = fitBgNbd(split);
    let predicted = 0;
    for (let i = 0; i < split.customers.length; i++) {
      predicted += model.conditionalExpectedPurchases(
        split.holdoutDuration,
        split.frequency[i] as number,
        split.recency[i] as number,
        split.T[i] as number,
      );
    }
    const actual = split.holdoutFrequency.reduce((a, b) => a + b, 0);
    expect(Math.abs(predicted - actual) / actual).toBeLessThan(0.15);
  });
});
