import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { bundleOf } from "../../../test/bundle.js";

describe("crm bundles", () => {
  it("qualifyProspects and offeringPayments carry no zod enum, array or string schema", {
    timeout: 30_000,
  }, async () => {
    for (const name of ["qualifyProspects", "offeringPayments"]) {
      const { code } = await bundleOf(`export { ${name} } from "./${name}.ts";`, {
        platform: "node",
        resolveDir: fileURLToPath(new URL("..", import.meta.url)),
      });
      expect(
        ["$ZodEnum", "$ZodArray", "$ZodString"].filter((kind) => code.includes(kind)),
        name,
      ).toEqual([]);
    }
  });

  it("the record-log functions and contactPolicy carry no zod (options checked by core's option rules)", {
    timeout: 30_000,
  }, async () => {
    for (const name of [
      "complaintSummary",
      "contactPolicy",
      "customerShare",
      "customerShareInputs",
      "serviceKpis",
      "silentDissatisfied",
    ]) {
      const { code } = await bundleOf(`export { ${name} } from "./${name}.ts";`, {
        platform: "node",
        resolveDir: fileURLToPath(new URL("..", import.meta.url)),
      });
      // zod's schemas keep their definition under `_zod`; parseOptions' walker reads `innerType`
      expect(code.includes("_zod"), name).toBe(false);
      expect(code.includes("innerType"), name).toBe(false);
      // nor zod's unknown schema and superRefine's issue wrapper, which they carried before (session 7)
      expect(
        ["$ZodUnknown", "addIssue"].filter((piece) => code.includes(piece)),
        name,
      ).toEqual([]);
    }
  });

  it("clientele/crm, clientele/store and clientele/sql as a whole carry no zod and no schema walker", {
    timeout: 30_000,
  }, async () => {
    for (const module of ["crm", "store", "sql"]) {
      const { code } = await bundleOf(`export * from "./index.ts";`, {
        platform: "node",
        resolveDir: fileURLToPath(new URL(`../../${module}`, import.meta.url)),
      });
      expect(code.includes("_zod"), module).toBe(false);
      expect(code.includes("innerType"), module).toBe(false);
    }
  });
});
