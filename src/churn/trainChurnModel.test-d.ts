import { describe, expectTypeOf, it } from "vitest";
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
    expectTypeOf(model.score).parameter(0).toEqualTypeOf<readonly Customer[]>();
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
});
