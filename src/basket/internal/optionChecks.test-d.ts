import { describe, expectTypeOf, it } from "vitest";
import type { OptionValues } from "../../core/internal/optionRules.js";
import type { AssociationRulesCustomMeasure, associationRulesShape } from "../associationRules.js";
import type { topRulesShape } from "../topRules.js";
import type { categoriesShape } from "./categories.js";
import type { sequenceShape } from "./sequenceCommon.js";

type RecordField = string | ((record: never, index: number) => unknown);

describe("basket's option rules: types", () => {
  it("give the parsed options the types the zod schemas inferred (optional ones possibly undefined)", () => {
    type Rules = OptionValues<typeof associationRulesShape>;
    expectTypeOf<Rules["minLift"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Rules["algorithm"]>().toEqualTypeOf<"fpgrowth" | "eclat" | "auto" | undefined>();
    expectTypeOf<Rules["consequent"]>().toEqualTypeOf<"single" | "all" | undefined>();
    expectTypeOf<Rules["antecedentItems"]>().toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf<Rules["sortBy"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Rules["measures"]>().toEqualTypeOf<
      Readonly<Record<string, AssociationRulesCustomMeasure>> | undefined
    >();
    // a required option stays required
    expectTypeOf<OptionValues<typeof topRulesShape>>().toHaveProperty("k").toEqualTypeOf<number>();
    expectTypeOf<OptionValues<typeof categoriesShape>["levels"]>().toEqualTypeOf<readonly string[]>();
    type Sequences = OptionValues<typeof sequenceShape>;
    expectTypeOf<Sequences["customer"]>().toEqualTypeOf<RecordField>();
    expectTypeOf<Sequences["order"]>().toEqualTypeOf<RecordField | undefined>();
  });
});
