import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";

describe("adapter bundles", () => {
  for (const module of ["table", "danfo"]) {
    it(`clientele/${module} as a whole carries no zod and no schema walker`, {
      timeout: 30_000,
    }, async () => {
      const { code } = await bundleOf(`export * from "./${module}/index.ts";`, {
        platform: "node",
        external: ["arquero", "danfojs-node"],
        resolveDir: fileURLToPath(new URL("../..", import.meta.url)),
      });
      // zod's schemas keep their definition under `_zod`; parseOptions' walker reads `innerType`
      expect(code.includes("_zod")).toBe(false);
      expect(code.includes("innerType")).toBe(false);
      // the options are still checked: the column list's own message is in the bundle
      expect(code.includes("column names must be distinct")).toBe(true);
    });
  }
});
