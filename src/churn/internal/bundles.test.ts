import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";

const churnFolder = fileURLToPath(new URL("..", import.meta.url));

describe("churn bundles", () => {
  it("clientele/churn as a whole carries no zod and no schema walker (options checked by core's option rules)", {
    timeout: 30_000,
  }, async () => {
    const { code } = await bundleOf(`export * from "./index.ts";`, {
      platform: "node",
      resolveDir: churnFolder,
    });
    // zod's schemas keep their definition under `_zod`; parseOptions' walker reads `innerType`
    expect(code.includes("_zod")).toBe(false);
    expect(code.includes("innerType")).toBe(false);
  });

  it("restoreChurnModel alone carries no zod (its saved-model check is plain code) and stays under 30 kB", {
    timeout: 30_000,
  }, async () => {
    const { code, bytes } = await bundleOf(`export { restoreChurnModel } from "./restoreChurnModel.ts";`, {
      platform: "node",
      resolveDir: churnFolder,
    });
    expect(code.includes("_zod")).toBe(false);
    // 21 kB when measured (46 kB with the zod schema of the saved model)
    expect(bytes).toBeLessThan(30_000);
  });
});
