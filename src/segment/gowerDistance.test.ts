import { describe, expect, it } from "vitest";
import { loadMixedReference, loadRCsv } from "../../fixtures/segment/mixedReference.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { distanceMatrix } from "./distanceMatrix.js";
import { DistanceMatrixTooLargeError } from "./distanceMatrixTooLargeError.js";
import { type GowerFieldSpec, type GowerFieldType, gowerDistance } from "./gowerDistance.js";

type Row = Record<string, string | number | null>;
const reference = loadMixedReference();
const daisy = (name: string) => {
  const found = reference.daisy.find((entry) => entry.name === name);
  if (found === undefined) throw new Error(`no reference ${name}`);
  return found.distances;
};
const flower = Object.freeze(loadRCsv("flower.csv").map((row) => Object.freeze(row))) as readonly Row[];
const levels = (count: number) => Array.from({ length: count }, (_, i) => String(i + 1));
const flowerFields = (
  overrides: Record<string, GowerFieldType | GowerFieldSpec<Row>> = {},
): Record<string, GowerFieldType | GowerFieldSpec<Row>> => ({
  V1: "nominal",
  V2: "nominal",
  V3: "asymmetricBinary",
  V4: "nominal",
  V5: { type: "ordinal", levels: levels(3) },
  V6: { type: "ordinal", levels: levels(18) },
  V7: "numeric",
  V8: "numeric",
  ...overrides,
});

function expectClose(actual: Float64Array, expected: readonly (number | null)[]) {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  expected.forEach((value, index) => {
    worst = Math.max(worst, Math.abs((actual[index] as number) - (value as number)));
  });
  expect(worst).toBeLessThan(1e-9);
}

describe("gowerDistance against R cluster::daisy (metric gower)", () => {
  it("flower, V3 asymmetric binary, ordered factors by level codes", () => {
    expectClose(gowerDistance(flower, { fields: flowerFields() }).values, daisy("flower asymm V3"));
  });

  it("flower, V1 and V3 asymmetric, V7 as ordinal ranks (daisy's ordratio)", () => {
    const d = gowerDistance(flower, { fields: flowerFields({ V1: "asymmetricBinary", V7: "ordinal" }) });
    expectClose(d.values, daisy("flower asymm V1 V3, ordratio V7"));
  });

  it("flower with field weights", () => {
    const weights = { V1: 1, V2: 2, V3: 1, V4: 0.5, V5: 1, V6: 3, V7: 1, V8: 2 };
    expectClose(gowerDistance(flower, { fields: flowerFields(), weights }).values, daisy("flower weights"));
  });

  it("flower with missing values: a field missing in either row is left out of that pair", () => {
    const holes: [number, string][] = [
      [2, "V7"],
      [5, "V4"],
      [5, "V1"],
      [9, "V6"],
      [9, "V3"],
      [12, "V8"],
      [12, "V7"],
    ];
    const withHoles = flower.map((row, index) => {
      const copy = { ...row };
      for (const [r, field] of holes) if (r - 1 === index) copy[field] = null;
      return copy;
    });
    const d = gowerDistance(withHoles, { fields: flowerFields() });
    expectClose(d.values, daisy("flowerNA asymm V3"));
    expect(d.missingCounts).toMatchObject({ V7: 2, V1: 1, V8: 1 });
  });

  it("plantTraits: 31 mixed fields and 166 missing values", () => {
    const plants = loadRCsv("plantTraits.csv");
    const columns = Object.keys(plants[0] as Row).slice(1);
    const fields: Record<string, GowerFieldType> = {};
    columns.forEach((column, index) => {
      const position = index + 1;
      fields[column] =
        position <= 3
          ? "numeric"
          : position <= 11
            ? "ordinal"
            : position <= 13
              ? "binary"
              : "asymmetricBinary";
    });
    const d = gowerDistance(plants, { fields });
    expectClose(d.values, daisy("plantTraits"));
    expect(Object.values(d.missingCounts).reduce((a, b) => a + b, 0)).toBe(166);
  });

  it("agriculture: all numeric fields, range-scaled Manhattan / p", () => {
    const agriculture = loadRCsv("agriculture.csv");
    const d = gowerDistance(agriculture, { fields: { x: "numeric", y: "numeric" } });
    expectClose(d.values, daisy("agriculture gower"));
  });
});

describe("gowerDistance by hand", () => {
  const customers = Object.freeze([
    Object.freeze({ plan: "basic", tenure: 2, channel: "web", autopay: true }),
    Object.freeze({ plan: "pro", tenure: 30, channel: "store", autopay: false }),
    Object.freeze({ plan: "basic", tenure: 4, channel: "web", autopay: null }),
  ]);
  const fields = {
    plan: { type: "ordinal", levels: ["basic", "pro"] },
    tenure: "numeric",
    channel: "nominal",
    autopay: "asymmetricBinary",
  } as const;

  it("re-weights over the fields both rows have", () => {
    const d = gowerDistance(customers, { fields });
    expect(d.get(0, 2)).toBeCloseTo(2 / 28 / 3, 15);
    expect(d.get(2, 0)).toBe(d.get(0, 2));
    expect(d.get(0, 1)).toBe(1);
    expect(d.get(1, 1)).toBe(0);
    expect(d.ranges).toEqual({ plan: 1, tenure: 28, channel: null, autopay: null });
  });

  it("asymmetric binary: two absences do not count as agreement; symmetric ones do", () => {
    const rows = [
      { a: 0, x: 0 },
      { a: 0, x: 1 },
    ];
    expect(gowerDistance(rows, { fields: { a: "asymmetricBinary", x: "numeric" } }).get(0, 1)).toBe(1);
    expect(gowerDistance(rows, { fields: { a: "binary", x: "numeric" } }).get(0, 1)).toBe(0.5);
  });

  it("refuses undefined distances, bad values and bad options with typed errors", () => {
    const rows = [
      { a: 1, b: null },
      { a: null, b: 2 },
    ];
    expect(() => gowerDistance(rows, { fields: { a: "numeric", b: "numeric" } })).toThrow(InvalidRecordError);
    expect(() => gowerDistance([{ f: "yes" }], { fields: { f: "binary" } })).toThrow(InvalidRecordError);
    expect(() => gowerDistance([{ f: "mid" }], { fields: { f: "ordinal" } })).toThrow(/levels/);
    expect(() => gowerDistance(customers, { fields: { plan: "nominal" }, weights: { tenure: 1 } })).toThrow(
      InvalidOptionsError,
    );
    expect(() => gowerDistance(customers, { fields: { plan: "nominal" }, wieghts: {} } as never)).toThrow(
      /did you mean "weights"/,
    );
  });

  it("names the field whose description or weight is wrong", () => {
    const messageOf = (options: object) => {
      try {
        gowerDistance(customers, options as never);
      } catch (error) {
        return (error as Error).message;
      }
      return "no error";
    };
    expect(messageOf({ fields: { plan: "categorical" } })).toContain(
      'fields: "plan": expected a type ("numeric", "ordinal", "nominal", "binary" or "asymmetricBinary")',
    );
    expect(messageOf({ fields: { plan: { type: "ordinal", levles: ["a"] } } })).toContain(
      'fields: "plan": unknown key "levles"',
    );
    expect(messageOf({ fields: { plan: { type: "ordinal", levels: [] } } })).toContain(
      'fields: "plan": levels must be a non-empty array',
    );
    expect(messageOf({ fields: { plan: "nominal" }, weights: { plan: -1 } })).toContain(
      'weights: "plan": weights must be >= 0',
    );
  });

  it("refuses O(n²) memory above 30,000 rows with a hint", () => {
    const many = Array.from({ length: 30_001 }, () => ({ a: 1 }));
    expect(() => gowerDistance(many, { fields: { a: "numeric" } })).toThrow(DistanceMatrixTooLargeError);
    expect(() => gowerDistance(many, { fields: { a: "numeric" } })).toThrow(/fastpam/);
  });
});

describe("distanceMatrix", () => {
  it("wraps R dist order and copies its input", () => {
    const input = [1, 4, 3];
    const d = distanceMatrix(input, 3);
    input[0] = 99;
    expect([d.get(0, 1), d.get(1, 0), d.get(0, 2), d.get(2, 1), d.get(2, 2)]).toEqual([1, 1, 4, 3, 0]);
    expect(() => distanceMatrix([1, 2], 3)).toThrow(InvalidOptionsError);
    expect(() => distanceMatrix([1, -1, 2], 3)).toThrow(InvalidOptionsError);
  });
});
