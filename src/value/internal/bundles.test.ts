import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";

describe("value bundles", () => {
  it("the purchase-day summaries refuse `order` without zod's never schema", {
    timeout: 30_000,
  }, async () => {
    for (const name of ["repeatPurchaseSummary", "calibrationHoldoutSummary"]) {
      const { code } = await bundleOf(`export { ${name} } from "./${name}.ts";`, {
        platform: "node",
        resolveDir: fileURLToPath(new URL("..", import.meta.url)),
      });
      expect(code.includes("$ZodNever"), name).toBe(false);
    }
  });

  it("clientele/value as a whole carries no zod and no schema walker (options checked by core's option rules)", {
    timeout: 30_000,
  }, async () => {
    const { code } = await bundleOf(`export * from "./index.ts";`, {
      platform: "node",
      resolveDir: fileURLToPath(new URL("..", import.meta.url)),
    });
    // zod's schemas keep their definition under `_zod`; parseOptions' walker reads `innerType`
    expect(code.includes("_zod")).toBe(false);
    expect(code.includes("innerType")).toBe(false);
  });
});
