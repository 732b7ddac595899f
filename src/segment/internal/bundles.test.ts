import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";
import { optionsSchema } from "../../core/internal/optionChecks.js";
import { parseOptions, seedSchema } from "../../core/options.js";
import { kMeans } from "../kMeans.js";
import { seedOption } from "./optionChecks.js";

describe("segment bundles", () => {
  it("kMeans and chooseK carry no zod number schema, chooseK no init check", {
    timeout: 30_000,
  }, async () => {
    for (const name of ["kMeans", "chooseK"]) {
      const { code } = await bundleOf(`export { ${name} } from "./${name}.ts";`, {
        platform: "node",
        resolveDir: fileURLToPath(new URL("..", import.meta.url)),
      });
      expect(code.includes("$ZodNumber"), name).toBe(false);
      // chooseK takes no `init`: the init option's check stays in kMeans' bundle only
      expect(code.includes("an array of k arrays of numbers"), name).toBe(name === "kMeans");
    }
  });

  it("seedOption words every value as core's seedSchema does", () => {
    const message = (schema: unknown, value: unknown): string => {
      try {
        parseOptions("f", schema as never, { seed: value });
      } catch (error) {
        return (error as Error).message;
      }
      return "accepted";
    };
    const schemaOf = (seed: typeof seedOption | typeof seedSchema) => optionsSchema({ seed });
    for (const value of [
      1,
      -3.5,
      0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      "1",
      null,
      {},
      [],
      true,
      undefined,
    ]) {
      expect(message(schemaOf(seedOption), value)).toBe(message(schemaOf(seedSchema), value));
    }
  });

  it("kMeans refuses both or neither of fields and matrix, and words a bad seed", () => {
    const records = [{ x: 1 }, { x: 2 }, { x: 5 }];
    expect(() => kMeans(records, { k: 1 } as never)).toThrow(
      "fields: give exactly one of fields (to build the feature matrix) or matrix (a featureMatrix result)",
    );
    expect(() => kMeans(records, { k: 1, fields: ["x"], seed: Number.NaN })).toThrow(
      "seed: expected a finite number, received a number",
    );
  });
});
