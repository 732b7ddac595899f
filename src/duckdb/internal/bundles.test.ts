import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";

describe("duckdb bundles", () => {
  it("clientele/duckdb as a whole carries no zod and no schema walker", { timeout: 30_000 }, async () => {
    const { code } = await bundleOf(`export * from "./index.ts";`, {
      platform: "node",
      external: ["@duckdb/node-api"],
      resolveDir: fileURLToPath(new URL("..", import.meta.url)),
    });
    // zod's schemas keep their definition under `_zod`; parseOptions' walker reads `innerType`
    expect(code.includes("_zod")).toBe(false);
    expect(code.includes("innerType")).toBe(false);
    // the options are still checked: configureDuckDB's own message is in the bundle
    expect(code.includes("expected a path without NUL characters")).toBe(true);
  });
});
