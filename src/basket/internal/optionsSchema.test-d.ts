import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod/mini";
import { optionsSchema } from "../../core/internal/optionChecks.js";
import { associationRulesShape } from "../associationRules.js";
import { categoriesShape } from "./categories.js";
import { sequenceShape } from "./sequenceCommon.js";

describe("optionsSchema types", () => {
  it("infers the option types z.strictObject infers (associationRules, multiLevelRules, sequentialPatterns)", () => {
    const rules = optionsSchema(associationRulesShape);
    const rulesObject = z.strictObject(associationRulesShape);
    expectTypeOf<z.output<typeof rules>>().toEqualTypeOf<z.output<typeof rulesObject>>();
    expectTypeOf<z.input<typeof rules>>().toEqualTypeOf<z.input<typeof rulesObject>>();
    // optional keys stay optional, required ones required
    expectTypeOf<z.output<typeof rules>>().toHaveProperty("minLift").toEqualTypeOf<number | undefined>();
    const categories = optionsSchema(categoriesShape);
    const categoriesObject = z.object(categoriesShape);
    expectTypeOf<z.output<typeof categories>>().toEqualTypeOf<z.output<typeof categoriesObject>>();
    expectTypeOf<z.output<typeof categories>["levels"]>().toEqualTypeOf<readonly string[]>();
    const sequences = optionsSchema(sequenceShape);
    const sequencesObject = z.strictObject(sequenceShape);
    expectTypeOf<z.output<typeof sequences>>().toEqualTypeOf<z.output<typeof sequencesObject>>();
  });
});
