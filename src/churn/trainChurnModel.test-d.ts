import { tableFromArrays } from "apache-arrow";
import { describe, expectTypeOf, it } from "vitest";
import type { ArrowTableLike, ColumnarRecords, RecordInput } from "../core/index.js";
import { calibrateChurnModel } from "./calibrateChurnModel.js";
import { evaluateChurnModel } from "./evaluateChurnModel.js";
import type { EvaluateScoresResult } from "./evaluateScores.js";
import { restoreChurnModel } from "./restoreChurnModel.js";
import { type ChurnModel, type ChurnModelJson, trainChurnModel } from "./trainChurnModel.js";

interface Customer {
  readonly id: string;
  readonly daysSinceLastOrder: number;
  readonly plan: "basic" | "plus";
  readonly churned: boolean;
}
declare const customers: readonly Customer[];

describe("trainChurnModel types", () => {
  it("is generic over the record type and checks feature keys", () => {
    const model = trainChurnModel(customers, {
      label: "churned",
      fields: { numeric: ["daysSinceLastOrder"], categorical: ["plan"] },
    });
    expectTypeOf(model).toEqualTypeOf<ChurnModel<Customer>>();
    // columns of the records' fields, or any Arrow table (its columns checked when read)
    expectTypeOf(model.score).parameter(0).toEqualTypeOf<RecordInput<Customer> | ArrowTableLike<unknown>>();
    expectTypeOf(model.score(customers)).toEqualTypeOf<Float64Array>();
    expectTypeOf(evaluateChurnModel(model, customers)).toEqualTypeOf<EvaluateScoresResult>();
    // @ts-expect-error "tenure" is not a field of Customer
    trainChurnModel(customers, { label: "churned", fields: { numeric: ["tenure"] } });
    // named accessors are accepted
    trainChurnModel(customers, {
      label: (customer) => customer.churned,
      fields: {
        numeric: [{ name: "logDays", value: (customer) => Math.log1p(customer.daysSinceLastOrder) }],
      },
    });
  });

  it("keeps the record type through calibration and takes it explicitly on restore", () => {
    const model = trainChurnModel(customers, {
      label: "churned",
      fields: { numeric: ["daysSinceLastOrder"] },
    });
    expectTypeOf(model.toJSON()).toEqualTypeOf<ChurnModelJson>();
    expectTypeOf(calibrateChurnModel(model, customers, { method: "isotonic" })).toEqualTypeOf<
      ChurnModel<Customer>
    >();
    expectTypeOf(restoreChurnModel<Customer>(model.toJSON())).toEqualTypeOf<ChurnModel<Customer>>();
    // @ts-expect-error "sigmoid" is scikit-learn's name; clientele's is "platt"
    calibrateChurnModel(model, customers, { method: "sigmoid" });
    trainChurnModel(customers, { label: "churned", fields: { categorical: ["plan"] }, encoding: "oneHot" });
  });

  it("takes columns and Arrow tables, feature names checked against the column names", () => {
    const columns = {
      daysSinceLastOrder: new Float64Array([3, 40, 90]),
      plan: ["basic", "plus", "basic"],
      churned: [false, false, true],
    };
    const model = trainChurnModel(columns, {
      label: "churned",
      fields: { numeric: ["daysSinceLastOrder"], categorical: ["plan"] },
    });
    expectTypeOf(model).toEqualTypeOf<
      ChurnModel<{ daysSinceLastOrder: number; plan: string; churned: boolean }>
    >();
    expectTypeOf(model.score(columns)).toEqualTypeOf<Float64Array>();
    expectTypeOf(evaluateChurnModel(model, columns)).toEqualTypeOf<EvaluateScoresResult>();
    calibrateChurnModel(model, columns);
    // @ts-expect-error "tenure" is not a column
    trainChurnModel(columns, { label: "churned", fields: { numeric: ["tenure"] } });
    // @ts-expect-error the label must be a column too
    trainChurnModel(columns, { label: "left", fields: { numeric: ["daysSinceLastOrder"] } });
    // an accessor receives a transient row of the columns' values
    trainChurnModel(columns, {
      label: "churned",
      fields: { numeric: [{ name: "logDays", value: (row) => Math.log1p(row.daysSinceLastOrder) }] },
    });
    const typed: ColumnarRecords<Customer> = {
      id: ["a", "b"],
      daysSinceLastOrder: new Float64Array([1, 2]),
      plan: ["basic", "plus"],
      churned: [true, false],
    };
    // a model trained on records scores the same fields as columns
    trainChurnModel(customers, { label: "churned", fields: { numeric: ["daysSinceLastOrder"] } }).score(
      typed,
    );

    const table = tableFromArrays({ tenure: new Float64Array([1, 2]), churned: [true, false] });
    const fromTable = trainChurnModel(table, { label: "churned", fields: { numeric: ["tenure"] } });
    fromTable.score(table);
    // a model trained on records scores an Arrow table
    trainChurnModel(customers, { label: "churned", fields: { numeric: ["daysSinceLastOrder"] } }).score(
      table,
    );
    // @ts-expect-error "days" is not a column of the table
    trainChurnModel(table, { label: "churned", fields: { numeric: ["days"] } });
  });
});
