import { describe, expectTypeOf, it } from "vitest";
import { evaluateChurnModel } from "./evaluateChurnModel.js";
import type { EvaluateScoresResult } from "./evaluateScores.js";
import { type ChurnModel, trainChurnModel } from "./trainChurnModel.js";

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
      features: { numeric: ["daysSinceLastOrder"], categorical: ["plan"] },
    });
    expectTypeOf(model).toEqualTypeOf<ChurnModel<Customer>>();
    expectTypeOf(model.score).parameter(0).toEqualTypeOf<readonly Customer[]>();
    expectTypeOf(model.score(customers)).toEqualTypeOf<Float64Array>();
    expectTypeOf(evaluateChurnModel(model, customers)).toEqualTypeOf<EvaluateScoresResult>();
    // @ts-expect-error "tenure" is not a field of Customer
    trainChurnModel(customers, { label: "churned", features: { numeric: ["tenure"] } });
    // named accessors are accepted
    trainChurnModel(customers, {
      label: (customer) => customer.churned,
      features: {
        numeric: [{ name: "logDays", value: (customer) => Math.log1p(customer.daysSinceLastOrder) }],
      },
    });
  });
});
