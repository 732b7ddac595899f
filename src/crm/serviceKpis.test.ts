import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { serviceKpis } from "./serviceKpis.js";

const d = (
  promisedDate: string,
  deliveredDate: string | null,
  status: string,
  damaged: boolean,
  inStock: boolean,
  channel: string,
) => Object.freeze({ promisedDate, deliveredDate, status, damaged, inStock, channel });

// Hand-checked deliveries: 4 delivered (early, same day, 2 days late, 1 day late), 1 lost, 1 failed.
const deliveries = Object.freeze([
  d("2024-01-05", "2024-01-04", "delivered", false, true, "online"),
  d("2024-01-05", "2024-01-05T18:00:00Z", "delivered", true, true, "store"),
  d("2024-01-10", "2024-01-12", "delivered", false, false, "online"),
  d("2024-02-01", null, "lost", false, true, "online"),
  d("2024-02-03", null, "failed", false, false, "store"),
  d("2024-02-10", "2024-02-11", "delivered", false, true, "store"),
]);

const counts = Object.freeze([
  { date: "2024-01-31", product: "a", systemQuantity: 10, countedQuantity: 10 },
  { date: "2024-01-31", product: "b", systemQuantity: 5, countedQuantity: 4 },
  { date: "2024-02-29", product: "a", systemQuantity: 0, countedQuantity: 0 },
  { date: "2024-02-29", product: "b", systemQuantity: 20, countedQuantity: 23 },
]);

const complaints = Object.freeze([
  { openedAt: "2024-01-02T10:00:00Z", resolvedAt: "2024-01-02T12:00:00Z", contacts: 1, reopened: false },
  { openedAt: "2024-01-03T10:00:00Z", resolvedAt: "2024-01-04T12:00:00Z", contacts: 1, reopened: true },
  { openedAt: "2024-02-03T10:00:00Z", resolvedAt: null, contacts: 2, reopened: false },
]);

describe("serviceKpis on hand-checked records", () => {
  const kpis = serviceKpis(deliveries, {
    segment: "channel",
    inventoryCounts: { records: counts },
    complaints: { records: complaints },
  });

  it("computes each KPI overall", () => {
    const o = kpis.overall;
    expect(o.orders).toBe(6);
    // on time among the 4 delivered: early and same-day -> 2 / 4
    expect(o.onTimeDelivery).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(o.deliverySuccess).toEqual({ value: 4 / 6, numerator: 4, denominator: 6 });
    // one delivered damaged + one lost -> 2 / 6
    expect(o.damageLoss).toEqual({ value: 2 / 6, numerator: 2, denominator: 6 });
    // two orders had a line out of stock -> 2 / 6
    expect(o.stockout).toEqual({ value: 2 / 6, numerator: 2, denominator: 6 });
    // counts equal: (10, 10) and (0, 0) -> 2 / 4
    expect(o.inventoryAccuracy).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    // resolved: 2, at first contact and not reopened: 1 -> 1 / 2
    expect(o.firstContactResolution).toEqual({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it("gives null, never NaN, for KPIs not measured", () => {
    expect(kpis.overall.outboundAccuracy.value).toBeNull();
    expect(kpis.overall.inboundAccuracy.value).toBeNull();
    const empty = serviceKpis([]);
    for (const value of Object.values(empty.overall)) {
      if (typeof value === "object") expect(value.value).toBeNull();
    }
  });

  it("splits by month and by segment", () => {
    const [january, february] = kpis.byPeriod;
    expect(january?.period).toBe("2024-01");
    // January: 3 delivered, 2 on time; 1 damaged; 1 stockout; counts 1 / 2 accurate; FCR 1 / 2
    expect(january?.onTimeDelivery.value).toBeCloseTo(2 / 3, 12);
    expect(january?.deliverySuccess.value).toBe(1);
    expect(january?.inventoryAccuracy.value).toBe(0.5);
    expect(january?.firstContactResolution.value).toBe(0.5);
    // February: 1 delivered, 1 day late -> 0 / 1; success 1 / 3; complaint still open -> null
    expect(february?.onTimeDelivery.value).toBe(0);
    expect(february?.deliverySuccess.value).toBeCloseTo(1 / 3, 12);
    expect(february?.firstContactResolution.value).toBeNull();
    // online: rows 0, 2, 3 -> on time 1 / 2, damage/loss 1 / 3 (the lost one)
    expect(
      kpis.bySegment.map((s) => [s.segment, s.orders, s.onTimeDelivery.value, s.damageLoss.value]),
    ).toEqual([
      ["online", 3, 0.5, 1 / 3],
      ["store", 3, 0.5, 1 / 3],
    ]);
    // stock counts have no segment field -> null in segment rows
    expect(kpis.bySegment[0]?.inventoryAccuracy.value).toBeNull();
  });

  it("honours graceDays, tolerance, outbound and inbound accuracy", () => {
    const k = serviceKpis(deliveries, {
      graceDays: 1,
      shippedCorrectly: (r) => r.channel === "online",
      inventoryCounts: { records: counts, tolerance: 1 },
      receipts: {
        records: [
          { date: "2024-01-01", correct: true },
          { date: "2024-01-02", correct: false },
        ],
      },
    });
    // 1 day late now on time -> 3 / 4
    expect(k.overall.onTimeDelivery.value).toBe(0.75);
    // |5 - 4| = 1 within tolerance -> 3 / 4
    expect(k.overall.inventoryAccuracy.value).toBe(0.75);
    expect(k.overall.outboundAccuracy.value).toBe(0.5);
    expect(k.overall.inboundAccuracy.value).toBe(0.5);
  });

  it("without a status field, a delivery date means delivered", () => {
    const k = serviceKpis(deliveries, { status: null });
    // delivered = rows with a date: 4 / 6; damage only (no lost status) 1 / 6
    expect(k.overall.deliverySuccess.value).toBeCloseTo(4 / 6, 12);
    expect(k.overall.damageLoss.value).toBeCloseTo(1 / 6, 12);
  });
});

describe("serviceKpis bad input", () => {
  it("names row and field", () => {
    const bad = [deliveries[0], { ...deliveries[1], deliveredDate: null }];
    expect(() => serviceKpis(bad)).toThrowError(
      /row 1, field "deliveredDate".*delivered but has no delivery date/,
    );
    expect(() => serviceKpis([{ ...deliveries[0], damaged: "no" }])).toThrowError(InvalidRecordError);
    expect(() => serviceKpis([{ ...deliveries[0], promisedDate: "soon" }])).toThrowError(
      /field "promisedDate"/,
    );
    expect(() =>
      serviceKpis(deliveries, {
        inventoryCounts: { records: [{ date: "2024-01-01", systemQuantity: -1, countedQuantity: 0 }] },
      }),
    ).toThrowError(/field "inventoryCounts.systemQuantity"/);
  });

  it("refuses invalid options", () => {
    expect(() => serviceKpis(deliveries, { graceDays: -1 })).toThrowError(InvalidOptionsError);
    expect(() => serviceKpis(deliveries, { period: "decade" as never })).toThrowError(/period/);
  });
});

describe("serviceKpis input checks", () => {
  const rowError = (call: () => unknown) => {
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidRecordError);
      return error as InvalidRecordError;
    }
    throw new Error("expected an InvalidRecordError");
  };

  it("refuses null and number orders, and null side-log records, naming the row", () => {
    for (const bad of [null, undefined, 5]) {
      expect(rowError(() => serviceKpis([...deliveries, bad] as never)).row).toBe(deliveries.length);
      const receipts = { records: [{ date: "2024-01-01", correct: true }, bad] };
      const error = rowError(() => serviceKpis(deliveries, { receipts } as never));
      expect(error.row).toBe(1);
      const inventoryCounts = { records: [bad] };
      expect(rowError(() => serviceKpis(deliveries, { inventoryCounts } as never)).row).toBe(0);
    }
  });

  it("names a misspelt option, nested ones included, with the nearest valid name", () => {
    expect(() => serviceKpis(deliveries, { graceDay: 1 } as never)).toThrowError(
      /graceDay: unknown option "graceDay"; did you mean "graceDays"\?/,
    );
    expect(() =>
      serviceKpis(deliveries, { inventoryCounts: { records: counts, tolerence: 1 } } as never),
    ).toThrowError(/inventoryCounts\.tolerence: unknown option "tolerence"; did you mean "tolerance"\?/);
  });
});
