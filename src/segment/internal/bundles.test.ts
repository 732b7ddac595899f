import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";
import { kMeans } from "../kMeans.js";

describe("segment bundles", () => {
  it("kMeans and chooseK carry no zod (options checked by core's option rules), chooseK no init check", {
    timeout: 30_000,
  }, async () => {
    for (const name of ["kMeans", "chooseK"]) {
      const { code } = await bundleOf(`export { ${name} } from "./${name}.ts";`, {
        platform: "node",
        resolveDir: fileURLToPath(new URL("..", import.meta.url)),
      });
      // zod's schemas keep their definition under `_zod`; parseOptions' walker reads `innerType`
      expect(code.includes("_zod"), name).toBe(false);
      expect(code.includes("innerType"), name).toBe(false);
      // chooseK takes no `init`: the init option's check stays in kMeans' bundle only
      expect(code.includes("an array of k arrays of numbers"), name).toBe(name === "kMeans");
    }
  });

  it("clientele/segment as a whole carries no zod and no schema walker", { timeout: 30_000 }, async () => {
    const { code } = await bundleOf(`export * from "./index.ts";`, {
      platform: "node",
      resolveDir: fileURLToPath(new URL("..", import.meta.url)),
    });
    expect(code.includes("_zod")).toBe(false);
    expect(code.includes("innerType")).toBe(false);
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
