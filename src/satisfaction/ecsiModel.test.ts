import { describe, expect, it } from "vitest";
import { describeWithDataset, readSharedDataset } from "../../test/datasets.js";
import { generateStore } from "../store/index.js";
import { ECSI_MODEL } from "./ecsiModel.js";

const items = Object.values(ECSI_MODEL.blocks).flat();

describe("ECSI_MODEL", () => {
  it("is deeply frozen, so no caller can change the shared definition", () => {
    expect(Object.isFrozen(ECSI_MODEL)).toBe(true);
    expect(Object.isFrozen(ECSI_MODEL.blocks.Image)).toBe(true);
    expect(Object.isFrozen(ECSI_MODEL.paths[0])).toBe(true);
    expect(() => {
      (ECSI_MODEL.blocks.Image as unknown as string[]).push("IMAG6");
    }).toThrowError(TypeError);
  });

  it("has 24 distinct items and 12 paths between its 7 constructs, Image the only exogenous one", () => {
    expect(new Set(items).size).toBe(24);
    expect(ECSI_MODEL.paths).toHaveLength(12);
    const constructs = Object.keys(ECSI_MODEL.blocks);
    const targets = new Set<string>(ECSI_MODEL.paths.map((p) => p.to));
    expect(constructs.filter((c) => !targets.has(c))).toEqual(["Image"]);
    for (const path of ECSI_MODEL.paths) expect(constructs).toContain(path.from);
  });

  it("names items that the generated store's surveys answer", () => {
    const survey = generateStore({ seed: 1, customers: 200 }).surveys[0] as unknown as Record<
      string,
      unknown
    >;
    for (const item of items) expect(survey[item]).toBeTypeOf("number");
  });
});

describeWithDataset("ecsi_mobi.csv", "ECSI_MODEL on the mobile-phone survey", () => {
  it("uses exactly the 24 item columns of ecsi_mobi.csv", () => {
    const header = readSharedDataset("ecsi_mobi.csv").split("\n")[0]?.trim().split(",") ?? [];
    expect([...items].sort()).toEqual([...header].sort());
  });
});
