import { describe, expect, it } from "vitest";
import { describeWithDataset, parseSimpleCsv, readSharedDataset } from "../../test/datasets.js";
import { InsufficientDataError, InvalidOptionsError } from "../core/index.js";
import { churnScoresFromBgNbd } from "./churnScoresFromBgNbd.js";

// P(alive) of BG/NBD (Fader, Hardie & Lee 2005; Hardie's note, eq. for P(alive)):
// 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + t_x))^(r + x)), for x > 0.
function pAlive(
  x: number,
  tx: number,
  T: number,
  p: { r: number; alpha: number; a: number; b: number },
): number {
  if (x === 0) return 1;
  return 1 / (1 + (p.a / (p.b + x - 1)) * ((p.alpha + T) / (p.alpha + tx)) ** (p.r + x));
}

describeWithDataset("cdnow_sample.csv", "churnScoresFromBgNbd on CDNOW (published parameters)", () => {
  it("scores 1 - P(alive) with FHL (2005) parameters r 0.243, alpha 4.414, a 0.793, b 2.426", () => {
    const rows = Object.freeze(parseSimpleCsv(readSharedDataset("cdnow_sample.csv")));
    const result = churnScoresFromBgNbd(rows, { customer: "customer_id", date: "date", asOf: "1997-09-30" });
    expect(result.customers).toHaveLength(2357);
    expect(result.droppedRecords).toBe(6919 - 4960);
    const { params } = result.model;
    expect(params.r).toBeCloseTo(0.243, 3);
    expect(params.alpha).toBeCloseTo(4.414, 2);
    const published = { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 }; // lifetimes Quickstart
    const first = result.customers.find((row) => row.customer === "1");
    // Customer 1: x = 2, t_x = 30.43, T = 38.86 weeks (cdnow_customers_summary.csv).
    expect(first?.frequency).toBe(2);
    expect(first?.churnScore).toBeCloseTo(1 - pAlive(2, 30.43, 38.86, published), 3);
    // Highest score first; one-time buyers score 0 (model caveat).
    const scores = result.customers.map((row) => row.churnScore);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(result.customers.filter((row) => row.frequency === 0).every((row) => row.churnScore === 0)).toBe(
      true,
    );
  });
});

describe("churnScoresFromBgNbd", () => {
  it("needs repeat purchases to fit the model", () => {
    const single = [
      { id: "a", day: "2024-01-01" },
      { id: "b", day: "2024-01-02" },
    ];
    expect(() => churnScoresFromBgNbd(single, { customer: "id", date: "day", asOf: "2024-03-01" })).toThrow(
      InsufficientDataError,
    );
  });
});

// E[Y(t)] of a customer without repeat purchases, straight from the BG/NBD mixture: p ~ Beta(a, b),
// lambda ~ Gamma(r, alpha + T), E[purchases | p] = (1 - ((alpha + T) / (alpha + T + p t))^r) / p
// (written with expm1/log1p: most of the mass sits at tiny p when a is small).
// Simpson's rule in s = p^a on p <= 1/2 and v = (1 - p)^b above (the Beta density's endpoint
// singularities become constants); the Beta function by the same rule, so it needs no log-gamma.
function expectedWithoutRepeats(t: number, T: number, p: { r: number; alpha: number; a: number; b: number }) {
  const phi = (q: number) => -Math.expm1(-p.r * Math.log1p((q * t) / (p.alpha + T))) / q;
  const simpson = (f: (x: number) => number, upper: number, n = 4000) => {
    const h = upper / n;
    let sum = f(0) + f(upper);
    for (let i = 1; i < n; i++) sum += (i % 2 === 1 ? 4 : 2) * f(i * h);
    return (sum * h) / 3;
  };
  const lower = (g: (q: number) => number) =>
    simpson((s) => {
      const q = s ** (1 / p.a);
      return ((1 - q) ** (p.b - 1) * g(q)) / p.a;
    }, 0.5 ** p.a);
  const upper = (g: (q: number) => number) =>
    simpson((v) => {
      const q = 1 - v ** (1 / p.b);
      return (q ** (p.a - 1) * g(q)) / p.b;
    }, 0.5 ** p.b);
  const atZero = (q: number) => (q === 0 ? (p.r / (p.alpha + T)) * t : phi(q));
  return (lower(atZero) + upper(atZero)) / (lower(() => 1) + upper(() => 1));
}

describe("churnScoresFromBgNbd with a BG/NBD fit where a + b < 1 (issue 12)", () => {
  it("gives every customer a finite expectation equal to the mixture integral's", async () => {
    const { generateStore } = await import("../store/generateStore.js");
    const store = generateStore({ seed: 3, customers: 60 });
    const result = churnScoresFromBgNbd(store.orderLines, {
      customer: "customerId",
      date: "date",
      asOf: store.planted.end,
    });
    const { params } = result.model;
    expect(params.a + params.b).toBeLessThan(1);
    expect(result.customers.every((row) => Number.isFinite(row.expectedPurchases))).toBe(true);
    const newcomers = result.customers.filter((row) => row.frequency === 0);
    expect(newcomers.length).toBeGreaterThan(3);
    for (const row of newcomers) {
      const reference = expectedWithoutRepeats(13, row.T, params);
      expect(Math.abs(row.expectedPurchases / reference - 1), row.customer).toBeLessThan(1e-6);
    }
  });
});

describe("churnScoresFromBgNbd options (issue 12)", () => {
  it("rejects an unknown (misspelt) option naming the key instead of falling back to a default", () => {
    const orders = [
      { id: "a", day: "2024-01-01" },
      { id: "a", day: "2024-01-20" },
      { id: "b", day: "2024-01-02" },
    ];
    const call = () =>
      churnScoresFromBgNbd(orders, { customer: "id", date: "day", asOf: "2024-03-01", horizn: 26 } as never);
    expect(call).toThrow(InvalidOptionsError);
    expect(call).toThrow(/horizn: unknown option "horizn"; did you mean "horizon"\?/);
  });
});

describe("churnScoresFromBgNbd summarises and fits in one pass", () => {
  const orders = Object.freeze([
    { id: "a", day: "2024-01-01", amount: 20 },
    { id: "a", day: "2024-01-15", amount: 35 },
    { id: "a", day: "2024-02-20", amount: 10 },
    { id: "a", day: "2024-02-21", amount: -10 }, // refunds the whole 02-20 purchase day
    { id: "b", day: "2024-01-03", amount: 12 },
    { id: "b", day: "2024-01-03", amount: 8 }, // same day: one purchase
    { id: "b", day: "2024-02-01", amount: 5 },
    { id: "b", day: "2024-03-05", amount: 7 },
    { id: "c", day: "2024-02-10", amount: 9 },
    { id: "d", day: "2024-01-20", amount: 4 },
    { id: "d", day: "2024-03-28", amount: 6 },
    { id: "e", day: "2024-04-02", amount: 3 }, // after asOf: dropped
  ]);
  const options = { customer: "id", date: "day", amount: "amount", asOf: "2024-03-31" } as const;

  it("gives the histories and model of repeatPurchaseSummary then fitBgNbd, naming itself in errors", async () => {
    const { repeatPurchaseSummary } = await import("../value/repeatPurchaseSummary.js");
    const { fitBgNbd } = await import("../value/fitBgNbd.js");
    const summary = repeatPurchaseSummary(orders, { ...options, timeUnit: "week", afterAsOf: "drop" });
    const model = fitBgNbd(summary);
    const result = churnScoresFromBgNbd(orders, options);
    expect(result.model.params).toEqual(model.params);
    expect(result.model.logLikelihood).toBe(model.logLikelihood);
    expect(result.model.uncertainty).toEqual(model.uncertainty);
    expect(result.droppedRecords).toBe(1);
    expect(result.options).toEqual({ asOf: "2024-03-31", timeUnit: "week", horizon: 13 });
    const byCustomer = new Map(result.customers.map((row) => [row.customer, row]));
    expect(summary.customers.map((row) => row.customer)).toEqual(["a", "b", "c", "d"]);
    for (const row of summary.customers) {
      const scored = byCustomer.get(row.customer);
      expect([scored?.frequency, scored?.recency, scored?.T]).toEqual([row.frequency, row.recency, row.T]);
      expect(scored?.probabilityAlive).toBe(model.probabilityAlive(row.frequency, row.recency, row.T));
    }
    // a's refunded day is gone: 2 purchase days, 14 days apart (hand count)
    expect(byCustomer.get("a")?.frequency).toBe(1);
    expect(byCustomer.get("a")?.recency).toBe(2);
    // its own name in errors (the summary and the fit were named before)
    expect(() =>
      churnScoresFromBgNbd([...orders, { id: "f", day: "not a date", amount: 1 }], options),
    ).toThrow(/^churnScoresFromBgNbd: row 12, field "day"/);
    expect(() =>
      churnScoresFromBgNbd([{ id: "a", day: "2024-01-01" }], {
        customer: "id",
        date: "day",
        asOf: "2024-03-31",
      }),
    ).toThrow(/^churnScoresFromBgNbd: none of the 1 customers made a repeat purchase/);
  });
});
