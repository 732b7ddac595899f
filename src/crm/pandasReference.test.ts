/**
 * clientele/crm against an independent implementation: pandas/numpy figures computed by
 * fixtures/crm/make-reference.py on the synthetic logs it wrote beside itself
 * (numpy's default percentile is R type 7, the method complaintSummary uses).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseSimpleCsv } from "../../test/datasets.js";
import { complaintSummary } from "./complaintSummary.js";
import { serviceKpis } from "./serviceKpis.js";

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/crm/${name}`, import.meta.url), "utf8");
const reference = JSON.parse(fixture("reference.json"));
const complaints = Object.freeze(parseSimpleCsv(fixture("complaints.csv")));
const deliveries = Object.freeze(parseSimpleCsv(fixture("deliveries.csv")));
const bool = (value: string | undefined) => value === "True";

describe("complaintSummary matches pandas on the synthetic complaint log", () => {
  const summary = complaintSummary(complaints, {
    contacts: (r) => Number(r.contacts),
    reopened: (r) => bool(r.reopened),
  });
  const ref = reference.complaints;

  it("counts categories, other, customers and repeat complainers exactly", () => {
    expect(summary.complaints).toBe(ref.complaints);
    expect(summary.complainingCustomers).toBe(ref.complainingCustomers);
    expect(Object.fromEntries(summary.byCategory.map((r) => [r.category, r.complaints]))).toEqual(
      ref.byCategory,
    );
    expect(summary.otherCategories).toEqual([{ category: "billing", complaints: ref.otherBilling }]);
    expect(summary.repeatComplainers?.customers).toBe(ref.repeatComplainers);
    expect(summary.repeatComplainers?.complaintShare).toBeCloseTo(ref.repeatComplaints / ref.complaints, 12);
  });

  it("matches numpy percentiles of response and resolution hours (to 1e-9 h)", () => {
    expect(summary.firstResponse.median).toBeCloseTo(ref.firstResponse.median, 9);
    expect(summary.firstResponse.p90).toBeCloseTo(ref.firstResponse.p90, 9);
    expect(summary.firstResponse.mean).toBeCloseTo(ref.firstResponse.mean, 9);
    expect(summary.firstResponse.count).toBe(ref.firstResponse.count);
    expect(summary.resolution.median).toBeCloseTo(ref.resolution.median, 9);
    expect(summary.resolution.p90).toBeCloseTo(ref.resolution.p90, 9);
    expect(summary.resolution.count).toBe(ref.resolution.count);
  });

  it("matches the FCR and reopen counts and the monthly trend", () => {
    expect(summary.firstContactResolution.numerator).toBe(ref.firstContactResolution.numerator);
    expect(summary.firstContactResolution.denominator).toBe(ref.firstContactResolution.denominator);
    expect(summary.reopen.numerator).toBe(ref.reopen.numerator);
    expect(summary.reopen.denominator).toBe(ref.reopen.denominator);
    expect(summary.trend.length).toBe(ref.trend.length);
    summary.trend.forEach((row, j) => {
      const expected = ref.trend[j];
      expect(row.period).toBe(expected.period);
      expect(row.complaints).toBe(expected.complaints);
      expect(row.resolved).toBe(expected.resolved);
      expect(row.medianResolution).toBeCloseTo(expected.medianResolution, 9);
      expect(row.firstContactResolutionRate).toBeCloseTo(expected.firstContactResolutionRate, 12);
    });
  });
});

describe("serviceKpis matches pandas on the synthetic deliveries", () => {
  const kpis = serviceKpis(deliveries, {
    damaged: (r) => bool(r.damaged),
    inStock: (r) => bool(r.inStock),
    segment: "channel",
  });
  const ref = reference.deliveries;
  const pairs = (v: (typeof kpis)["overall"]) => ({
    orders: v.orders,
    onTimeDelivery: [v.onTimeDelivery.numerator, v.onTimeDelivery.denominator],
    deliverySuccess: [v.deliverySuccess.numerator, v.deliverySuccess.denominator],
    damageLoss: [v.damageLoss.numerator, v.damageLoss.denominator],
    stockout: [v.stockout.numerator, v.stockout.denominator],
  });

  it("agrees overall, by channel and by month (exact counts)", () => {
    expect(pairs(kpis.overall)).toEqual(ref.overall);
    expect(Object.fromEntries(kpis.bySegment.map((s) => [s.segment, pairs(s)]))).toEqual(ref.byChannel);
    expect(Object.fromEntries(kpis.byPeriod.map((p) => [p.period, pairs(p)]))).toEqual(ref.byMonth);
  });
});
