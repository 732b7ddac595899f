import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("crm bundles", () => {
  it("qualifyProspects and offeringPayments carry no zod enum, array or string schema", {
    timeout: 30_000,
  }, async () => {
    const { build } = await import("esbuild");
    for (const name of ["qualifyProspects", "offeringPayments"]) {
      const result = await build({
        stdin: {
          contents: `export { ${name} } from "./${name}.ts";`,
          resolveDir: fileURLToPath(new URL("..", import.meta.url)),
          loader: "ts",
        },
        bundle: true,
        minify: true,
        format: "esm",
        platform: "node",
        target: "es2022",
        write: false,
        logLevel: "silent",
      });
      const code = result.outputFiles[0]?.text ?? "";
      expect(
        ["$ZodEnum", "$ZodArray", "$ZodString"].filter((kind) => code.includes(kind)),
        name,
      ).toEqual([]);
    }
  });
});
