import { expectTypeOf, test } from "vitest";
import {
  type FitBgNbdResult,
  fitBgNbd,
  type RepeatPurchaseSummaryResult,
  type RfmTableResult,
  repeatPurchaseSummary,
  rfmTable,
  type ValueTier,
  valueTiers,
} from "./index.js";

interface Line {
  readonly customerId: string;
  readonly date: string;
  readonly amount: number;
}
declare const lines: readonly Line[];

test("field options are keys of the record type or accessors", () => {
  expectTypeOf(
    rfmTable(lines, { customer: "customerId", date: "date", amount: "amount", asOf: "2024-12-31" }),
  ).toEqualTypeOf<RfmTableResult>();
  expectTypeOf(
    rfmTable(lines, {
      customer: (line) => line.customerId,
      date: "date",
      amount: "amount",
      asOf: "2024-12-31",
    }),
  ).toEqualTypeOf<RfmTableResult>();
  // @ts-expect-error "total" is not a field of Line
  rfmTable(lines, { customer: "customerId", date: "date", amount: "total", asOf: "2024-12-31" });
});

test("the BG/NBD pipeline keeps its types", () => {
  const summary = repeatPurchaseSummary(lines, {
    customer: "customerId",
    date: "date",
    asOf: "2024-12-31",
  });
  expectTypeOf(summary).toEqualTypeOf<RepeatPurchaseSummaryResult>();
  const model = fitBgNbd(summary);
  expectTypeOf(model).toEqualTypeOf<FitBgNbdResult>();
  expectTypeOf(model.probabilityAlive).parameters.toEqualTypeOf<[number, number, number]>();
  expectTypeOf(model.probabilityAlive).returns.toBeNumber();
});

test("tiers are a closed union", () => {
  const tiers = valueTiers([{ profit: 1 }], { contribution: "profit" });
  expectTypeOf(tiers.customers[0]?.tier).toEqualTypeOf<ValueTier | undefined>();
});
