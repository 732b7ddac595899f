import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { customerShare } from "./customerShare.js";
import { customerShareInputs } from "./customerShareInputs.js";

describe("customerShare", () => {
  it("multiplies the four factors", () => {
    // 0.4 x 0.5 x 1.2 x 0.9 = 0.216; volume share 0.24
    const r = customerShare({ penetration: 0.4, loyalty: 0.5, selectivity: 1.2, priceSelectivity: 0.9 });
    expect(r.share).toBeCloseTo(0.216, 14);
    expect(r.volumeShare).toBeCloseTo(0.24, 14);
    // indices default to 1
    expect(customerShare({ penetration: 0.3, loyalty: 0.5 }).share).toBeCloseTo(0.15, 14);
  });

  it("refuses fractions outside [0, 1], indices <= 0 and inconsistent factors", () => {
    expect(() => customerShare({ penetration: 1.2, loyalty: 0.5 })).toThrowError(InvalidOptionsError);
    expect(() => customerShare({ penetration: 0.5, loyalty: -0.1 })).toThrowError(/loyalty/);
    expect(() => customerShare({ penetration: 0.5, loyalty: 0.5, selectivity: 0 })).toThrowError(
      /selectivity/,
    );
    expect(() =>
      customerShare({ penetration: 0.5, loyalty: 0.5, priceSelectivity: Number.NaN }),
    ).toThrowError(/priceSelectivity/);
    // 0.8 x 1 x 1.5 = 1.2 > 1
    expect(() => customerShare({ penetration: 0.8, loyalty: 1, selectivity: 1.5 })).toThrowError(
      /inconsistent/,
    );
  });
});

describe("customerShareInputs", () => {
  // Market: customers a..d. a buys 2 of ours + 2 others; b buys 1 of ours + 3 others; c buys 4 others; d buys nothing.
  const purchases = Object.freeze(
    [
      ["a", true, 10],
      ["a", true, 10],
      ["a", false, 8],
      ["a", false, 8],
      ["b", true, 10],
      ["b", false, 8],
      ["b", false, 8],
      ["b", false, 8],
      ["c", false, 8],
      ["c", false, 8],
      ["c", false, 8],
      ["c", false, 8],
    ].map(([customerId, ours, amount]) => Object.freeze({ customerId, ours, amount })),
  );
  const customers = Object.freeze(["a", "b", "c", "d"].map((customerId) => ({ customerId })));

  it("derives penetration, loyalty, selectivity and price index (hand-checked)", () => {
    const r = customerShareInputs(purchases, { ours: "ours", amount: "amount", customers });
    // penetration: a, b of 4 customers = 0.5
    expect(r.penetration).toBe(0.5);
    // loyalty: our 3 units of our buyers' 8 category units = 0.375
    expect(r.loyalty).toBe(0.375);
    // selectivity: 8 / 2 = 4 units per our buyer vs 12 / 4 = 3 per customer -> 4/3
    expect(r.selectivity).toBeCloseTo(4 / 3, 14);
    // price: our 30 / 3 = 10 per unit vs market 102 / 12 = 8.5 -> 10 / 8.5
    expect(r.priceSelectivity).toBeCloseTo(10 / 8.5, 14);
    // the product equals our revenue share 30 / 102, and the volume share 3 / 12
    const share = customerShare(r);
    expect(share.share).toBeCloseTo(30 / 102, 14);
    expect(share.volumeShare).toBeCloseTo(0.25, 14);
  });

  it("uses the purchasers as the base without a customer list", () => {
    // base a, b, c: penetration 2/3; selectivity 4 / (12 / 3) = 1
    const r = customerShareInputs(purchases, { ours: "ours" });
    expect(r.penetration).toBeCloseTo(2 / 3, 14);
    expect(r.selectivity).toBeCloseTo(1, 14);
    expect(r.priceSelectivity).toBe(1);
  });

  it("the factors always multiply to the share (property)", () => {
    const row = fc.record({
      customerId: fc.constantFrom("a", "b", "c", "d", "e"),
      ours: fc.boolean(),
      quantity: fc.integer({ min: 1, max: 5 }),
      amount: fc.integer({ min: 1, max: 100 }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (rows) => {
        fc.pre(rows.some((r) => r.ours));
        const r = customerShareInputs(rows, { ours: "ours", quantity: "quantity", amount: "amount" });
        const ourRevenue = rows.filter((x) => x.ours).reduce((s, x) => s + x.amount, 0);
        const revenue = rows.reduce((s, x) => s + x.amount, 0);
        expect(customerShare(r).share).toBeCloseTo(ourRevenue / revenue, 10);
      }),
      { numRuns: 100 },
    );
  });

  it("refuses bad input", () => {
    expect(() => customerShareInputs([], { ours: "ours" })).toThrowError(InsufficientDataError);
    expect(() => customerShareInputs([{ customerId: "a", ours: false }], { ours: "ours" })).toThrowError(
      InsufficientDataError,
    );
    expect(() => customerShareInputs([{ customerId: "a", ours: "yes" }], { ours: "ours" })).toThrowError(
      /row 0, field "ours"/,
    );
    expect(() =>
      customerShareInputs([{ customerId: "a", ours: true, quantity: -2 }], {
        ours: "ours",
        quantity: "quantity",
      }),
    ).toThrowError(InvalidRecordError);
    expect(() =>
      customerShareInputs([{ customerId: "z", ours: true }], {
        ours: "ours",
        customers: [{ customerId: "a" }],
      }),
    ).toThrowError(/not in options.customers/);
  });
});

describe("customerShare and customerShareInputs input checks", () => {
  it("refuses a misspelt factor instead of silently using 1 for it", () => {
    expect(() => customerShare({ penetration: 0.4, loyalty: 0.5, selectivty: 2 } as never)).toThrowError(
      /selectivty: unknown option "selectivty"; did you mean "selectivity"\?/,
    );
    // a customerShareInputs result still passes as is (its counts are accepted and ignored)
    const inputs = customerShareInputs(
      [
        { customerId: "a", ours: true },
        { customerId: "b", ours: false },
      ],
      { ours: "ours" },
    );
    expect(customerShare(inputs).share).toBeCloseTo(0.5, 14);
  });

  it("refuses null and number purchases or customers with an InvalidRecordError naming the row", () => {
    const purchases = [
      { customerId: "a", ours: true },
      { customerId: "b", ours: false },
    ];
    for (const bad of [null, undefined, 7]) {
      try {
        customerShareInputs([...purchases, bad] as never, { ours: "ours" });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(2);
      }
      try {
        customerShareInputs(purchases, { ours: "ours", customers: [{ customerId: "a" }, bad] as never });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(1);
      }
    }
    expect(() =>
      customerShareInputs(purchases, { ours: "ours", custmer: "customerId" } as never),
    ).toThrowError(/did you mean "customer"\?/);
  });
});

describe("customerShareInputs overflow", () => {
  it("names the purchase where the category total overflows instead of returning NaN factors", () => {
    const purchases = [
      { customerId: "a", ours: true, quantity: 1e308 },
      { customerId: "b", ours: false, quantity: 1e308 },
    ];
    try {
      customerShareInputs(purchases, { ours: "ours", quantity: "quantity" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRecordError);
      expect((error as InvalidRecordError).row).toBe(1);
      expect((error as InvalidRecordError).field).toBe("quantity");
      expect((error as Error).message).toMatch(/overflows/);
    }
  });
});
