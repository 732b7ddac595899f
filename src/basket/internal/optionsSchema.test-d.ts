import { describe, expectTypeOf, it } from "vitest";
import * as z from "zod/mini";
import {
  numberSchema,
  optionalSchema,
  optionsSchema,
  stringSchema,
} from "../../../test/zodOracle/optionChecks.js";

describe("optionsSchema types", () => {
  it("makes a key optional as z.optional does, with the wrapped schema's types", () => {
    const cheap = optionsSchema({ n: optionalSchema(numberSchema("a number", [])), s: stringSchema() });
    const reference = z.strictObject({ n: z.optional(numberSchema("a number", [])), s: stringSchema() });
    expectTypeOf<z.output<typeof cheap>>().toEqualTypeOf<z.output<typeof reference>>();
    expectTypeOf<z.input<typeof cheap>>().toEqualTypeOf<z.input<typeof reference>>();
    expectTypeOf<z.output<typeof cheap>>().toEqualTypeOf<{ n?: number | undefined; s: string }>();
    const inZod = z.strictObject({ n: optionalSchema(z.number()) });
    expectTypeOf<z.output<typeof inZod>>().toEqualTypeOf<{ n?: number | undefined }>();
  });
});
