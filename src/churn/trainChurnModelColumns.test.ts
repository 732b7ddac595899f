import { tableFromArrays } from "apache-arrow";
import { describe, expect, it } from "vitest";
import { type ChurnFixtureRow, readChurnReference, readChurnSplits } from "../../fixtures/churn/fixture.js";
import { readSubsampleReference, subsampleRows } from "../../fixtures/churn/subsample.js";
import { expectClose } from "../../test/expectClose.js";
import { InvalidOptionsError, InvalidRecordError } from "../core/index.js";
import { calibrateChurnModel } from "./calibrateChurnModel.js";
import { evaluateChurnModel } from "./evaluateChurnModel.js";
import { type ChurnModel, trainChurnModel } from "./trainChurnModel.js";

// Training, scoring, evaluating and calibrating on columns and Arrow tables: each is compared with the same
// call on the records (bit for bit) and with the references of trainChurnModel.test.ts (statsmodels 0.13.5,
// scikit-learn 1.2.1, R 4.2.2 glm).
const { train, test, fields } = readChurnSplits();
const fixture = readChurnReference().fixture;

const COEFFICIENT_TOLERANCE = 1e-6;

describe("trainChurnModel on columns and Arrow tables (issue 19)", () => {
  type Row = ChurnFixtureRow;
  /** The rows as columns: numeric features as Float64Arrays, the rest as arrays (as a CSV or Arrow reader gives them). */
  const asColumns = (records: readonly Row[]) => ({
    customerId: records.map((row) => row.customerId),
    tenureMonths: Float64Array.from(records, (row) => row.tenureMonths),
    ordersLast90Days: Int32Array.from(records, (row) => row.ordersLast90Days),
    averageOrderValue: Float64Array.from(records, (row) => row.averageOrderValue),
    daysSinceLastOrder: records.map((row) => row.daysSinceLastOrder),
    complaints: Float64Array.from(records, (row) => row.complaints),
    region: records.map((row) => row.region),
    plan: records.map((row) => row.plan),
    churned: records.map((row) => row.churned),
    split: records.map((row) => row.split),
  });
  const trainColumns = asColumns(train);
  const testColumns = asColumns(test);
  const trainTable = tableFromArrays(trainColumns);
  const testTable = tableFromArrays(testColumns);

  it("trains the records' model bit for bit on statsmodels' and scikit-learn's fixtures, and scores the same", () => {
    for (const [name, l2] of [
      ["statsmodels", 0],
      ["sklearnL2_1", 1],
    ] as const) {
      const options = { label: "churned", fields, regularization: { l2 } } as const;
      const fromRecords = trainChurnModel(train, options);
      const fromColumns = trainChurnModel(trainColumns, options);
      const fromArrow = trainChurnModel(trainTable, options);
      expectClose(
        fromColumns.coefficients.map((c) => c.standardizedEstimate),
        fixture[name].coefficients,
        COEFFICIENT_TOLERANCE,
      );
      // a table of two record batches: each chunk's dictionary of levels is its own
      const batches = tableFromArrays(asColumns(train.slice(0, 120))).concat(
        tableFromArrays(asColumns(train.slice(120))),
      );
      expect(batches.getChild("region")?.data.length).toBe(2);
      for (const model of [
        fromColumns,
        fromArrow,
        trainChurnModel(batches, options),
      ] as ChurnModel<unknown>[]) {
        expect(model.toJSON()).toEqual(fromRecords.toJSON());
        expect(model.score(testColumns)).toEqual(fromRecords.score(test));
        expect(model.score(testTable)).toEqual(fromRecords.score(test));
      }
      expectClose(
        Array.from(fromArrow.score(testTable).subarray(0, 5)),
        fixture[name].testProbabilitiesFirst5,
        1e-8,
      );
    }
  });

  it("matches R's glm above the warm-start size from columns", () => {
    const reference = readSubsampleReference();
    // the data of "trainChurnModel above the warm-start size", as columns
    const data = subsampleRows(reference.rows);
    const x1 = Float64Array.from(data, (row) => row.x1);
    const x2 = Float64Array.from(data, (row) => row.x2);
    const segment = data.map((row) => row.segment);
    const churned = Uint8Array.from(data, (row) => row.churned);
    const model = trainChurnModel(
      { x1, x2, segment, churned },
      {
        label: "churned",
        fields: { numeric: ["x1", "x2"], categorical: ["segment"] },
        regularization: { l2: 0 },
      },
    );
    model.coefficients.forEach((coefficient, j) => {
      expect(
        Math.abs(coefficient.estimate - (reference.glm.estimate[j] as number)),
        coefficient.term,
      ).toBeLessThan(1e-9);
    });
  });

  it("gives accessors a transient row of the columns' values, and takes an accessor label", () => {
    const options = {
      label: (row: Row) => row.churned === 1,
      fields: {
        numeric: [{ name: "logValue", value: (row: Row) => Math.log(row.averageOrderValue) }, "tenureMonths"],
        categorical: [{ name: "area", value: (row: Row) => row.region }],
      },
    } as const;
    const fromRecords = trainChurnModel(train, options);
    const seen: unknown[] = [];
    const fromColumns = trainChurnModel(trainColumns, {
      ...options,
      label: (row, index) => {
        seen.push(index);
        return row.churned === 1;
      },
    });
    expect(fromColumns.toJSON()).toEqual(fromRecords.toJSON());
    expect(seen).toEqual(Array.from(train, (_, i) => i));
    // (an accessor typed on the records reads Arrow's row view of the same names)
    expect(trainChurnModel(trainTable as never, options).score(testTable)).toEqual(fromRecords.score(test));
  });

  it("evaluates and calibrates on columns and Arrow tables as on records", () => {
    const model = trainChurnModel(train, { label: "churned", fields });
    const onRecords = evaluateChurnModel(model, test);
    expect(evaluateChurnModel(model, testColumns)).toEqual(onRecords);
    expect(evaluateChurnModel(model, testTable)).toEqual(onRecords);
    for (const method of ["platt", "isotonic"] as const) {
      const calibrated = calibrateChurnModel(model, test, { method });
      expect(calibrateChurnModel(model, testColumns, { method }).toJSON()).toEqual(calibrated.toJSON());
      expect(calibrateChurnModel(model, testTable, { method }).score(trainTable)).toEqual(
        calibrated.score(train),
      );
    }
  });

  it("reads missing values, numeric strings, booleans and Arrow nulls as the records' reader does", () => {
    const records = [
      { x: 1, flag: true, c: "a", y: 0 },
      { x: "2.5", flag: false, c: null, y: 1 },
      { x: null, flag: true, c: "b", y: 0 },
      { x: 4, flag: false, c: "a", y: 1 },
      { x: 3, flag: true, c: "b", y: 1 },
      { x: Number.NaN, flag: false, c: "", y: 0 },
    ];
    const options = {
      label: "y",
      fields: { numeric: ["x", "flag"], categorical: ["c"] },
      missing: "impute",
    } as const;
    const columns = {
      x: records.map((row) => row.x),
      flag: records.map((row) => row.flag),
      c: records.map((row) => row.c),
      y: records.map((row) => row.y),
    };
    const fromRecords = trainChurnModel(records, options);
    expect(fromRecords.training.imputedValues).toBe(4);
    expect(trainChurnModel(columns, options).toJSON()).toEqual(fromRecords.toJSON());
    const table = tableFromArrays({
      x: [1, 2.5, null, 4, 3, null],
      flag: [true, false, true, false, true, false],
      c: ["a", null, "b", "a", "b", null],
      y: new Float64Array(columns.y),
    });
    expect(table.getChild("x")?.nullCount).toBe(2);
    const fromArrow = trainChurnModel(table, options);
    expect(fromArrow.coefficients).toEqual(fromRecords.coefficients);
    expect(fromArrow.score(table)).toEqual(fromRecords.score(records));
  });

  it("reads Arrow's 64-bit integer columns (bigints up to 2^53) as numbers and levels, as core's readers do", () => {
    const options = {
      label: "churned",
      fields: { numeric: ["daysSinceLastOrder"], categorical: ["ordersLast90Days"] },
    } as const;
    const fromRecords = trainChurnModel(train, options);
    const table = tableFromArrays({
      daysSinceLastOrder: BigInt64Array.from(train, (row) => BigInt(row.daysSinceLastOrder)),
      ordersLast90Days: BigInt64Array.from(train, (row) => BigInt(row.ordersLast90Days)),
      churned: Int32Array.from(train, (row) => row.churned),
    });
    expect(String(table.getChild("daysSinceLastOrder")?.type)).toBe("Int64");
    const fromArrow = trainChurnModel(table, options);
    expect(fromArrow.toJSON()).toEqual(fromRecords.toJSON());
    expect(fromArrow.score(table)).toEqual(fromRecords.score(train));
    const tooLarge = { ...train[0], daysSinceLastOrder: 2n ** 60n } as unknown as Row;
    expect(() => fromRecords.score([tooLarge])).toThrow(
      /row 0, field "daysSinceLastOrder": received 1152921504606846976/,
    );
  });

  it("does not mutate the columns", () => {
    const copy = structuredClone(trainColumns);
    const frozen = Object.freeze(
      Object.fromEntries(
        Object.entries(trainColumns).map(([name, column]) => [
          name,
          Array.isArray(column) ? Object.freeze(column) : column,
        ]),
      ),
    ) as typeof trainColumns;
    const model = trainChurnModel(frozen, { label: "churned", fields, missing: "impute" });
    model.score(frozen);
    expect(frozen).toEqual(copy);
  });

  it("names ragged columns, a missing column and a bad cell (row, field, value) as the records' reader does", () => {
    const options = { label: "churned", fields } as const;
    expect(() => trainChurnModel({ ...trainColumns, plan: trainColumns.plan.slice(1) }, options)).toThrow(
      /records: columns must have one length: "customerId" has 300 values, "plan" has 299/,
    );
    const { complaints: _, ...withoutComplaints } = trainColumns;
    expect(() => trainChurnModel(withoutComplaints as never, options)).toThrow(
      /fields.numeric: no column named "complaints" in the columnar input/,
    );
    const model = trainChurnModel(train, options);
    expect(() => model.score(withoutComplaints as never)).toThrow(/records: no column named "complaints"/);
    expect(() => trainChurnModel({ ...trainColumns, churned: undefined } as never, options)).toThrow(
      /"churned" is not/,
    );
    expect(() => trainChurnModel(42 as never, options)).toThrow(/records: expected an array of records/);
    expect(() => model.score("rows" as never)).toThrow(InvalidOptionsError);
    expect(() => calibrateChurnModel(model, { churned: [] } as never)).toThrow(/no holdout rows/);
    expect(() => calibrateChurnModel(model, withoutComplaints as never)).toThrow(
      /calibrateChurnModel: invalid options\n {2}- holdout: no column named "complaints"/,
    );

    // Bad cells: the first in row order (label, numeric fields, categorical fields), as from records.
    const errorOf = (run: () => unknown): InvalidRecordError => {
      try {
        run();
      } catch (error) {
        if (error instanceof InvalidRecordError) return error;
        throw error;
      }
      throw new Error("no error");
    };
    const cases: [string, number, unknown][][] = [
      [["daysSinceLastOrder", 7, "soon"]],
      [["region", 3, ""]],
      [["churned", 5, 2]],
      // a later column's bad cell in an earlier row is the one reported
      [
        ["tenureMonths", 40, Number.POSITIVE_INFINITY],
        ["plan", 12, { level: "gold" }],
        ["churned", 30, "1"],
      ],
      [
        ["complaints", 9, null],
        ["tenureMonths", 9, "x"],
      ],
    ];
    for (const bad of cases) {
      const records = train.map((row) => ({ ...row })) as Record<string, unknown>[];
      const columns: Record<string, unknown[]> = Object.fromEntries(
        Object.entries(trainColumns).map(([name, column]) => [
          name,
          Array.from(column as ArrayLike<unknown>),
        ]),
      );
      for (const [field, row, value] of bad) {
        (records[row] as Record<string, unknown>)[field] = value;
        (columns[field] as unknown[])[row] = value;
      }
      const expected = errorOf(() => trainChurnModel(records as never, options));
      const actual = errorOf(() => trainChurnModel(columns as never, options));
      expect(actual.message).toBe(expected.message);
      expect([actual.row, actual.field, actual.value]).toEqual([
        expected.row,
        expected.field,
        expected.value,
      ]);
      if (bad.some(([field]) => field === "churned")) continue;
      const scored = errorOf(() => model.score(columns as never));
      expect(scored.message).toBe(errorOf(() => model.score(records as never)).message);
    }
    // an unseen level under unseenCategory: "error", after a bad number of a later row
    const strict = trainChurnModel(train, { ...options, unseenCategory: "error" });
    const columns = { ...testColumns, plan: testColumns.plan.map((plan, i) => (i === 4 ? "gold" : plan)) };
    expect(() => strict.score(columns)).toThrow(/ChurnModel.score: row 4, field "plan": received "gold"/);
    expect(() =>
      strict.score({
        ...columns,
        complaints: Array.from(columns.complaints, (v, i) => (i === 6 ? "?" : v)),
      } as never),
    ).toThrow(/row 4, field "plan"/);
  });
});
