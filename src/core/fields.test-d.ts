import { describe, expectTypeOf, it } from "vitest";
import type { Field } from "./fields.js";
import { readNumbers, resolveField } from "./fields.js";

interface Order {
  readonly customerId: string;
  readonly amount: number;
}

describe("Field types", () => {
  it("accept keys of the record and accessors, and reject other keys", () => {
    expectTypeOf<"amount">().toExtend<Field<Order>>();
    expectTypeOf<(order: Order) => number>().toExtend<Field<Order, number>>();
    expectTypeOf<"price">().not.toExtend<Field<Order>>();
  });

  it("resolve to typed accessors and typed columns", () => {
    expectTypeOf(
      resolveField<Order, number>((order) => order.amount, "amount").read,
    ).returns.toEqualTypeOf<number>();
    expectTypeOf(
      readNumbers<Order>([], "amount", { functionName: "f", optionName: "amount" }),
    ).toEqualTypeOf<Float64Array>();
  });
});
