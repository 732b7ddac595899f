import { describe, expect, it } from "vitest";
import { bundleOf } from "../../test/bundle.js";

/**
 * Core's option wording and result display are in most functions' bundles (checkOptions in about 160 of
 * the 235 runtime exports, withDisplay in about 100), so every byte they take counts many times toward
 * the 50 kB bar of issue 13. These tests keep them at the size they were cut to (issue 13: display.ts
 * 3,654 -> 3,526 bytes in session 6; the option rules replaced parseOptions and zod in session 8, 671
 * and 690 bytes for checkOptions and numeric); the bounds leave a little room.
 */
/** `export { <names> } from "./src/core/<entry>"` bundled and minified with esbuild: its code and metafile. */
const bundle = (entry: string, names: string) => bundleOf(`export { ${names} } from "./src/core/${entry}";`);

/** The minified bytes that src/core/<file> takes in the bundle of `names` from `entry`. */
async function bytesFrom(entry: string, names: string, file: string): Promise<number> {
  const { output } = await bundle(entry, names);
  return Object.entries(output?.inputs ?? {})
    .filter(([path]) => path.endsWith(`src/core/${file}`))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
}

describe("core's share of every bundle", () => {
  it("checkOptions' own code (shape walking, issue wording) is at most 0.75 kB minified", async () => {
    const bytes = await bytesFrom("internal/optionRules.ts", "checkOptions", "internal/optionRules.ts");
    expect(bytes).toBeGreaterThan(400);
    expect(bytes).toBeLessThanOrEqual(750);
  });

  it("withDisplay's own code (checks, text and HTML tables, notebook hook) is at most 3.55 kB minified", async () => {
    const bytes = await bytesFrom("display.ts", "withDisplay", "display.ts");
    expect(bytes).toBeGreaterThan(2000);
    expect(bytes).toBeLessThanOrEqual(3550);
  });

  it("createRandom (every draw and its argument checks) is at most 2.55 kB minified", async () => {
    // 2,616 bytes before the finite-and-at-least checks were written with Number.isFinite
    const bytes = await bytesFrom("random.ts", "createRandom", "random.ts");
    expect(bytes).toBeGreaterThan(1500);
    expect(bytes).toBeLessThanOrEqual(2550);
  });

  it("numeric (bounds, whole numbers and their messages) is at most 0.8 kB minified", async () => {
    const bytes = await bytesFrom("internal/optionRules.ts", "numeric", "internal/optionRules.ts");
    expect(bytes).toBeGreaterThan(400);
    expect(bytes).toBeLessThanOrEqual(800);
  });

  it("describeValue is at most 450 bytes minified", async () => {
    const bytes = await bytesFrom("errors.ts", "describeValue", "errors.ts");
    expect(bytes).toBeGreaterThan(200);
    expect(bytes).toBeLessThanOrEqual(450);
  });
});
