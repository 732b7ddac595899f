import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";

/** The minified bundle of one export of a satisfaction file (as a consumer's bundler makes it). */
async function codeOf(name: string, file = name): Promise<string> {
  const resolveDir = fileURLToPath(new URL("..", import.meta.url));
  return (await bundleOf(`export { ${name} } from "./${file}.ts";`, { platform: "node", resolveDir })).code;
}

/** Zod schema kinds the PLS functions' options no longer use (core's custom checks stand for them). */
const ZOD_KINDS = ["$ZodArray", "$ZodString", "$ZodBoolean", "$ZodTuple", "$ZodEnum"];

describe("satisfaction bundles", () => {
  it("carry no zod array, string, boolean, tuple or enum schema in the PLS functions", {
    timeout: 30_000,
  }, async () => {
    for (const name of [
      "plsPathModel",
      "bootstrap",
      "micom",
      "plsMultigroup",
      "plsPredict",
      "higherOrderConstruct",
    ]) {
      const code = await codeOf(name);
      expect(
        ZOD_KINDS.filter((kind) => code.includes(kind)),
        name,
      ).toEqual([]);
    }
  });

  it("clientele/satisfaction as a whole carries no zod and no schema walker (options checked by core's option rules)", {
    timeout: 30_000,
  }, async () => {
    const resolveDir = fileURLToPath(new URL("..", import.meta.url));
    const { code } = await bundleOf(`export * from "./index.ts";`, { platform: "node", resolveDir });
    // zod's schemas keep their definition under `_zod`; parseOptions' walker reads `innerType`
    expect(code.includes("_zod")).toBe(false);
    expect(code.includes("innerType")).toBe(false);
  });

  it("bootstrap's normal quantile is refined from a short approximation, not AS 241's coefficient tables", {
    timeout: 30_000,
  }, async () => {
    const code = await codeOf("bootstrap");
    expect(code.includes("2509.0809287301227")).toBe(false);
  });

  it("read micom's and plsMultigroup's group without core's columnar and Arrow readers", {
    timeout: 30_000,
  }, async () => {
    for (const name of ["micom", "plsMultigroup"]) {
      const code = await codeOf(name);
      // a message of core's columnar reader (readCodes takes columns and Arrow tables too)
      expect(code.includes("columns must have one length"), name).toBe(false);
    }
  });
});
