import { describe, expect, it } from "vitest";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { applyFeatures } from "./applyFeatures.js";
import { assignSegments } from "./assignSegments.js";
import { chooseK } from "./chooseK.js";
import { featureMatrix } from "./featureMatrix.js";
import { kMeans } from "./kMeans.js";
import { kMeansSteps } from "./kMeansSteps.js";
import { segmentProfiles } from "./segmentProfiles.js";

// Issue 12: a null / undefined / number element in an otherwise valid record array used to crash
// with a raw TypeError (or be read as an empty row); every segment function now names the row.
type Customer = { readonly spend: number; readonly orders: number };
const customers: readonly Customer[] = Object.freeze(
  [
    { spend: 10, orders: 1 },
    { spend: 12, orders: 1 },
    { spend: 200, orders: 9 },
    { spend: 210, orders: 10 },
    { spend: 90, orders: 4 },
  ].map((row) => Object.freeze(row)),
);
const fields = ["spend", "orders"] as const;
const model = kMeans(customers, { k: 2, fields: [...fields], seed: 1 });

function caught(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

const withBad = (bad: unknown, at: number): readonly Customer[] =>
  [...customers.slice(0, at), bad, ...customers.slice(at + 1)] as readonly Customer[];

const calls: [string, (records: readonly Customer[]) => unknown][] = [
  ["featureMatrix", (records) => featureMatrix(records, { fields: [...fields] })],
  [
    "featureMatrix (accessor fields)",
    (records) => featureMatrix(records, { fields: { spend: (row: Customer) => row.spend } }),
  ],
  ["applyFeatures", (records) => applyFeatures(model.transform, records)],
  ["kMeans", (records) => kMeans(records, { k: 2, fields: [...fields] })],
  ["kMeansSteps", (records) => kMeansSteps(records, { k: 2, fields: [...fields] }).next()],
  ["chooseK", (records) => chooseK(records, { fields: [...fields], kRange: [2, 3] })],
  ["assignSegments", (records) => assignSegments(model, records)],
  ["segmentProfiles", (records) => segmentProfiles(model, records)],
  ["segmentProfiles (valueField)", (records) => segmentProfiles(model, records, { valueField: "spend" })],
];

describe("segment functions and elements that are not records", () => {
  for (const [name, call] of calls) {
    it(`${name}: null, undefined, a number or a string element is an InvalidRecordError naming its row`, () => {
      for (const bad of [null, undefined, 42, "customer"]) {
        const error = caught(() => call(withBad(bad, 3)));
        expect(error, `${name} with ${String(bad)}`).toBeInstanceOf(InvalidRecordError);
        expect((error as InvalidRecordError).row).toBe(3);
        expect((error as InvalidRecordError).value).toBe(bad);
      }
    });
  }

  it("methods given null or a non-object instead of a model or records say so", () => {
    expect(() => segmentProfiles(null as never, customers)).toThrow(InvalidOptionsError);
    expect(() => segmentProfiles({ assignments: new Int32Array(5) } as never, customers)).toThrow(
      InvalidOptionsError,
    );
    expect(() => assignSegments(null as never, customers)).toThrow(InvalidOptionsError);
    expect(() => assignSegments(model, null as never)).toThrow(InvalidOptionsError);
    expect(() => applyFeatures(null as never, customers)).toThrow(InvalidOptionsError);
    expect(() => applyFeatures(model.transform, customers, 5 as never)).toThrow(InvalidOptionsError);
    expect(() => kMeans(customers, null as never)).toThrow(InvalidOptionsError);
    expect(() => chooseK(customers, 3 as never)).toThrow(InvalidOptionsError);
    // null options mean the defaults, as everywhere
    expect(segmentProfiles(model, customers, null as never).profiles).toHaveLength(2);
  });
});
