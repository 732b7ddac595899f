import fc from "fast-check";
import { describe, expect, it } from "vitest";
import reference from "../../fixtures/value/reference.json" with { type: "json" };
import { bundleOf } from "../../test/bundle.js";
import { InsufficientDataError, InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { rfmScores } from "./rfmScores.js";

const rowsOf = (values: readonly number[]) =>
  values.map((value, i) => ({ customer: `c${i}`, recencyDays: value, frequency: value, monetary: value }));

describe("rfmScores", () => {
  it("uses R type-7 quantile breaks (numpy 'linear' reference in fixtures/value/reference.json)", () => {
    const { values, breaks } = reference.quantiles;
    const scores = rfmScores(rowsOf(values));
    expect(scores.breaks.frequency).toHaveLength(4);
    for (const [k, b] of scores.breaks.frequency.entries()) expect(b).toBeCloseTo(breaks[k] as number, 12);
  });

  it("scores 1..5 with recency reversed and builds the code", () => {
    const rows = [
      { customer: "fresh", recencyDays: 1, frequency: 9, monetary: 10 },
      { customer: "b", recencyDays: 10, frequency: 7, monetary: 50 },
      { customer: "c", recencyDays: 20, frequency: 5, monetary: 30 },
      { customer: "d", recencyDays: 30, frequency: 3, monetary: 20 },
      { customer: "stale", recencyDays: 40, frequency: 1, monetary: 40 },
    ];
    const scores = rfmScores(Object.freeze(rows.map((row) => Object.freeze(row))));
    expect(scores.customers.map((row) => row.score)).toEqual(["551", "445", "333", "222", "114"]);
  });

  it("never splits ties across bins", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 2, max: 9 }),
        (values, bins) => {
          const scores = rfmScores(rowsOf(values), { bins });
          const byValue = new Map<number, number>();
          for (const row of scores.customers) {
            const seen = byValue.get(row.frequency);
            if (seen !== undefined && seen !== row.frequencyScore) return false;
            byValue.set(row.frequency, row.frequencyScore);
            if (row.frequencyScore < 1 || row.frequencyScore > bins) return false;
          }
          return true;
        },
      ),
    );
  });

  it("keeps scores monotone: more frequent never scores lower, more recent never scores lower on recency", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 2, maxLength: 50 }),
        (values) => {
          const scores = rfmScores(rowsOf(values)).customers;
          for (const p of scores)
            for (const q of scores) {
              if (p.frequency < q.frequency && p.frequencyScore > q.frequencyScore) return false;
              if (p.recencyDays < q.recencyDays && p.recencyScore < q.recencyScore) return false;
            }
          return true;
        },
      ),
    );
  });

  it("puts everyone in the lowest bin when all values tie, and at the top for recency", () => {
    const scores = rfmScores(rowsOf([3, 3, 3]));
    expect(scores.customers.map((row) => row.frequencyScore)).toEqual([1, 1, 1]);
    expect(scores.customers.map((row) => row.recencyScore)).toEqual([5, 5, 5]);
  });

  it("supports equal-width bins", () => {
    const scores = rfmScores(rowsOf([0, 10, 20, 30, 40, 50, 100]), { method: "equalWidth" });
    expect(scores.breaks.monetary).toEqual([20, 40, 60, 80]);
    expect(scores.customers.map((row) => row.monetaryScore)).toEqual([1, 1, 1, 2, 2, 3, 5]);
  });

  it("refuses an empty table and bad bins", () => {
    expect(() => rfmScores([])).toThrow(InsufficientDataError);
    expect(() => rfmScores(rowsOf([1]), { bins: 1 })).toThrow(InvalidOptionsError);
    expect(() => rfmScores(rowsOf([1]), { bins: 10 })).toThrow(/at most 9 bins/);
  });
});

describe("rfmScores on the generated store", () => {
  it("scores the planted champions above the occasional customers on every measure", async () => {
    const { generateStore } = await import("../store/generateStore.js");
    const { rfmTable } = await import("./rfmTable.js");
    const store = generateStore({ seed: 3, customers: 600 });
    const table = rfmTable(store.orderLines, {
      customer: "customerId",
      date: "date",
      amount: "amount",
      order: "orderId",
      asOf: store.planted.end,
    });
    const scores = rfmScores(table).customers;
    const mean = (ids: readonly string[], key: "recencyScore" | "frequencyScore" | "monetaryScore") => {
      const wanted = new Set(ids);
      const rows = scores.filter((row) => wanted.has(row.customer));
      return rows.reduce((sum, row) => sum + row[key], 0) / rows.length;
    };
    for (const key of ["recencyScore", "frequencyScore", "monetaryScore"] as const) {
      expect(mean(store.planted.segments.champions, key), key).toBeGreaterThan(
        mean(store.planted.segments.occasional, key) + 1,
      );
    }
  });
});

describe("rfmScores input checks (issue 12)", () => {
  it("refuses a number, null or an object that is not an rfmTable result with InvalidOptionsError", () => {
    for (const input of [42, null, undefined, {}, { customers: [] }]) {
      expect(() => rfmScores(input as unknown as []), String(input)).toThrow(InvalidOptionsError);
    }
    expect(() => rfmScores(42 as unknown as [])).toThrow(/table: expected an rfmTable result/);
  });

  it("names the row of a null element or a NaN column value of a hand-built table", () => {
    const rows = [{ customer: "a", recencyDays: 1, frequency: 1, monetary: 1 }, null];
    const table = {
      customers: rows,
      recencyDays: Float64Array.of(1, 2),
      frequency: Float64Array.of(1, 1),
      monetary: Float64Array.of(1, Number.NaN),
    };
    expect(() => rfmScores(table as never)).toThrow(InvalidRecordError);
    expect(() => rfmScores(table as never)).toThrow(/row 1/);
    expect(() => rfmScores(rows as never)).toThrow(/row 1, field "\(record\)"/);
  });
});

describe("rfmScores natural breaks (Jenks, by optimal 1-D k-means)", () => {
  const rows = (monetary: readonly number[]) =>
    monetary.map((value, i) => ({
      customer: `c${i}`,
      recencyDays: i,
      frequency: 1 + (i % 3),
      monetary: value,
    }));

  /** Within-group sum of squares of `values` grouped by `labels`. */
  function withinSquares(values: readonly number[], labels: readonly number[]): number {
    const groups = new Map<number, number[]>();
    values.forEach((value, i) => {
      const key = labels[i] as number;
      groups.set(key, [...(groups.get(key) ?? []), value]);
    });
    let total = 0;
    for (const group of groups.values()) {
      const mean = group.reduce((a, b) => a + b, 0) / group.length;
      for (const value of group) total += (value - mean) ** 2;
    }
    return total;
  }

  /** Brute force: the least within-group sum of squares over every cut of the sorted values into m groups. */
  function bestSquares(values: readonly number[], m: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    const n = sorted.length;
    let best = Number.POSITIVE_INFINITY;
    const cuts = (start: number, left: number, labels: number[]): void => {
      if (left === 1) {
        const all = [...labels, ...new Array(n - start).fill(m - 1)];
        best = Math.min(best, withinSquares(sorted, all));
        return;
      }
      for (let end = start + 1; end <= n - left + 1; end++) {
        cuts(end, left - 1, [...labels, ...new Array(end - start).fill(m - left)]);
      }
    };
    cuts(0, m, []);
    return best;
  }

  it("puts clear gaps between groups (hand-worked)", () => {
    const scores = rfmScores(rows([1, 2, 3, 10, 11, 12, 30]), { bins: 3, method: "naturalBreaks" });
    expect(scores.customers.map((row) => row.monetaryScore)).toEqual([1, 1, 1, 2, 2, 2, 3]);
    expect(scores.breaks.monetary).toEqual([3, 12]);
    expect(scores.options.method).toBe("naturalBreaks");
    // Quantile breaks cut inside the groups instead.
    const quantiles = rfmScores(rows([1, 2, 3, 10, 11, 12, 30]), { bins: 3 });
    expect(quantiles.customers.map((row) => row.monetaryScore)).not.toEqual([1, 1, 1, 2, 2, 2, 3]);
  });

  it("reaches the least within-group sum of squares a brute-force search finds, ties kept together", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 2, max: 4 }),
        (values, bins) => {
          const scores = rfmScores(rows(values), { bins, method: "naturalBreaks" });
          const labels = scores.customers.map((row) => row.monetaryScore);
          const ours = withinSquares(values, labels);
          const best = bestSquares(values, Math.min(bins, values.length));
          expect(ours).toBeCloseTo(best, 9);
          values.forEach((value, i) => {
            values.forEach((other, j) => {
              if (value === other) expect(labels[i]).toBe(labels[j]);
              if (value < other) expect(labels[i]).toBeLessThanOrEqual(labels[j] as number);
            });
          });
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it("refuses an unknown method with the valid ones", () => {
    expect(() => rfmScores(rows([1, 2, 3]), { method: "jenks" as never })).toThrow(/naturalBreaks/);
  });
});

describe("rfmScores bundle (issue 13)", () => {
  it("computes natural breaks itself: simple-statistics is not in its bundle", {
    timeout: 30_000,
  }, async () => {
    const { output } = await bundleOf('export { rfmScores } from "./src/value/rfmScores.ts";');
    const inputs = Object.keys(output?.inputs ?? {});
    expect(inputs.some((path) => path.endsWith("src/value/rfmScores.ts"))).toBe(true);
    expect(inputs.filter((path) => path.includes("simple-statistics"))).toEqual([]);
  });
});
