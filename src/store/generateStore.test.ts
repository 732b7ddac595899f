import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  expectInvariants,
  invariantViolations,
  STREAM_FINGERPRINTS,
  storeFingerprints,
} from "../../test/store/storeChecks.js";
import { InvalidOptionsError } from "../core/index.js";
import { generateStore } from "./generateStore.js";
import type { Store, StoreSurveyResponse } from "./types.js";

describe("generateStore determinism", () => {
  it("generateStore gives an identical store for the same seed and options", () => {
    const options = Object.freeze({ seed: 7, customers: 60, months: 6 });
    const first = generateStore(options);
    const second = generateStore(options);
    expect(second).toEqual(first);
    expect(options).toEqual({ seed: 7, customers: 60, months: 6 });
  });

  it("generateStore keeps its stream: every table of a small store hashes to its recorded fingerprint", () => {
    // These fingerprints are our own output on purpose: they pin the generator's stream (the issue asks
    // for the same store from the same seed on every platform), they are not a correctness reference
    // (the invariant and planted-structure tests below are). createRandom itself is pinned bit for bit
    // against an independent xoshiro128** in src/core/random.test.ts; this pins the draw order of every
    // table, which the same-process comparison above and the TSDoc numbers (lines only) cannot catch:
    // swapping the complaint and survey forks changes surveys and complaints but no order line.
    // test/deno/store-example.mjs checks the same fingerprints in Deno. A deliberate change of stream
    // updates these, the TSDoc example and test/deno, with a CHANGELOG entry.
    const store = generateStore({ seed: 7, customers: 200, months: 12 });
    expect(storeFingerprints(store)).toEqual(STREAM_FINGERPRINTS);
  });

  it("generateStore gives different stores for different seeds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (seed) => {
        const a = generateStore({ seed, customers: 30, months: 6 });
        const b = generateStore({ seed: seed + 1, customers: 30, months: 6 });
        expect(a.orderLines).not.toEqual(b.orderLines);
        expect(a.customers).not.toEqual(b.customers);
      }),
      { numRuns: 10 },
    );
  });

  it("generateStore defaults to seed 1, 1000 customers, 24 months from 2024-01-01", () => {
    const store = generateStore({ surveyRate: 0.3 });
    expect(store.options).toEqual({
      seed: 1,
      customers: 1000,
      start: "2024-01-01",
      months: 24,
      surveyRate: 0.3,
    });
    expect(store.planted.end).toBe("2025-12-31");
    expect(generateStore({ seed: 1, customers: 50 }).orderLines).toEqual(
      generateStore({ customers: 50 }).orderLines,
    );
  });
});

describe("generateStore records", () => {
  it("generateStore keeps every record invariant (property over seeds, sizes, periods)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 30 }),
        fc.date({
          min: new Date("2000-01-01T00:00:00Z"),
          max: new Date("2030-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, customers, months, startDate, surveyRate) => {
          const start = startDate.toISOString().slice(0, 10);
          expectInvariants(generateStore({ seed, customers, months, start, surveyRate }));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("generateStore keeps every record invariant on the default store", () => {
    expectInvariants(generateStore());
  });

  it("the invariant checker itself catches a broken amount, a late order and a bad survey answer", () => {
    const store = generateStore({ customers: 20, surveyRate: 1 });
    const [line, ...otherLines] = store.orderLines;
    const brokenAmount = {
      ...store,
      orderLines: [{ ...line, amount: (line?.amount ?? 0) + 0.01 }, ...otherLines],
    };
    expect(invariantViolations(brokenAmount as Store).join("\n")).toContain("amount = quantity x unitPrice");
    const [order, ...otherOrders] = store.orders;
    const lateOrder = { ...store, orders: [...otherOrders, { ...order, date: "2031-01-01" }] };
    expect(invariantViolations(lateOrder as Store).join("\n")).toContain("order inside the period");
    const [survey, ...otherSurveys] = store.surveys;
    const badSurvey = { ...store, surveys: [{ ...survey, CUSA1: 11 }, ...otherSurveys] };
    expect(invariantViolations(badSurvey as Store).join("\n")).toContain("CUSA1 integer in 1..10");
  });

  it("generateStore ends the period at the same day of month, clamped to the month's length", () => {
    expect(generateStore({ customers: 5, start: "2024-01-31", months: 1 }).planted.end).toBe("2024-02-28");
    expect(generateStore({ customers: 5, start: "2023-03-15", months: 12 }).planted.end).toBe("2024-03-14");
  });

  it("generateStore handles a single customer", () => {
    const store = generateStore({ customers: 1, surveyRate: 1 });
    expect(store.customers).toHaveLength(1);
    expect(store.orders.length).toBeGreaterThanOrEqual(1);
    expect(store.surveys).toHaveLength(1);
    expectInvariants(store);
  });

  it("generateStore sizes the store from orderLines within 15% of the target", () => {
    for (const seed of [1, 2, 3, 4]) {
      for (const target of [2_000, 30_000]) {
        const lines = generateStore({ seed, orderLines: target, surveyRate: 0 }).orderLines.length;
        expect(Math.abs(lines / target - 1), `seed ${seed}, target ${target}`).toBeLessThan(0.15);
      }
    }
    const large = generateStore({ seed: 9, orderLines: 150_000, months: 12, surveyRate: 0 });
    expect(Math.abs(large.orderLines.length / 150_000 - 1)).toBeLessThan(0.15);
    expect(large.options.customers).toBe(large.customers.length);
  });

  it("generateStore makes a tiny store from a small orderLines target", () => {
    const store = generateStore({ orderLines: 300 });
    expect(store.orderLines.length).toBeGreaterThan(100);
    expect(store.orderLines.length).toBeLessThan(600);
    expectInvariants(store);
  });

  it("generateStore writes refunds as negative lines, including fully refunded orders", () => {
    const store = generateStore();
    const refunds = store.orderLines.filter((line) => line.refund);
    const share = refunds.length / store.orderLines.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.06);
    const net = new Map<string, number>();
    for (const line of store.orderLines) net.set(line.orderId, (net.get(line.orderId) ?? 0) + line.amount);
    const fullyRefunded = [...net.values()].filter((value) => Math.abs(value) < 0.005).length;
    expect(fullyRefunded).toBeGreaterThan(0);
    expect(fullyRefunded / store.orders.length).toBeLessThan(0.03);
  });
});

describe("generateStore TSDoc example", () => {
  it("generateStore prints what its TSDoc example shows (keeps the docs in step with the generator)", () => {
    const store = generateStore({ seed: 1 });
    expect(store.customers.length).toBe(1000);
    expect(store.orderLines.length).toBe(42470);
    expect(store.orderLines[0]).toEqual({
      orderId: "O0000001",
      customerId: "C00101",
      date: "2024-01-01",
      product: "sparkling water",
      category: "beverages",
      quantity: 4,
      unitPrice: 0.71,
      amount: 2.84,
      refund: false,
    });
    expect(store.planted.churners.length).toBe(259);
    expect(store.planted.end).toBe("2025-12-31");
    expect(generateStore({ orderLines: 100_000 }).orderLines.length).toBe(100025);
  });
});

describe("generateStore record types' TSDoc examples", () => {
  it("the record types in types.ts show what generateStore({ seed: 1 }) gives (keeps those docs in step)", () => {
    const store = generateStore({ seed: 1 });
    expect(store.options).toEqual({
      seed: 1,
      customers: 1000,
      start: "2024-01-01",
      months: 24,
      surveyRate: 0.3,
    });
    expect(generateStore({ orderLines: 300 }).orderLines.length > 100).toBe(true);
    // 7% of 1000 by exact quotas (hand: 0.07 x 1000 = 70)
    expect(store.planted.segments.champions.length).toBe(70);
    expect(store.customers[0]).toEqual({
      customerId: "C00001",
      signupDate: "2024-04-14",
      ageBand: "45-54",
      region: "central",
      channel: "store",
      segment: "bargain hunters",
      churnDate: null,
    });
    expect(store.orders[0]).toEqual({
      orderId: "O0000001",
      customerId: "C00101",
      date: "2024-01-01",
      channel: "store",
      lineCount: 5,
      total: 17.73,
    });
    expect(store.orderLines.find((line) => line.refund)).toEqual({
      orderId: "O0000016",
      customerId: "C00325",
      date: "2024-01-04",
      product: "eggs",
      category: "dairy",
      quantity: -1,
      unitPrice: 2.99,
      amount: -2.99,
      refund: true,
    });
    const answer = store.surveys[0] as StoreSurveyResponse;
    expect([answer.customerId, answer.date, answer.CUSA1, answer.nps]).toEqual([
      "C00001",
      "2025-05-19",
      6,
      7,
    ]);
    expect(new Set(store.complaints.map((complaint) => complaint.category)).size).toBe(4);
    expect(store.complaints[0]).toEqual({
      complaintId: "K000001",
      customerId: "C00386",
      orderId: null,
      category: "service quality",
      severity: "high",
      openedAt: "2024-01-04T15:55:00Z",
      firstResponseAt: "2024-01-05T00:26:00Z",
      resolvedAt: "2024-01-08T18:33:00Z",
      contacts: 1,
      reopened: false,
    });
    expect(store.deliveries[0]).toEqual({
      orderId: "O0000003",
      customerId: "C00338",
      promisedDate: "2024-01-04",
      deliveredDate: "2024-01-03",
      status: "delivered",
      damaged: false,
      inStock: true,
    });
    expect(store.inventoryCounts[0]).toEqual({
      date: "2024-01-31",
      product: "bananas",
      systemQuantity: 132,
      countedQuantity: 132,
    });
    expect(store.planted.associations[1]).toEqual({
      antecedent: "pasta",
      consequent: "pasta sauce",
      confidence: 0.5,
      story: "pasta is bought with a jar of sauce",
    });
    expect(store.planted.churners[0]).toEqual({ customerId: "C00006", churnDate: "2025-04-14" });
    expect(store.planted.notes).toHaveLength(6);
    expect([
      store.customers.length,
      store.orders.length,
      store.orderLines.length,
      store.surveys.length,
    ]).toEqual([1000, 9817, 42470, 310]);
  });
});

describe("generateStore options validation", () => {
  it("generateStore refuses bad options with every issue listed", () => {
    expect(() =>
      generateStore({
        customers: 0,
        months: 1.5,
        start: "2024-02-30",
        surveyRate: 2,
        colour: "red",
      } as never),
    ).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: generateStore: invalid options
        - customers: Too small: expected number to be >=1 (received 0)
        - start: expected an ISO calendar date YYYY-MM-DD between 1900 and 2200 (received "2024-02-30")
        - months: expected a whole number of months (received 1.5)
        - surveyRate: Too big: expected number to be <=1 (received 2)
        - colour: unknown option "colour" (valid: seed, customers, orderLines, start, months, surveyRate)]
    `);
  });

  it("generateStore refuses a non-finite seed, out-of-range sizes and a non-ISO start", () => {
    expect(() => generateStore({ seed: Number.NaN })).toThrow(InvalidOptionsError);
    expect(() => generateStore({ customers: 1_000_000 })).toThrow(/customers: at most 100 000 customers/);
    expect(() => generateStore({ orderLines: 2.5 })).toThrow(
      /orderLines: expected a whole number of order lines/,
    );
    expect(() => generateStore({ orderLines: -5 })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: generateStore: invalid options
        - orderLines: Too small: expected number to be >=1 (received -5)]
    `);
    expect(() => generateStore({ start: "01/02/2024" })).toThrowErrorMatchingInlineSnapshot(`
      [InvalidOptionsError: generateStore: invalid options
        - start: expected an ISO calendar date YYYY-MM-DD between 1900 and 2200 (received "01/02/2024")]
    `);
  });
});
