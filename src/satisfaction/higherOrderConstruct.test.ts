import { expect, it } from "vitest";
import { ECSI_REFERENCE_OPTIONS, readEcsiRows } from "../../fixtures/satisfaction/ecsi.js";
import { readGroupsPredictReference } from "../../fixtures/satisfaction/groupsPredict.js";
import { describeWithDataset } from "../../test/datasets.js";
import { expectClose } from "../../test/expectClose.js";
import { InvalidOptionsError } from "../core/index.js";
import { higherOrderConstruct } from "./higherOrderConstruct.js";
import { plsPathModel } from "./plsPathModel.js";

// ECSI as the R references estimate it, with Quality and Value as the dimensions of a second-order
// "Perception" (paths in the R script's order).
const PERCEPTION_MODEL = {
  ...ECSI_REFERENCE_OPTIONS,
  paths: [
    { from: "Image", to: "Expectation" },
    { from: "Image", to: "Satisfaction" },
    { from: "Image", to: "Loyalty" },
    { from: "Expectation", to: "Perception" },
    { from: "Expectation", to: "Satisfaction" },
    { from: "Perception", to: "Satisfaction" },
    { from: "Satisfaction", to: "Complaints" },
    { from: "Satisfaction", to: "Loyalty" },
    { from: "Complaints", to: "Loyalty" },
  ],
};
const OPTIONS = { name: "Perception", dimensions: ["Quality", "Value"] };

describeWithDataset("ecsi_mobi.csv", "higherOrderConstruct on ECSI (Perception = Quality + Value)", () => {
  const rows = readEcsiRows();
  const reference = readGroupsPredictReference().builders;

  it("repeated indicators: 9 repeated items, paths to both dimensions, estimates match base R to 1e-9", () => {
    const built = higherOrderConstruct(rows, PERCEPTION_MODEL, OPTIONS);
    expect(built.indicators).toHaveLength(9);
    expect(built.indicators[0]).toBe("Perception: PERQ1");
    expect(built.rows[0]?.["Perception: PERQ1"]).toBe(rows[0]?.PERQ1);
    expect(built.model.paths.slice(-2)).toEqual([
      { from: "Perception", to: "Quality" },
      { from: "Perception", to: "Value" },
    ]);
    expect(built.options).toEqual({ ...OPTIONS, approach: "repeatedIndicators", mode: "A" });
    const fit = plsPathModel(built.rows, built.model);
    expectClose(
      fit.pathCoefficients.map((path) => path.estimate),
      reference.hocRepeatedIndicators,
      1e-9,
    );
  });

  it("embedded two-stage: dimension scores as indicators, dimensions dropped, estimates match base R to 1e-9", () => {
    const built = higherOrderConstruct(rows, PERCEPTION_MODEL, { ...OPTIONS, approach: "twoStage" });
    expect(built.model.blocks.Perception).toEqual(["Perception: Quality", "Perception: Value"]);
    expect(Object.keys(built.model.blocks)).not.toContain("Quality");
    const fit = plsPathModel(built.rows, built.model);
    expectClose(
      fit.pathCoefficients.map((path) => path.estimate),
      reference.hocTwoStage,
      1e-9,
    );
    const formative = higherOrderConstruct(rows, PERCEPTION_MODEL, {
      ...OPTIONS,
      approach: "twoStage",
      mode: "B",
    });
    expect(formative.model.mode).toEqual({ Perception: "B" });
    expect(plsPathModel(formative.rows, formative.model).converged).toBe(true);
  });

  it("refuses unknown dimensions, paths through a dimension and a taken name", () => {
    expect(() =>
      higherOrderConstruct(rows, PERCEPTION_MODEL, { ...OPTIONS, dimensions: ["Quality", "Price"] }),
    ).toThrowError(InvalidOptionsError);
    expect(() =>
      higherOrderConstruct(
        rows,
        { ...PERCEPTION_MODEL, paths: [...PERCEPTION_MODEL.paths, { from: "Quality", to: "Loyalty" }] },
        OPTIONS,
      ),
    ).toThrowError(/mentions the dimension "Quality"/);
    expect(() => higherOrderConstruct(rows, PERCEPTION_MODEL, { ...OPTIONS, name: "Image" })).toThrowError(
      /already has this name/,
    );
    expect(() =>
      higherOrderConstruct(rows, PERCEPTION_MODEL, { ...OPTIONS, dimensions: ["Quality"] }),
    ).toThrowError(InvalidOptionsError);
  });
});

it("higherOrderConstruct refuses a model without blocks and paths", () => {
  expect(() => higherOrderConstruct([], null as never, OPTIONS)).toThrowError(InvalidOptionsError);
});
