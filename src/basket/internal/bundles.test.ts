import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";

const resolveDir = fileURLToPath(new URL("..", import.meta.url));

describe("basket bundles", () => {
  it("clientele/basket as a whole carries no zod and no schema walker", { timeout: 30_000 }, async () => {
    const { code } = await bundleOf(`export * from "./index.ts";`, { platform: "node", resolveDir });
    // zod's schemas keep their definition under `_zod`; parseOptions' walker reads `innerType`
    expect(code.includes("_zod")).toBe(false);
    expect(code.includes("innerType")).toBe(false);
  });

  it("multiLevelRules, the largest basket function, bundles well under 50 kB", {
    timeout: 30_000,
  }, async () => {
    const { code, bytes } = await bundleOf(`export { multiLevelRules } from "./multiLevelRules.ts";`, {
      platform: "node",
      resolveDir,
    });
    expect(code.includes("_zod")).toBe(false);
    // 49.9 kB with zod (session 7), 37.2 kB with core's option rules
    expect(bytes).toBeLessThan(40_000);
  });
});
